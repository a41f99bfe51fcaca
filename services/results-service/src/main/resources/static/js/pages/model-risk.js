// The forecast-level budget of an early-exit model (spec.risk, Learn-then-Test): per exit threshold
// the mean depth and the measured risk (mean relative change of the rollout error over about one
// Lyapunov time against full depth, on held-out calibration windows), with the threshold chosen at
// the stored tolerance and confidence, and the oracle. Built with DOM calls and textContent only.
import { chart, fmt } from '../ui.js';

function el(tag, attrs, text) {
  const e = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Inserts the card before the first card of the page; nothing for models without spec.risk. */
export function riskCard(main, spec) {
  const risk = spec && spec.risk;
  if (!risk || !Array.isArray(risk.points) || !risk.points.length) return;
  const blocks = spec.architecture ? spec.architecture.blocks : null;
  // A point is a router threshold, or a depth cap (maxDepth) under which the router decides.
  const cap = (p) => (p.maxDepth === undefined || p.maxDepth === null ? null : p.maxDepth);
  const riskCap = risk.maxDepth === undefined ? null : risk.maxDepth;
  const chosen = risk.points.find((p) => p.threshold === risk.threshold && cap(p) === riskCap) || risk.points[0];
  const label = (p) => (cap(p) === null ? `threshold ${fmt(p.threshold)}`
    : (p.threshold === 0 ? `at most ${cap(p)} blocks` : `threshold ${fmt(p.threshold)}, at most ${cap(p)} blocks`));
  const oracle = (risk.oracle || []).reduce((best, o) =>
    (!best || Math.abs(o.tolerance - risk.tolerance) < Math.abs(best.tolerance - risk.tolerance) ? o : best), null);
  const card = el('div', { class: 'card', id: 'risk-card' });
  card.appendChild(el('h2', { class: 'flush' }, 'Accuracy versus compute of the forecast, with the guarantee'));
  card.appendChild(el('p', { class: 'muted' },
    `Risk: the mean relative change of the rollout error over the first ${risk.horizonSteps} steps (about one Lyapunov time) `
    + 'against full depth, per window clipped to ±100 %. The policy (a router threshold, or a cap on the depth) is '
    + `chosen by Learn-then-Test on ${risk.windows} held-out calibration windows, so the risk stays within the tolerance `
    + 'on unseen windows with at least the stated confidence. Forecast requests may ask for another exit.tolerance and '
    + 'exit.confidence.'));
  const stats = el('div', { class: 'stats' });
  const stat = (label, value) => {
    const d = el('div');
    d.appendChild(el('span', {}, label));
    d.appendChild(document.createTextNode(value));
    stats.appendChild(d);
  };
  stat('tolerance ε', `${fmt(100 * risk.tolerance, 3)} %`);
  stat('confidence 1 − δ', `${fmt(100 * risk.confidence, 3)} %`);
  stat('calibrated policy', label(chosen));
  stat('mean depth of that policy', `${fmt(chosen.meanDepth)}${blocks ? ` of ${blocks}` : ''}`);
  stat('measured risk (calibration)', `${fmt(100 * chosen.risk, 3)} %`);
  stat('oracle mean depth at ε', oracle ? fmt(oracle.meanDepth) : '');
  card.appendChild(stats);
  const plot = el('div', { class: 'chart tall', id: 'risk-tradeoff' });
  card.appendChild(plot);
  main.insertBefore(card, main.querySelector('.card, .notice'));

  const byDepth = (list) => [...list].sort((a, b) => a.meanDepth - b.meanDepth)
    .map((p) => ({ value: [p.meanDepth, 100 * p.risk], t: label(p) }));
  const thresholds = byDepth(risk.points.filter((p) => cap(p) === null));
  const caps = byDepth(risk.points.filter((p) => cap(p) !== null));
  // Tooltips are built from numbers and fixed words; ECharts renders them as HTML.
  chart(plot, {
    tooltip: { trigger: 'item', formatter: (p) => (p.data && p.data.t !== undefined
      ? `${p.data.t}<br>mean depth ${fmt(p.data.value[0])}<br>risk ${fmt(p.data.value[1], 3)} %` : String(p.name)) },
    legend: { top: 4 },
    xAxis: { type: 'value', name: 'mean depth (blocks)', min: 0, max: blocks || undefined },
    yAxis: { type: 'value', name: 'risk: rollout error change over full depth (%)' },
    series: [
      { name: 'router thresholds', type: 'line', symbolSize: 6, data: thresholds,
        markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#868e96' },
          data: [{ yAxis: 100 * risk.tolerance, name: 'tolerance', label: { formatter: 'tolerance ε', position: 'insideStartTop' } }] } },
      { name: 'depth caps', type: 'line', symbolSize: 6, lineStyle: { type: 'dotted' }, data: caps },
      { name: 'calibrated', type: 'scatter', symbolSize: 16, itemStyle: { color: '#e8590c' },
        data: [{ value: [chosen.meanDepth, 100 * chosen.risk], t: label(chosen) }] },
      { name: 'oracle', type: 'scatter', symbol: 'diamond', symbolSize: 16, itemStyle: { color: '#2b8a3e' },
        data: oracle ? [{ value: [oracle.meanDepth, 100 * risk.tolerance], name: 'oracle' }] : [] },
    ],
  });
}
