// Compare: two or more runs, metric curves overlaid, params and metrics side by side.
import { get, results } from '../api.js';
import { chart, esc, fmt, palette, shortId } from '../ui.js';
import { histories } from './run.js';

export async function render(main, { args }) {
  const ids = (args[0] || '').split(',').filter(Boolean);
  if (ids.length < 2) {
    main.innerHTML = '<h1>Compare</h1><p class="muted">Pick two or more runs on the <a href="#/runs">Runs</a> page.</p>';
    return;
  }
  const runs = await Promise.all(ids.map((id) => get(results(`/runs/${id}`))));
  const curves = await Promise.all(runs.map((r) => histories(r)));
  const label = (r) => `${r.name || 'run'} · ${shortId(r.id)}`;
  const curveKeys = [...new Set(curves.flatMap((c) => Object.keys(c)))].sort();
  const table = (title, pick, id, number) => {
    const keys = [...new Set(runs.flatMap((r) => Object.keys(pick(r) || {})))].sort();
    return `<div class="card"><h2 style="margin-top:0">${title}</h2><table id="${id}"><thead><tr><th>key</th>${runs.map((r) => `<th>${esc(label(r))}</th>`).join('')}</tr></thead><tbody>
      ${keys.map((k) => {
        const vals = runs.map((r) => (pick(r) || {})[k]);
        const shown = vals.map((v) => (v === undefined ? '' : number ? fmt(v.value, 5) : esc(v)));
        const differs = new Set(shown).size > 1;
        return `<tr class="${differs ? 'diff' : ''}"><td>${esc(k)}</td>${shown.map((s) => `<td class="${number ? 'num' : ''}">${s}</td>`).join('')}</tr>`;
      }).join('')}</tbody></table></div>`;
  };
  main.innerHTML = `
    <h1>Compare ${runs.length} runs</h1>
    <p class="muted">${runs.map((r, i) => `<span style="color:${palette[i % palette.length]}">■</span> <a href="#/run/${r.id}">${esc(label(r))}</a> (${esc(r.modelType || r.kind)})`).join(' · ')}</p>
    <div class="grid2">${curveKeys.map((k, i) => `<div class="card"><h2 style="margin-top:0">${esc(k)}</h2><div class="chart small" id="cmp-${i}"></div></div>`).join('')}</div>
    ${curveKeys.length ? '' : '<p class="muted">none of these runs logged a metric over steps</p>'}
    ${table('Metrics (latest)', (r) => r.metrics, 'cmp-metrics', true)}
    ${table('Parameters (differences highlighted)', (r) => ({ system: r.systemName, modelType: r.modelType, experiment: r.experimentName, ...r.params }), 'cmp-params', false)}`;
  curveKeys.forEach((k, i) => chart(main.querySelector(`#cmp-${i}`), {
    tooltip: { trigger: 'axis' },
    legend: { top: 4 },
    xAxis: { type: 'value', name: 'step', minInterval: 1 },
    yAxis: { type: 'value', scale: true },
    series: runs.map((r, j) => ({ name: label(r), type: 'line', data: curves[j][k] || [], color: palette[j % palette.length] })),
  }));
}
