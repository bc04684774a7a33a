// JSON over fetch with the session cookie and the CSRF double-submit header. Problem answers
// (application/problem+json) become an Error with status, title, detail and errors.
function csrfToken() {
  const match = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return match ? decodeURIComponent(match.slice('XSRF-TOKEN='.length)) : null;
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = problem.errors || [];
    this.problem = problem;
  }
}

const SESSION_CHANGING = ['/api/session', '/api/setup', '/api/invitations/accept'];

/** Sends a request; answers the parsed JSON (or null for 204). */
export async function api(method, path, body) {
  if (method !== 'GET' && !csrfToken()) {
    await fetch('/api/setup', { credentials: 'same-origin' });
  }
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.ok && method !== 'GET' && SESSION_CHANGING.includes(path)) {
    // the session id changed: fetch the CSRF token that belongs to the new session
    await fetch('/api/setup', { credentials: 'same-origin' });
  }
  if (response.status === 204) return null;
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, data || {});
  return data;
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body ?? {});
export const patch = (path, body) => api('PATCH', path, body);
export const del = (path) => api('DELETE', path);

/** The signed-in person, or null (GET /api/session answers 200 either way). */
export async function me() {
  const session = await get('/api/session');
  return session.user;
}
