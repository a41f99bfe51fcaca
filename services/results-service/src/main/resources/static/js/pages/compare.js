// Compare: two or more runs, metric curves overlaid, params and metrics side by side.
import { get, results } from '../api.js';
import { chart, esc, fmt, palette, shortId, html, mount } from '../ui.js';
import { histories } from './run.js';

export async function render(main, { args }) {
  const ids = (args[0] || '').split(',').filter(Boolean);
  if (ids.length < 2) {
    mount(main, html`<h1>Compare</h1><p class="muted">Pick two or more runs on the <a href="#/runs">Runs</a> page.</p>`);
    return;
  }
  const runs = await Promise.all(ids.map((id) => get(results(`/runs/${id}`))));
  const curves = await Promise.all(runs.map((r) => histories(r)));
  const label = (r) => `${r.name || 'run'} · ${shortId(r.id)}`;
  const curveKeys = [...new Set(curves.flatMap((c) => Object.keys(c)))].sort();
  const table = (title, pick, id, number) => {
    const keys = [...new Set(runs.flatMap((r) => Object.keys(pick(r) || {})))].sort();
    return html`<div class="card"><h2 class="flush">${title}</h2><table id="${id}"><thead><tr><th>key</th>${runs.map((r) => html`<th>${esc(label(r))}</th>`)}</tr></thead><tbody>
      ${keys.map((k) => {
        const vals = runs.map((r) => (pick(r) || {})[k]);
        const shown = vals.map((v) => (v === undefined ? '' : number ? fmt(v.value, 5) : esc(v)));
        const differs = new Set(shown).size > 1;
        return html`<tr class="${differs ? 'diff' : ''}"><td>${esc(k)}</td>${shown.map((s) => html`<td class="${number ? 'num' : ''}">${s}</td>`)}</tr>`;
      })}</tbody></table></div>`;
  };
  mount(main, html`
    <h1>Compare ${runs.length} runs</h1>
    <p class="muted">${runs.map((r, i) => html`${i ? ' · ' : ''}<span data-color="${palette[i % palette.length]}">■</span> <a href="#/run/${r.id}">${esc(label(r))}</a> (${esc(r.modelType || r.kind)})`)}</p>
    <div class="grid2">${curveKeys.map((k, i) => html`<div class="card"><h2 class="flush">${esc(k)}</h2><div class="chart small" id="cmp-${i}"></div></div>`)}</div>
    ${curveKeys.length ? '' : html`<p class="muted">none of these runs logged a metric over steps</p>`}
    ${table('Metrics (latest)', (r) => r.metrics, 'cmp-metrics', true)}
    ${table('Parameters (differences highlighted)', (r) => ({ system: r.systemName, modelType: r.modelType, experiment: r.experimentName, ...r.params }), 'cmp-params', false)}`);
  curveKeys.forEach((k, i) => chart(main.querySelector(`#cmp-${i}`), {
    tooltip: { trigger: 'axis' },
    legend: { top: 4 },
    xAxis: { type: 'value', name: 'step', minInterval: 1 },
    yAxis: { type: 'value', scale: true },
    series: runs.map((r, j) => ({ name: label(r), type: 'line', data: curves[j][k] || [], color: palette[j % palette.length] })),
  }));
}
