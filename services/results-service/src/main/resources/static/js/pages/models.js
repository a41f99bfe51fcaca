// Models: every registered model version, linking to its detail page.
import { get, query, results } from '../api.js';
import { esc, fmt, time, html, mount } from '../ui.js';

export async function render(main) {
  const page = await get(results('/models') + query({ size: 500 }));
  mount(main, html`
    <h1>Models</h1>
    <div class="card"><table id="models-table"><thead><tr><th>model</th><th>version</th><th>system</th><th>type</th>
      <th class="num">blocks</th><th class="num">calibrated threshold</th><th class="num">bytes</th><th>registered</th><th>run</th></tr></thead>
    <tbody>${page.items.length ? page.items.map((m) => {
      const s = m.spec || {};
      return html`<tr><td><a href="#/model/${m.id}">${esc(m.name)}</a></td><td>${m.version}</td><td>${esc(m.systemName)}</td><td>${esc(m.modelType)}</td>
        <td class="num">${s.architecture ? s.architecture.blocks : ''}</td><td class="num">${s.risk ? fmt(s.risk.threshold) : s.calibration ? fmt(s.calibration.threshold) : ''}</td>
        <td class="num">${m.artifactSizeBytes}</td><td>${time(m.createdAt)}</td><td><a href="#/run/${m.runId}">run</a></td></tr>`;
    }) : html`<tr><td colspan="9" class="muted">no models registered yet</td></tr>`}</tbody></table></div>`);
}
