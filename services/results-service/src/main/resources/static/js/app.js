// Hash router: #/page/arg?query. Each page renders into <main> and sets data-state to
// "ready" (or "error") when done, so people and browser tests can tell a page has finished.
import { disposeCharts, errorBox } from './ui.js';
import * as systems from './pages/systems.js';
import * as runs from './pages/runs.js';
import * as run from './pages/run.js';
import * as compare from './pages/compare.js';
import * as leaderboard from './pages/leaderboard.js';
import * as models from './pages/models.js';
import * as model from './pages/model.js';
import * as forecast from './pages/forecast.js';
import * as benchmarks from './pages/benchmarks.js';

const pages = { systems, runs, run, compare, leaderboard, models, model, forecast, benchmarks };
const main = document.getElementById('page');
let current = null;

/** Per-visit context: timers are cleared and late answers ignored once the user navigates away. */
function visit() {
  const timers = [];
  const ctx = {
    active: true,
    every(fn, ms) {
      timers.push(setInterval(() => ctx.active && fn(), ms));
    },
    stop() {
      ctx.active = false;
      timers.forEach(clearInterval);
    },
  };
  return ctx;
}

async function route() {
  if (current) current.stop();
  disposeCharts();
  const hash = location.hash.replace(/^#\/?/, '') || 'leaderboard';
  const [pathPart, queryPart] = hash.split('?');
  const [name, ...rest] = pathPart.split('/');
  const page = pages[name] || leaderboard;
  const pageName = pages[name] ? name : 'leaderboard';
  document.querySelectorAll('[data-nav]').forEach((a) => {
    const nav = a.dataset.nav;
    a.classList.toggle('active', nav === pageName || (nav === 'runs' && (pageName === 'run' || pageName === 'compare'))
      || (nav === 'models' && pageName === 'model'));
  });
  const ctx = visit();
  current = ctx;
  main.dataset.state = 'loading';
  main.dataset.page = pageName;
  main.innerHTML = '<p class="muted">Loading...</p>';
  try {
    await page.render(main, { args: rest.map(decodeURIComponent), query: new URLSearchParams(queryPart || '') }, ctx);
    if (ctx.active) main.dataset.state = 'ready';
  } catch (e) {
    if (!ctx.active) return;
    main.innerHTML = errorBox(e);
    main.dataset.state = 'error';
  }
}

window.addEventListener('hashchange', route);
route();
