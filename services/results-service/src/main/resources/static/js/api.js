// REST access for the dashboard. results-service answers /api/v1/... itself; the other services are
// reached through its same-origin gateway (/api/v1/dashboard/services/{service}/api/v1/...).

/** An error answer, carrying the RFC 7807 problem when the service sent one. */
export class ApiError extends Error {
  constructor(status, problem, url) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status} from ${url}`);
    this.status = status;
    this.problem = problem;
  }
}

const TOKEN_KEY = 'chaoscast.token';

/** True when this tab holds a token (checked by the first call that uses it). */
export function signedIn() {
  return !!sessionStorage.getItem(TOKEN_KEY);
}

export function signIn(token) {
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
}

function auth() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** Who the token belongs to: {name, scopes, source}. */
export async function whoami() {
  return get('api/v1/auth/whoami');
}

/** Downloads a file that needs the token (a plain link would go without it). */
export async function download(url, name) {
  const response = await fetch(url, { headers: auth(), credentials: 'omit' });
  if (!response.ok) await handle(response, url);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

async function handle(response, url) {
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    throw new ApiError(response.status, typeof body === 'object' ? body : null, url);
  }
  return body;
}

export async function get(url) {
  return handle(await fetch(url, { headers: { Accept: 'application/json', ...auth() }, credentials: 'omit' }), url);
}

export async function post(url, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...auth() },
    credentials: 'omit',
    body: JSON.stringify(body),
  });
  return handle(response, url);
}

/** Path of an API of another service, through the gateway. */
export const dataset = (path) => `api/v1/dashboard/services/dataset${path}`;
export const training = (path) => `api/v1/dashboard/services/training${path}`;
export const inference = (path) => `api/v1/dashboard/services/inference${path}`;
export const results = (path) => `api/v1${path}`;

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.append(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Creates (or finds: recipes are content-addressed) a dataset and waits until it is ready. */
export async function readyDataset(recipe, onProgress) {
  let d = await post(dataset('/api/v1/datasets'), recipe);
  for (let i = 0; d.status !== 'ready' && i < 600; i++) {
    if (d.status === 'failed') throw new Error(`dataset ${d.id} failed: ${d.failureReason || 'unknown reason'}`);
    if (onProgress) onProgress(d);
    await new Promise((r) => setTimeout(r, 500));
    d = await get(dataset(`/api/v1/datasets/${d.id}`));
  }
  return d;
}

/** Every page of a paged results-service listing (bounded, for the dashboard's small tables). */
export async function allItems(path, params = {}, max = 2000) {
  const items = [];
  for (let page = 0; items.length < max; page++) {
    const p = await get(results(path) + query({ ...params, page, size: 500 }));
    items.push(...p.items);
    if (p.items.length < 500) break;
  }
  return items;
}
