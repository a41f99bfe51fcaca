// Live forecast: pick a system and a model, take a context from one of the system's datasets,
// ask the inference-service, and draw forecast against truth, each step coloured by the depth at
// which its forward pass exited, with the compute saved.
import { dataset, get, inference, post, query, results } from '../api.js';
import { chart, errorBox, esc, fmt, setQuery, html, mount } from '../ui.js';

/** Exit depth as colour: green for the shallowest exit (cheap), through orange, to red for full depth. */
function depthColor(d, full) {
  const f = full > 1 ? (d - 1) / (full - 1) : 1;
  return `hsl(${Math.round(120 * (1 - f))}, 80%, 40%)`;
}

export async function render(main, { query: q }, ctx) {
  const models = (await get(results('/models') + query({ size: 500 }))).items;
  if (!models.length) {
    mount(main, html`<h1>Live forecast</h1><p class="muted">No model registered yet: train one (training-service) first.</p>`);
    return;
  }
  const systems = [...new Set(models.map((m) => m.systemName))].sort();
  const pinned = models.find((m) => m.id === q.get('model'));
  const system = q.get('system') || (pinned ? pinned.systemName : systems[0]);
  const candidates = models.filter((m) => m.systemName === system);
  const model = candidates.find((m) => m.id === q.get('model'))
    || candidates.find((m) => m.modelType === 'early-exit') || candidates[0];
  const run = await get(results(`/runs/${model.runId}`));
  const datasets = (await get(dataset('/api/v1/datasets') + query({ system, status: 'ready', size: 100 }))).items;
  const datasetId = q.get('dataset') || run.datasetId || (datasets[0] && datasets[0].id);
  const info = await get(inference(`/api/v1/models/${model.id}`));
  const L = info.spec.contextLength;
  const horizon = Number(q.get('horizon')) || Math.max(10 * info.spec.stepsPerPass, 50);
  // Forecast-level (risk) calibration on newer early-exit models, the one-pass table on older ones.
  const calibrated = info.risk || info.calibration;
  const tolerance = q.get('tolerance') || (calibrated ? String(calibrated.tolerance) : '');
  const start = Number(q.get('start') || 0);
  const trajectory = Number(q.get('trajectory') || 0);
  const opt = (items, v) => items.map(([value, label]) => html`<option value="${esc(value)}" ${value === v ? 'selected' : ''}>${esc(label)}</option>`);
  mount(main, html`
    <h1>Live forecast</h1>
    <form class="filters" id="fc-form">
      <label>System<select name="system">${opt(systems.map((s) => [s, s]), system)}</select></label>
      <label>Model<select name="model">${opt(candidates.map((m) => [m.id, `${m.name} v${m.version} (${m.modelType})`]), model.id)}</select></label>
      <label>Dataset (test split)<select name="dataset">${opt([...new Set([datasetId, ...datasets.map((d) => d.id)])].filter(Boolean).map((id) => [id, id.substring(0, 12) + (id === run.datasetId ? ' (trained on)' : '')]), datasetId)}</select></label>
      <label>Trajectory<input name="trajectory" type="number" min="0" value="${trajectory}" class="w6"></label>
      <label>Context start<input name="start" type="number" min="0" value="${start}" class="w7"></label>
      <label>Horizon<input name="horizon" type="number" min="1" value="${horizon}" class="w6"></label>
      ${calibrated ? html`<label>Tolerance<input name="tolerance" type="number" step="0.005" min="0" value="${esc(tolerance)}" class="w6"></label>` : ''}
      <button type="submit">Forecast</button>
    </form>
    <div class="card" id="fc-summary"><p class="muted">forecasting...</p></div>
    <div id="fc-charts"></div>`);
  const form = main.querySelector('#fc-form');
  form.addEventListener('submit', (ev) => { ev.preventDefault(); setQuery(Object.fromEntries(new FormData(form).entries())); });
  form.querySelector('[name=system]').addEventListener('change', (ev) => setQuery({ system: ev.target.value }));
  form.querySelector('[name=model]').addEventListener('change', (ev) => setQuery({ system, model: ev.target.value }));

  const summary = main.querySelector('#fc-summary');
  try {
    const data = await get(dataset(`/api/v1/datasets/${datasetId}/data`) + query({ split: 'test', format: 'json' }));
    const traj = data.data[Math.min(trajectory, data.data.length - 1)];
    const s0 = Math.max(0, Math.min(start, traj.length - L - 1));
    const context = traj.slice(s0, s0 + L);
    const truth = traj.slice(s0 + L, s0 + L + horizon);
    const exit = calibrated && tolerance !== '' ? { policy: 'dynamic', tolerance: Number(tolerance) } : undefined;
    const f = await post(inference(`/api/v1/models/${model.id}/forecast`), { context, horizon, ...(exit ? { exit } : {}) });
    if (!ctx.active) return;
    const perPass = Math.ceil(f.forecast.length / f.exitDepths.length);
    const depthOf = (i) => f.exitDepths[Math.floor(i / perPass)];
    const dt = data.samplingInterval;
    const err = truth.map((t, i) => Math.sqrt(t.reduce((a, v, j) => a + (v - f.forecast[i][j]) ** 2, 0) / t.length));
    mount(summary, html`<div class="stats" id="fc-stats">
        <div><span>compute saved</span><span class="big" id="fc-saved">${fmt(100 * f.computeSaved, 3)} %</span></div>
        <div><span>mean depth</span><span class="big">${fmt(f.meanDepth, 3)} / ${f.fullDepth}</span></div>
        <div><span>policy</span>${esc(f.policy)}</div>
        <div><span>forward passes</span>${f.exitDepths.length} × ${perPass} steps</div>
        <div><span>latency</span>${fmt(f.latencyMs, 3)} ms on ${esc(f.device)}</div>
        <div><span>context</span>steps ${data.startStep + s0}…${data.startStep + s0 + L - 1} of trajectory ${trajectory}</div>
        <div><span>RMS error at last step</span>${fmt(err[err.length - 1])}</div>
      </div>`);
    const chartsEl = main.querySelector('#fc-charts');
    const dims = truth[0] ? truth[0].length : 0;
    mount(chartsEl, Array.from({ length: dims }, (_, j) => html`<div class="card"><h2 class="flush">x${j}</h2><div class="chart small" id="fc-x${j}"></div></div>`));
    const depths = [...new Set(f.exitDepths)].sort((a, b) => a - b);
    for (let j = 0; j < dims; j++) {
      const tAxis = (i) => Number(((s0 + L + i) * dt).toFixed(6));
      chart(chartsEl.querySelector(`#fc-x${j}`), {
        tooltip: { trigger: 'axis' },
        legend: { top: 4 },
        xAxis: { type: 'value', name: 'time', scale: true },
        yAxis: { type: 'value', scale: true },
        series: [
          { name: 'context', type: 'line', showSymbol: false, data: context.map((p, i) => [Number(((s0 + i) * dt).toFixed(6)), p[j]]), color: '#adb5bd' },
          { name: 'truth', type: 'line', showSymbol: false, data: truth.map((p, i) => [tAxis(i), p[j]]), color: '#212529' },
          { name: 'forecast', type: 'line', showSymbol: false, data: f.forecast.map((p, i) => [tAxis(i), p[j]]), color: '#748ffc', lineStyle: { width: 1 } },
          ...depths.map((d) => ({ name: `exit depth ${d}`, type: 'scatter', symbolSize: 5,
            color: depthColor(d, f.fullDepth),
            data: f.forecast.map((p, i) => [tAxis(i), p[j], depthOf(i)]).filter((p) => p[2] === d) })),
        ],
      });
    }
  } catch (e) {
    if (ctx.active) mount(summary, errorBox(e));
  }
}
