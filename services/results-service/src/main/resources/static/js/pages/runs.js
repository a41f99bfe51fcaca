// Runs: filter by experiment, system, kind, status and model type; sort by any metric; pick runs to
// compare; and the live status and progress of training jobs.
import { get, query, results, training } from '../api.js';
import { badge, esc, fmt, time, shortId, setQuery, errorBox, html, mount } from '../ui.js';

const KINDS = ['training', 'evaluation', 'inference', 'benchmark'];
const STATUSES = ['running', 'finished', 'failed', 'cancelled'];
const COLUMNS = ['test_vpt_median', 'test_mse', 'test_smape', 'test_dynamic_compute_saved'];
const LABELS = { test_vpt_median: 'VPT (Lyap. times)', test_mse: 'MSE', test_smape: 'sMAPE', test_dynamic_compute_saved: 'compute saved' };

export async function render(main, { query: q }, ctx) {
  const f = Object.fromEntries(['experiment', 'system', 'kind', 'status', 'modelType', 'sortMetric', 'order'].map((k) => [k, q.get(k) || '']));
  // An order without a metric to sort by means nothing (results-service refuses it).
  if (!f.sortMetric) f.order = '';
  const [experiments, page] = await Promise.all([
    get(results('/experiments')),
    get(results('/runs') + query({ ...f, size: 200 })),
  ]);
  const runs = page.items;
  const keys = new Set(COLUMNS);
  runs.forEach((r) => Object.keys(r.metrics || {}).forEach((k) => keys.add(k)));
  const metricKeys = [...keys].sort();
  const opt = (values, v) => ['', ...values].map((x) => html`<option value="${esc(x)}" ${x === v ? 'selected' : ''}>${esc(x || 'any')}</option>`);
  mount(main, html`
    <h1>Runs</h1>
    <div class="card" id="jobs"><h2 class="flush">Training jobs</h2><p class="muted">loading...</p></div>
    <form class="filters" id="run-filters">
      <label>Experiment<select name="experiment">${opt(experiments.map((e) => e.name), f.experiment)}</select></label>
      <label>System<input name="system" value="${esc(f.system)}" placeholder="e.g. Lorenz" size="10"></label>
      <label>Kind<select name="kind">${opt(KINDS, f.kind)}</select></label>
      <label>Status<select name="status">${opt(STATUSES, f.status)}</select></label>
      <label>Model type<input name="modelType" value="${esc(f.modelType)}" placeholder="e.g. early-exit" size="10"></label>
      <label>Sort by metric<select name="sortMetric">${opt(metricKeys, f.sortMetric)}</select></label>
      <label>Order<select name="order">${['asc', 'desc'].map((o) => html`<option ${o === (f.order || 'asc') ? 'selected' : ''}>${o}</option>`)}</select></label>
      <button type="submit">Apply</button>
      <button type="button" class="secondary" id="compare" disabled>Compare selected</button>
      <span class="muted" id="run-count">${page.totalItems} run${page.totalItems === 1 ? '' : 's'}</span>
    </form>
    <div class="card"><table id="runs-table">
      <thead><tr><th></th><th>run</th><th>experiment</th><th>system</th><th>model type</th><th>kind</th><th>status</th><th>started</th>
        ${COLUMNS.map((k) => html`<th class="num sortable ${f.sortMetric === k ? 'sorted' : ''}" data-sort="${k}" title="${k}">${LABELS[k]}${f.sortMetric === k ? (f.order === 'desc' ? ' ▼' : ' ▲') : ''}</th>`)}</tr></thead>
      <tbody>${runs.length ? runs.map((r) => html`
        <tr data-run="${r.id}">
          <td><input type="checkbox" class="pick" value="${r.id}"></td>
          <td><a href="#/run/${r.id}">${esc(r.name || shortId(r.id))}</a></td>
          <td>${esc(r.experimentName)}</td><td>${esc(r.systemName)}</td><td>${esc(r.modelType)}</td>
          <td>${esc(r.kind)}</td><td>${badge(r.status)}</td><td>${time(r.startTime)}</td>
          ${COLUMNS.map((k) => html`<td class="num">${r.metrics && r.metrics[k] ? fmt(r.metrics[k].value) : ''}</td>`)}
        </tr>`) : html`<tr><td colspan="12" class="muted">no runs match</td></tr>`}
      </tbody></table></div>`);

  const form = main.querySelector('#run-filters');
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    setQuery(Object.fromEntries(new FormData(form).entries()));
  });
  main.querySelectorAll('th[data-sort]').forEach((th) => th.addEventListener('click', () => {
    const order = f.sortMetric === th.dataset.sort && f.order !== 'desc' ? 'desc' : 'asc';
    setQuery({ ...f, sortMetric: th.dataset.sort, order });
  }));
  const compare = main.querySelector('#compare');
  const picked = () => [...main.querySelectorAll('.pick:checked')].map((c) => c.value);
  main.querySelectorAll('.pick').forEach((c) => c.addEventListener('change', () => { compare.disabled = picked().length < 2; }));
  compare.addEventListener('click', () => { location.hash = `#/compare/${picked().join(',')}`; });

  const jobsEl = main.querySelector('#jobs');
  const refresh = async () => {
    try {
      const jobs = await get(training('/api/v1/training-jobs') + query({ size: 20 }));
      if (ctx.active) mount(jobsEl, jobsTable(jobs));
      return jobs.items.some((j) => j.status === 'queued' || j.status === 'running');
    } catch (e) {
      if (ctx.active) mount(jobsEl, html`<h2 class="flush">Training jobs</h2>${errorBox(e)}`);
      return false;
    }
  };
  await refresh();
  // Live: jobs every 2 s; the run table follows when a job finishes.
  let wasBusy = true;
  ctx.every(async () => {
    const busy = await refresh();
    if (wasBusy && !busy && ctx.active) {
      try {
        const fresh = await get(results('/runs') + query({ ...f, size: 200 }));
        if (ctx.active && fresh.totalItems !== page.totalItems) window.dispatchEvent(new HashChangeEvent('hashchange'));
      } catch (e) {
        // The table stays as it was; the next job change tries again.
      }
    }
    wasBusy = busy;
  }, 2000);
}


