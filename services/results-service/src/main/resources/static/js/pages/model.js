// Model detail: the accuracy-versus-compute curve of its exit thresholds (from the calibration
// table in the model's spec, with the calibrated point and the oracle marked) and the histogram of
// exit depths of a dynamic-exit forecast over test windows of the model's own dataset.
import { dataset, get, inference, post, query, results } from '../api.js';
import { chart, errorBox, esc, escapeHtml, fmt, kv, time, html, mount, replace } from '../ui.js';
import { riskCard } from './model-risk.js';

export async function render(main, { args }, ctx) {
  const m = await get(results(`/models/${args[0]}`));
  const spec = m.spec || {};
  // A spec is user data: a calibration table without points is treated as none.
  const cal = spec.calibration && Array.isArray(spec.calibration.points) ? spec.calibration : null;
  const arch = spec.architecture;
  const run = await get(results(`/runs/${m.runId}`));
  mount(main, html`
    <h1>${esc(m.name)} <span class="muted">v${m.version}</span></h1>
    <p class="muted">${esc(m.modelType)} on ${esc(m.systemName)} · registered ${time(m.createdAt)} · from run <a href="#/run/${m.runId}">${esc(run.name || m.runId)}</a> ·
      <a href="#/forecast?model=${m.id}">forecast with it</a></p>
    ${cal ? html`<div class="card"><h2 class="flush">Accuracy versus compute of the exit thresholds</h2>
      <div class="stats">
        <div><span>calibrated threshold</span>${fmt(cal.threshold)}</div>
        <div><span>tolerance (relative error over full depth)</span>${fmt(100 * cal.tolerance, 3)} %</div>
        <div><span>mean depth at calibrated threshold</span>${fmt(chosen(cal) ? chosen(cal).meanDepth : null)} of ${arch.blocks}</div>
        <div><span>oracle mean depth</span>${fmt(cal.oracleMeanDepth)}</div>
        <div><span>full-depth MSE (validation)</span>${fmt(cal.fullDepthMse)}</div>
        <div><span>calibration windows</span>${cal.windows}</div>
      </div>
      <div class="chart tall" id="tradeoff"></div></div>`
      : spec.risk ? '' : html`<div class="notice">This model has no calibration table (only early-exit models have exit thresholds): no accuracy-versus-compute curve.</div>`}
    <div class="card"><h2 class="flush">Exit depths of a dynamic-exit forecast</h2><div id="hist-status" class="muted">forecasting test windows...</div>
      <div class="chart small" id="depths"></div></div>
    <div class="grid2"><div class="card"><h2 class="flush">Architecture</h2>${kv(arch || {})}</div>
      <div class="card"><h2 class="flush">Artifact</h2>${kv({ name: m.artifactName, sha256: m.artifactSha256, bytes: m.artifactSizeBytes, path: m.artifactPath })}</div></div>`);

  riskCard(main, spec);
  if (cal) {
    const pts = [...cal.points].sort((a, b) => a.meanDepth - b.meanDepth);
    const c = chosen(cal);
    // Log scale: shallow exits can be orders of magnitude worse, yet the interesting part is near
    // the tolerance; full depth (error 0 by definition) sits on the floor.
    const floor = Math.max(1e-4, Math.min((100 * cal.tolerance) / 20, 0.01));
    const y = (rel) => Math.max(100 * rel, floor);
    chart(main.querySelector('#tradeoff'), {
      tooltip: { trigger: 'item', formatter: (p) => p.data && p.data.t !== undefined
        ? `threshold ${escapeHtml(fmt(p.data.t))}<br>mean depth ${escapeHtml(fmt(p.data.value[0]))}<br>relative error ${escapeHtml(fmt(p.data.value[1], 3))} %` : escapeHtml(p.name) },
      legend: { top: 4 },
      xAxis: { type: 'value', name: 'mean depth (blocks)', nameLocation: 'middle', nameGap: 28, min: 0, max: arch.blocks },
      yAxis: { type: 'log', name: 'error over full depth (%, log scale)', min: floor },
      series: [
        { name: 'exit thresholds', type: 'line', symbolSize: 6, data: pts.map((p) => ({ value: [p.meanDepth, y(p.relativeError)], t: p.threshold })),
          markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#868e96' },
            data: [{ yAxis: 100 * cal.tolerance, name: 'tolerance', label: { formatter: 'tolerance', position: 'insideStartTop' } }] } },
        { name: 'calibrated', type: 'scatter', symbolSize: 16, itemStyle: { color: '#e8590c' },
          data: c ? [{ value: [c.meanDepth, y(c.relativeError)], t: c.threshold }] : [] },
        // The oracle knows the truth: its error is within tolerance by construction, at the least depth.
        { name: 'oracle', type: 'scatter', symbol: 'diamond', symbolSize: 16, itemStyle: { color: '#2b8a3e' },
          data: [{ value: [cal.oracleMeanDepth, 100 * cal.tolerance], name: 'oracle' }] },
      ],
    });
  }
  await histogram(main, m, run, spec, ctx);
}

function chosen(cal) {
  return cal.points.find((p) => p.threshold === cal.threshold) || null;
}

async function histogram(main, m, run, spec, ctx) {
  const status = main.querySelector('#hist-status');
  try {
    const info = await get(inference(`/api/v1/models/${m.id}`));
    const L = info.spec.contextLength;
    const perPass = info.spec.stepsPerPass;
    const data = await get(dataset(`/api/v1/datasets/${run.datasetId}/data`) + query({ split: 'test', format: 'json' }));
    // Up to 64 windows spread over every test trajectory, four passes each.
    const horizon = 4 * perPass;
    const contexts = [];
    for (const traj of data.data) {
      const last = traj.length - L - horizon;
      for (let start = 0; start <= last && contexts.length < 64; start += Math.max(1, Math.floor(last / 16) || 1)) {
        contexts.push(traj.slice(start, start + L));
      }
    }
    if (!contexts.length) throw new Error(`the test split is shorter than one context (${L}) plus ${horizon} steps`);
    const answer = await post(inference(`/api/v1/models/${m.id}/forecast/batch`), { contexts, horizon });
    if (!ctx.active) return;
    const counts = new Array(answer.fullDepth).fill(0);
    answer.forecasts.forEach((f) => f.exitDepths.forEach((d) => counts[d - 1]++));
    mount(status, html`${contexts.length} test windows × ${horizon} steps, policy <code>${esc(answer.policy)}</code>: mean depth
      ${fmt(answer.meanDepth)} of ${answer.fullDepth}, compute saved <b>${fmt(100 * answer.computeSaved, 3)} %</b> (device ${esc(answer.device)})`);
    chart(main.querySelector('#depths'), {
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', name: 'exit depth (blocks)', nameLocation: 'middle', nameGap: 28, data: counts.map((_, i) => String(i + 1)) },
      yAxis: { type: 'value', name: 'forward passes', minInterval: 1 },
      series: [{ type: 'bar', data: counts, color: '#3b5bdb' }],
    });
  } catch (e) {
    if (ctx.active) replace(status, errorBox(e));
  }
}
