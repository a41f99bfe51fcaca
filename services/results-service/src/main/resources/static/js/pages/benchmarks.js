// Benchmarks: #/benchmarks lists them; #/benchmarks/{id} shows one with live progress, a heatmap
// of systems x models (VPT), the distribution of VPT per model, VPT against the largest Lyapunov
// exponent, and every cell with a link into its run. Built with DOM calls and textContent only
// (no HTML strings, no inline styles), so it runs under a strict Content-Security-Policy.
import * as api from '../api.js';
import { dataset, get, results } from '../api.js';
import { chart, disposeCharts, fmt, palette, time } from '../ui.js';

const VPT = 'test_vpt_median';
const OPEN = ['running', 'cancelling'];

/** An element with attributes and children (strings become text nodes). */
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => {
    if (v === undefined || v === null) return;
    if (k === 'class') e.className = v;
    else e.setAttribute(k, v);
  });
  children.flat().forEach((c) => e.append(c instanceof Node ? c : document.createTextNode(c ?? '')));
  return e;
}

/** A link that downloads through the API helper (which adds the sign-in token where there is one). */
function downloadLink(url, name, label) {
  const a = el('a', { href: url, download: name, 'data-download': name }, label);
  if (typeof api.download === 'function') {
    a.addEventListener('click', (ev) => {
      ev.preventDefault();
      api.download(url, name);
    });
  }
  return a;
}

function badge(status) {
  return el('span', { class: `badge ${status}` }, status);
}

function table(id, headers, rows) {
  return el('table', { id },
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', { class: h.num ? 'num' : undefined }, h.label || h)))),
    el('tbody', {}, rows.length ? rows : [el('tr', {}, el('td', { colspan: String(headers.length), class: 'muted' }, 'none'))]));
}

export async function render(main, { args }, ctx) {
  if (args[0]) {
    await renderOne(main, args[0], ctx);
  } else {
    await renderList(main);
  }
}

async function renderList(main) {
  const list = await get(results('/benchmarks?size=100'));
  const rows = list.map((b) => el('tr', {},
    el('td', {}, el('a', { href: `#/benchmarks/${b.id}` }, b.name)),
    el('td', {}, badge(b.status)),
    el('td', {}, b.protocol.name),
    el('td', { class: 'num' }, String(b.cells)),
    el('td', { class: 'num' }, String(b.counts.succeeded)),
    el('td', { class: 'num' }, String(b.counts.failed)),
    el('td', {}, time(b.createdAt))));
  main.replaceChildren(
    el('h1', {}, 'Benchmarks'),
    el('p', { class: 'muted' }, 'Systems x models x seeds under one protocol; create one with POST /api/v1/benchmarks (docs/benchmarks.md).'),
    el('div', { class: 'card' }, table('benchmarks-table', ['name', 'status', 'protocol', { label: 'cells', num: true },
      { label: 'succeeded', num: true }, { label: 'failed', num: true }, 'created'], rows)));
}

async function renderOne(main, id, ctx) {
  const [systems, first] = await Promise.all([get(dataset('/api/v1/systems')), load(id)]);
  const lambda = Object.fromEntries(systems.map((s) => [s.name, s.maxLyapunov]));
  draw(main, first, lambda);
  if (OPEN.includes(first.benchmark.status)) {
    // Live progress: redraw every few seconds until the benchmark is final.
    ctx.every(async () => {
      const next = await load(id);
      if (!ctx.active) return;
      draw(main, next, lambda);
      if (!OPEN.includes(next.benchmark.status)) ctx.stop();
    }, 3000);
  }
}

async function load(id) {
  const [benchmark, tableData] = await Promise.all([get(results(`/benchmarks/${id}`)), get(results(`/benchmarks/${id}/table`))]);
  return { benchmark, table: tableData };
}

