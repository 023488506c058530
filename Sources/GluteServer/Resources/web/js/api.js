// The one way the app talks to GluteCoach: the JSON API of `glute serve` on the same origin.

export class ApiError extends Error {
  constructor(status, message, field) {
    super(message);
    this.status = status;
    this.field = field;
  }
  get offline() { return this.status === 0; }
}

/** The CSRF token the server set (the glute_csrf cookie), echoed in X-CSRF-Token on writes. */
export function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)glute_csrf=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : '';
}

/** Whether the browser holds a session at all (the CSRF cookie travels with the session cookie). */
export function hasSession() { return csrfToken() !== ''; }

let lastCachedAt = null;
/** When the latest answer came from the service worker's cache, the time it was fetched. */
export function cachedAt() { return lastCachedAt; }

/**
 * Calls the API. JSON in and out unless `type` (a raw body's content type) or `raw` (the Response)
 * is given. Throws ApiError: status 0 when there is no connection.
 */
export async function request(method, path, { body, headers = {}, type, raw = false } = {}) {
  const init = { method, headers: { ...headers }, credentials: 'same-origin' };
  if (body !== undefined) {
    if (type) {
      init.body = body;
      init.headers['Content-Type'] = type;
    } else {
      init.body = JSON.stringify(body);
      init.headers['Content-Type'] = 'application/json';
    }
  }
  if (method !== 'GET' && method !== 'HEAD') init.headers['X-CSRF-Token'] = csrfToken();
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, 'There is no connection to GluteCoach right now.');
  }
  const fetchedAt = response.headers.get('X-Glute-Fetched-At');
  lastCachedAt = fetchedAt ? new Date(fetchedAt) : null;
  if (!response.ok) {
    let message = `The server answered ${response.status}.`;
    let field;
    try {
      const document = await response.json();
      if (document && document.error) {
        message = document.error.message || message;
        field = document.error.field;
      }
    } catch { /* not JSON */ }
    if (response.status === 503 && response.headers.get('X-Glute-Offline')) throw new ApiError(0, message);
    throw new ApiError(response.status, message, field);
  }
  if (raw) return response;
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

export const get = (path) => request('GET', path);
export const post = (path, body, options = {}) => request('POST', path, { ...options, body });
export const patch = (path, body) => request('PATCH', path, { body });
export const del = (path, body) => request('DELETE', path, body === undefined ? {} : { body });

/** A readable sentence for an error, naming the field when the API names one. */
export function explainError(error) {
  if (!(error instanceof ApiError)) return `Something went wrong: ${error && error.message ? error.message : error}`;
  if (error.field) return `${error.message} (${error.field})`;
  return error.message;
}
