// Leaderboard: per system, the best finished run per model type by VPT (in Lyapunov times,
// higher is better), MSE and sMAPE (lower is better): the platform's benchmark table.
import { dataset, get, query, results } from '../api.js';
import { chart, esc, fmt, palette, setQuery, time, html, mount } from '../ui.js';

const BOARDS = [
  { metric: 'test_vpt_median', order: 'desc', title: 'Valid prediction time (Lyapunov times, median)', unit: 'VPT' },
  { metric: 'test_mse', order: 'asc', title: 'MSE (test)', unit: 'MSE' },
  { metric: 'test_smape', order: 'asc', title: 'sMAPE (test, 0–200)', unit: 'sMAPE' },
];

export async function render(main, { query: q }) {
  const [systems, runs] = await Promise.all([
    get(dataset('/api/v1/systems')),
    get(results('/runs') + query({ status: 'finished', size: 500 })),
  ]);
  // Default to the system with the most finished runs, so the first view has something in it.
  const counts = {};
  runs.items.forEach((r) => r.systemName && (counts[r.systemName] = (counts[r.systemName] || 0) + 1));
  const busiest = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  const system = q.get('system') || (busiest ? busiest[0] : systems[0] && systems[0].name);
  const boards = await Promise.all(BOARDS.map((b) => get(results('/leaderboard') + query({ system, metric: b.metric, order: b.order }))));
  const names = [...new Set([...systems.map((s) => s.name), ...Object.keys(counts)])].sort();
  mount(main, html`
    <h1>Leaderboard</h1>
    <div class="filters">
      <label>System<select id="lb-system">${names.map((n) => html`<option ${n === system ? 'selected' : ''}>${esc(n)}</option>`)}</select></label>
      <span class="muted">best finished run per model type; ${counts[system] || 0} finished run${counts[system] === 1 ? '' : 's'} on ${esc(system)}</span>
    </div>
    <div class="card"><h2 class="flush">${BOARDS[0].title}</h2><div class="chart small" id="lb-chart"></div></div>
    <div class="grid3">${BOARDS.map((b, i) => html`
      <div class="card"><h2 class="flush">${b.title}</h2>
        <p class="muted">${b.order === 'desc' ? 'higher is better' : 'lower is better'}</p>
        <table class="leaderboard" id="lb-${b.metric}" data-metric="${b.metric}"><thead><tr><th>#</th><th>model type</th><th class="num">${b.unit}</th><th>run</th><th>finished</th></tr></thead>
        <tbody>${boards[i].entries.length ? boards[i].entries.map((e) => html`<tr><td>${e.rank}</td><td>${esc(e.modelType)}</td><td class="num">${fmt(e.value)}</td>
          <td><a href="#/run/${e.runId}">${esc(e.runName || e.runId.substring(0, 8))}</a></td><td>${time(e.endTime)}</td></tr>`)
          : html`<tr><td colspan="5" class="muted">no finished run with this metric</td></tr>`}</tbody></table></div>`)}
    </div>`);
  main.querySelector('#lb-system').addEventListener('change', (ev) => setQuery({ system: ev.target.value }));
  const vpt = boards[0].entries;
  chart(main.querySelector('#lb-chart'), {
    tooltip: { trigger: 'axis' },
    grid: { left: 120, right: 40, top: 20, bottom: 40 },
    xAxis: { type: 'value', name: 'VPT (Lyapunov times)', nameLocation: 'middle', nameGap: 26 },
    yAxis: { type: 'category', data: vpt.map((e) => e.modelType).reverse() },
    series: [{ type: 'bar', data: vpt.map((e, i) => ({ value: e.value, itemStyle: { color: palette[i % palette.length] } })).reverse(),
      label: { show: true, position: 'right', formatter: (p) => fmt(p.value, 3) } }],
  });
}