function draw(main, { benchmark: b, table: t }, lambda) {
  disposeCharts();
  const done = b.counts.succeeded + b.counts.failed + b.counts.cancelled;
  const stats = el('div', { class: 'stats', id: 'bm-counts' },
    ...Object.entries(b.counts).map(([state, n]) => el('div', { 'data-state': state }, el('span', { class: 'big' }, String(n)), el('span', {}, state))),
    el('div', {}, el('span', { class: 'big', id: 'bm-eta' }, b.etaSeconds === null ? '–' : `${Math.round(b.etaSeconds)} s`), el('span', {}, 'ETA')));
  const progress = el('progress', { id: 'bm-progress', max: String(b.cells), value: String(done) });
  const failures = b.failures.map((f) => el('tr', {},
    el('td', {}, f.system), el('td', {}, f.modelType), el('td', {}, String(f.seed)), el('td', {}, f.reason || ''),
    el('td', {}, f.runId ? el('a', { href: `#/run/${f.runId}` }, f.runId.substring(0, 8)) : '')));

  const models = [...new Set(t.rows.map((r) => r.model))];
  const systemNames = [...new Set(t.rows.map((r) => r.system))];
  const cells = t.rows.map((r) => el('tr', {},
    el('td', {}, r.system), el('td', {}, r.model), el('td', { class: 'num' }, String(r.seed)), el('td', {}, badge(r.state)),
    // How the training ended, when it stopped early or diverged: the metrics come from the weights it kept.
    el('td', { class: 'muted', 'data-outcome': r.trainingOutcome ? 'yes' : null }, r.trainingOutcome || ''),
    el('td', { class: 'num' }, fmt(r.metrics[VPT])), el('td', { class: 'num' }, fmt(r.metrics.test_mse)),
    el('td', {}, r.runId ? el('a', { href: `#/run/${r.runId}` }, r.runId.substring(0, 8)) : '')));

  main.replaceChildren(
    el('h1', {}, `Benchmark ${b.name} `, badge(b.status)),
    el('p', { class: 'muted' }, `protocol ${b.protocol.name}: ${b.protocol.pointsPerPeriod} points/period, ${b.protocol.trainingPeriods} training periods, `
      + `${b.protocol.testOrigins} test origins, horizon ${b.protocol.horizonLyapunovTimes} LT, noise ${b.protocol.noise}, ${b.protocol.epochs} epochs; `
      + `${b.systems.length} systems x ${b.models.length} models x ${b.seeds.length} seeds`),
    el('div', { class: 'card' }, stats, el('p', {}, progress, ` ${done} of ${b.cells} cells final`),
      el('p', {}, downloadLink(`api/v1/benchmarks/${b.id}/table?format=csv`, `benchmark-${b.id}.csv`, 'table as CSV'), ' · ',
        downloadLink(`api/v1/benchmarks/${b.id}/table`, `benchmark-${b.id}.json`, 'table as JSON'), ' · ',
        downloadLink(`api/v1/benchmarks/${b.id}/summary`, `benchmark-${b.id}-summary.json`, 'summary (CIs, ranks, correlations)'))),
    el('div', { class: 'card' }, el('h2', {}, 'VPT (Lyapunov times), systems x models'), el('div', { class: 'chart tall', id: 'bm-heatmap' })),
    el('div', { class: 'grid2' },
      el('div', { class: 'card' }, el('h2', {}, 'VPT per model'), el('div', { class: 'chart', id: 'bm-vpt-box' })),
      el('div', { class: 'card' }, el('h2', {}, 'VPT against the largest Lyapunov exponent'), el('div', { class: 'chart', id: 'bm-vpt-lambda' }))),
    el('div', { class: 'card' }, el('h2', {}, 'Failures'), table('bm-failures', ['system', 'model', 'seed', 'reason', 'run'], failures)),
    el('div', { class: 'card' }, el('h2', {}, 'Cells'), table('bm-cells', ['system', 'model', { label: 'seed', num: true }, 'state', 'training',
      { label: 'VPT', num: true }, { label: 'MSE', num: true }, 'run'], cells)));

  // Seed-mean VPT per (system, model).
  const mean = {};
  t.rows.forEach((r) => {
    const v = r.metrics[VPT];
    if (typeof v !== 'number') return;
    const k = `${r.system}\u0000${r.model}`;
    (mean[k] = mean[k] || []).push(v);
  });
  const heat = [];
  systemNames.forEach((s, i) => models.forEach((m, j) => {
    const v = mean[`${s}\u0000${m}`];
    if (v) heat.push([j, i, v.reduce((a, x) => a + x, 0) / v.length]);
  }));
  const max = Math.max(1, ...heat.map((h) => h[2]));
  chart(main.querySelector('#bm-heatmap'), {
    tooltip: { formatter: (p) => `${systemNames[p.value[1]]} · ${models[p.value[0]]}: ${fmt(p.value[2], 3)} LT` },
    grid: { left: 140, right: 90, top: 20, bottom: 60 },
    xAxis: { type: 'category', data: models, name: 'model' },
    yAxis: { type: 'category', data: systemNames, nameGap: 120 },
    visualMap: { min: 0, max, calculable: true, orient: 'vertical', right: 0, top: 'center' },
    series: [{ type: 'heatmap', data: heat, label: { show: heat.length <= 200, formatter: (p) => fmt(p.value[2], 2) } }],
  });

  const box = models.map((m) => {
    const v = t.rows.filter((r) => r.model === m && typeof r.metrics[VPT] === 'number').map((r) => r.metrics[VPT]).sort((a, c) => a - c);
    if (!v.length) return [];
    const q = (p) => { const x = p * (v.length - 1); const lo = Math.floor(x); return v[lo] + (x - lo) * ((v[Math.min(v.length - 1, lo + 1)]) - v[lo]); };
    return [v[0], q(0.25), q(0.5), q(0.75), v[v.length - 1]];
  });
  chart(main.querySelector('#bm-vpt-box'), {
    tooltip: { trigger: 'item' },
    xAxis: { type: 'category', data: models },
    yAxis: { type: 'value', name: 'VPT (Lyapunov times)' },
    series: [{ type: 'boxplot', data: box }],
  });

  chart(main.querySelector('#bm-vpt-lambda'), {
    tooltip: { trigger: 'item', formatter: (p) => `${p.data[2]} · ${p.seriesName}: λ ${fmt(p.data[0], 3)}, VPT ${fmt(p.data[1], 3)}` },
    legend: { top: 0 },
    xAxis: { type: 'value', name: 'λmax', scale: true },
    yAxis: { type: 'value', name: 'VPT (Lyapunov times)' },
    series: models.map((m, i) => ({
      name: m,
      type: 'scatter',
      itemStyle: { color: palette[i % palette.length] },
      data: t.rows.filter((r) => r.model === m && typeof r.metrics[VPT] === 'number' && typeof lambda[r.system] === 'number')
        .map((r) => [lambda[r.system], r.metrics[VPT], r.system]),
    })),
  });
}