/** What a job's row says beside its progress: the phase while running, how training ended once succeeded. */
function jobNote(status, message) {
  if (!message) return '';
  if (status === 'running') return message;
  if (status === 'succeeded') return message.replace(/^succeeded;?\s*/, '');
  return '';
}

function jobsTable(jobs) {
  if (!jobs.items.length) return html`<h2 class="flush">Training jobs</h2><p class="muted">no training jobs yet</p>`;
  return html`<h2 class="flush">Training jobs <span class="muted">(${jobs.total})</span></h2>
    <table id="jobs-table"><thead><tr><th>job</th><th>model type</th><th>experiment</th><th>status</th><th>progress</th>
      <th class="num">train loss</th><th class="num">val loss</th><th class="num">ETA (s)</th><th>run</th><th>created</th></tr></thead>
    <tbody>${jobs.items.map((j) => {
      const p = j.progress || {};
      const frac = p.epochs ? Math.min(1, (p.epoch || 0) / p.epochs) : (j.status === 'succeeded' ? 1 : 0);
      return html`<tr data-job="${j.id}"><td><code>${shortId(j.id)}</code></td><td>${esc(j.modelType)}</td><td>${esc(j.experiment)}</td>
        <td>${badge(j.status)}${j.failureReason ? html` <span class="muted">${esc(j.failureReason)}</span>` : ''}</td>
        <td><span class="progress"><span data-width="${(100 * frac).toFixed(0)}"></span></span>
          ${p.epochs ? `${p.epoch || 0}/${p.epochs}` : ''} <span class="muted">${esc(jobNote(j.status, p.message))}</span></td>
        <td class="num">${fmt(p.trainLoss)}</td><td class="num">${fmt(p.valLoss)}</td><td class="num">${fmt(p.etaSeconds, 2)}</td>
        <td>${j.runId ? html`<a href="#/run/${j.runId}">${shortId(j.runId)}</a>` : ''}</td><td>${time(j.createdAt)}</td></tr>`;
    })}</tbody></table>`;
}
