// Small DOM and chart helpers shared by the pages.

export function esc(v) {
  return String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

export function fmt(v, digits = 4) {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v !== 'number') return esc(v);
  if (!Number.isFinite(v)) return String(v);
  if (v !== 0 && (Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3)) return v.toExponential(digits - 1);
  return Number(v.toPrecision(digits)).toString();
}

export function time(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return d.toISOString().replace('T', ' ').substring(0, 19);
}

export function badge(status) {
  return `<span class="badge ${esc(status)}">${esc(status)}</span>`;
}

export function shortId(id) {
  return id ? String(id).substring(0, 8) : '';
}

export function errorBox(e) {
  const code = e && e.problem && e.problem.code ? ` <code>${esc(e.problem.code)}</code>` : '';
  return `<div class="error">${esc(e && e.message ? e.message : e)}${code}</div>`;
}

export function kv(obj) {
  const entries = Object.entries(obj || {});
  if (!entries.length) return '<p class="muted">none</p>';
  return `<dl class="kv">${entries.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(typeof v === 'object' ? JSON.stringify(v) : v)}</dd>`).join('')}</dl>`;
}

const live = new Set();

/** Draws an ECharts option into el (a .chart element); charts are disposed on navigation. */
export function chart(el, option) {
  const c = echarts.getInstanceByDom(el) || echarts.init(el);
  // Axis names centred beside the axis (never clipped at the corner), axis lines at the edge.
  const axis = (a, gap) => (a && !Array.isArray(a) ? { nameLocation: 'middle', nameGap: gap, axisLine: { onZero: false }, ...a } : a);
  c.setOption({ animation: false, grid: { left: 76, right: 32, top: 40, bottom: 52 }, ...option,
    xAxis: axis(option.xAxis, 30), yAxis: axis(option.yAxis, 56) }, true);
  live.add(c);
  return c;
}

export function disposeCharts() {
  for (const c of live) c.dispose();
  live.clear();
}

window.addEventListener('resize', () => live.forEach((c) => c.resize()));

/** Qualitative palette for model types and runs. */
export const palette = ['#3b5bdb', '#e8590c', '#2b8a3e', '#c2255c', '#7048e8', '#0c8599', '#e67700', '#495057'];

/** Changes the query of the current page without a reload (filters, sort) and re-renders. */
export function setQuery(params) {
  const [path] = (location.hash || '#/').split('?');
  const q = new URLSearchParams();
  Object.entries(params).forEach(([k, v]) => v !== undefined && v !== null && v !== '' && q.set(k, v));
  const s = q.toString();
  location.hash = s ? `${path}?${s}` : path;
}
