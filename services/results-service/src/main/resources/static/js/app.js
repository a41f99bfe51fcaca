// Hash router: #/page/arg?query. Each page renders into <main> and sets data-state to
// "ready" (or "error") when done, so people and browser tests can tell a page has finished.
import { disposeCharts, errorBox, html, mount } from './ui.js';
import { signedIn, signIn, signOut, whoami } from './api.js';
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
  if (!signedIn()) {
    showSignIn();
    return;
  }
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
  mount(main, html`<p class="muted">Loading...</p>`);
  try {
    await page.render(main, { args: rest.map(decodeURIComponent), query: new URLSearchParams(queryPart || '') }, ctx);
    if (ctx.active) main.dataset.state = 'ready';
  } catch (e) {
    if (!ctx.active) return;
    if (e.status === 401) {
      signOut();
      showSignIn('The token was not accepted (unknown, revoked or expired); sign in again.');
      return;
    }
    mount(main, errorBox(e));
    main.dataset.state = 'error';
  }
}

// Sign-in: the API token is kept in this tab's sessionStorage and sent as a bearer header by
// api.js. No cookie is involved, so no other site can make the browser act with it.
const form = document.getElementById('signin');
const who = document.getElementById('who');
const out = document.getElementById('signout');

function showSignIn(message) {
  form.hidden = false;
  who.hidden = true;
  out.hidden = true;
  main.dataset.page = 'signin';
  mount(main, html`<h1>Sign in</h1>
    <p>Paste an API token in the field above. <code>./chaoscast up</code> prints where the admin token is
      kept (<code>.chaoscast/admin-token</code>); an admin can make read-only tokens with
      <code>POST /api/v1/auth/tokens</code>.</p>${message ? html`<div class="error">${message}</div>` : ''}`);
  main.dataset.state = 'signin';
}

async function showSignedIn() {
  try {
    const me = await whoami();
    form.hidden = true;
    who.textContent = `${me.name} (${me.scopes.join(', ')})`;
    who.hidden = false;
    out.hidden = false;
    return true;
  } catch (e) {
    signOut();
    showSignIn(e.status === 401 ? 'That token was not accepted.' : e.message);
    return false;
  }
}

form.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  signIn(form.elements.token.value.trim());
  form.elements.token.value = '';
  if (await showSignedIn()) route();
});
out.addEventListener('click', () => {
  signOut();
  showSignIn();
});

window.addEventListener('hashchange', route);
if (signedIn()) {
  showSignedIn().then((ok) => ok && route());
} else {
  showSignIn();
}
