// Small DOM and chart helpers shared by the pages.
//
// Pages build their markup with the html`...` tag below. Only the literal parts of a template are
// parsed as HTML (they are written here, never received); every interpolated value becomes a text
// node or an attribute value set through the DOM, so a value from a user or a model spec can never
// become markup, whatever it holds. Nothing assigns data to innerHTML.

const MARK = '\uE000'; // a private-use character: never in the templates, kept by the parser

/** A parsed template; insert it with mount() or inside another html`...`. */
class Html {
  constructor(strings, values) {
    this.strings = strings;
    this.values = values;
  }

  /** A fresh DocumentFragment of this template with its values filled in. */
  fragment() {
    let source = '';
    let inTag = false;
    let quote = null;
    this.strings.forEach((part, i) => {
      for (const ch of part) {
        if (quote) {
          if (ch === quote) quote = null;
        } else if (inTag) {
          if (ch === '"' || ch === "'") quote = ch;
          else if (ch === '>') inTag = false;
        } else if (ch === '<') {
          inTag = true;
        }
      }
      source += part;
      if (i === this.values.length) return;
      if (quote) {
        source += `${MARK}${i}${MARK}`; // inside an attribute value: filled in below via setAttribute
      } else if (inTag) {
        // A bare attribute name such as `selected` (boolean attributes): names only, never values.
        const name = this.values[i] ?? '';
        if (!/^[a-z-]*$/.test(String(name))) throw new Error(`not an attribute name: ${name}`);
        source += name;
      } else {
        source += `<!--${MARK}${i}-->`;
      }
    });
    const template = document.createElement('template');
    template.innerHTML = source; // literal markup and placeholders only
    const root = template.content;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_COMMENT);
    const comments = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType === Node.COMMENT_NODE) {
        if (n.data.startsWith(MARK)) comments.push(n);
        continue;
      }
      for (const attr of [...n.attributes]) {
        if (!attr.value.includes(MARK)) continue;
        const value = attr.value.replace(new RegExp(`${MARK}(\\d+)${MARK}`, 'g'), (_, k) => String(this.values[Number(k)] ?? ''));
        if ((attr.name === 'href' || attr.name === 'src') && /^\s*(javascript|data|vbscript):/i.test(value)) {
          n.setAttribute(attr.name, '#');
        } else {
          n.setAttribute(attr.name, value);
        }
      }
    }
    for (const c of comments) {
      c.replaceWith(...nodes(this.values[Number(c.data.substring(1))]));
    }
    return root;
  }
}

function nodes(value) {
  if (value === null || value === undefined || value === false) return [];
  if (value instanceof Html) return [value.fragment()];
  if (Array.isArray(value)) return value.flatMap(nodes);
  return [document.createTextNode(String(value))];
}

/** Tagged template: literal markup with text-only values (see above). */
export function html(strings, ...values) {
  return new Html(strings, values);
}

/** Replaces el's content with a template (or text); applies the data-width / data-color hooks. */
export function mount(el, content) {
  el.replaceChildren(...nodes(content));
  styleHooks(el);
  return el;
}

/** Replaces el itself with a template. */
export function replace(el, content) {
  const holder = document.createElement('div');
  mount(holder, content);
  el.replaceWith(...holder.childNodes);
}

// Styles that depend on data are set through the CSSOM (allowed by the Content-Security-Policy,
// which forbids style attributes in markup).
function styleHooks(el) {
  el.querySelectorAll('[data-width]').forEach((e) => { e.style.width = `${Number(e.dataset.width) || 0}%`; });
  el.querySelectorAll('[data-color]').forEach((e) => { e.style.color = e.dataset.color; });
}

/** A value shown as text (values are text in html`...` anyway; kept for readability). */
export function esc(v) {
  return String(v ?? '');
}

/** HTML-escapes for the few strings ECharts renders as HTML (tooltip formatters). */
export function escapeHtml(v) {
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
  return html`<span class="badge ${status}">${status}</span>`;
}

export function shortId(id) {
  return id ? String(id).substring(0, 8) : '';
}

export function errorBox(e) {
  const code = e && e.problem && e.problem.code ? html` <code>${e.problem.code}</code>` : '';
  return html`<div class="error">${e && e.message ? e.message : String(e)}${code}</div>`;
}

export function kv(obj) {
  const entries = Object.entries(obj || {});
  if (!entries.length) return html`<p class="muted">none</p>`;
  return html`<dl class="kv">${entries.map(([k, v]) => html`<dt>${k}</dt><dd>${typeof v === 'object' ? JSON.stringify(v) : v}</dd>`)}</dl>`;
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
