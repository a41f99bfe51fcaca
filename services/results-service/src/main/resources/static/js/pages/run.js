// Run detail: params, tags, provenance, metric curves over steps, artifacts with download links.
import { download, get, results, query } from '../api.js';
import { badge, chart, esc, fmt, kv, time, palette, html, mount } from '../ui.js';

/** Histories of the run's metrics logged at more than one step (curves), keyed by metric. */
export async function histories(run, limit = 24) {
  const stepped = Object.values(run.metrics || {}).filter((m) => m.step > 0).map((m) => m.key).sort().slice(0, limit);
  const out = {};
  await Promise.all(stepped.map(async (key) => {
    const h = await get(results(`/runs/${run.id}/metrics/${key.split('/').map(encodeURIComponent).join('/')}`) + query({ size: 10000 }));
    out[key] = h.points.map((p) => [p.step, p.value]);
  }));
  return out;
}

export async function render(main, { args }) {
  const id = args[0];
  const [run, artifacts, models] = await Promise.all([
    get(results(`/runs/${id}`)),
    get(results(`/runs/${id}/artifacts`)),
    get(results('/models') + query({ size: 500 })),
  ]);
  const curves = await histories(run);
  const metrics = Object.values(run.metrics || {}).sort((a, b) => a.key.localeCompare(b.key));
  const exitKeys = metrics.filter((m) => /^test_mse_exit_\d+$/.test(m.key));
  const runModels = models.items.filter((m) => m.runId === run.id);
  mount(main, html`
    <h1>${esc(run.name || run.id)} ${badge(run.status)}</h1>
    <p class="muted">run <code>${run.id}</code> · experiment ${esc(run.experimentName)} · ${esc(run.kind)} ·
      system ${esc(run.systemName || '—')} · model type ${esc(run.modelType || '—')} · dataset <code>${esc((run.datasetId || '').substring(0, 16))}</code> ·
      ${time(run.startTime)} → ${time(run.endTime) || 'running'}</p>
    ${run.failureReason ? html`<div class="error">${esc(run.failureReason)}</div>` : ''}
    ${runModels.map((m) => html`<p>Model: <a href="#/model/${m.id}">${esc(m.name)} v${m.version}</a></p>`)}
    <div class="card"><h2 class="flush">Metric curves</h2>
      ${Object.keys(curves).length ? html`<div class="chart" id="curves"></div>` : html`<p class="muted">no metric was logged over steps</p>`}</div>
    ${exitKeys.length ? html`<div class="card"><h2 class="flush">Test error per exit</h2><div class="chart small" id="exits"></div></div>` : ''}
    <div class="grid2">
      <div class="card"><h2 class="flush">Parameters</h2>${kv(run.params)}<h2>Tags</h2>${kv(run.tags)}</div>
      <div class="card"><h2 class="flush">Provenance</h2>${kv(run.provenance)}
        <h2>Artifacts</h2>${artifacts.length ? html`<table id="artifacts"><thead><tr><th>name</th><th class="num">bytes</th><th>sha-256</th></tr></thead><tbody>
          ${artifacts.map((a) => html`<tr><td><a href="api/v1/runs/${run.id}/artifacts/${encodeURIComponent(a.name)}" download="${esc(a.name)}">${esc(a.name)}</a></td>
            <td class="num">${a.sizeBytes}</td><td><code>${esc(a.sha256.substring(0, 16))}…</code></td></tr>`)}</tbody></table>` : html`<p class="muted">none</p>`}</div>
    </div>
    <div class="card"><h2 class="flush">Latest metrics</h2><table id="metrics"><thead><tr><th>key</th><th class="num">value</th><th class="num">step</th></tr></thead><tbody>
      ${metrics.map((m) => html`<tr><td>${esc(m.key)}</td><td class="num">${fmt(m.value, 5)}</td><td class="num">${m.step}</td></tr>`)}</tbody></table></div>`);
  // Artifacts need the token, which a plain link would not send.
  main.querySelectorAll('#artifacts a[download]').forEach((a) => a.addEventListener('click', (ev) => {
    ev.preventDefault();
    download(a.getAttribute('href'), a.getAttribute('download')).catch((e) => alert(e.message));
  }));
  if (Object.keys(curves).length) {
    chart(main.querySelector('#curves'), {
      tooltip: { trigger: 'axis' },
      legend: { top: 4 },
      xAxis: { type: 'value', name: 'step', minInterval: 1 },
      yAxis: { type: Object.values(curves).flat().every((p) => p[1] > 0) ? 'log' : 'value', name: 'value' },
      series: Object.entries(curves).map(([k, pts], i) => ({ name: k, type: 'line', data: pts, color: palette[i % palette.length] })),
    });
  }
  if (exitKeys.length) {
    const sorted = exitKeys.map((m) => [Number(m.key.substring('test_mse_exit_'.length)), m.value]).sort((a, b) => a[0] - b[0]);
    chart(main.querySelector('#exits'), {
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', name: 'exit (blocks)', data: sorted.map((p) => String(p[0])) },
      yAxis: { type: 'log', name: 'test MSE' },
      series: [{ type: 'bar', data: sorted.map((p) => p[1]), color: palette[0] }],
    });
  }
}
