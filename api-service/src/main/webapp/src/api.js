// fetch() with the bearer token, X-Socket-ID (so our own broadcasts skip us: Laravel's toOthers) and JSON errors.
const KEY = 'echo-stack-token';

export const session = {
  token: () => sessionStorage.getItem(KEY),
  save: (token) => sessionStorage.setItem(KEY, token),
  clear: () => sessionStorage.removeItem(KEY),
};

async function request(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (session.token()) headers.Authorization = `Bearer ${session.token()}`;
  const socketId = api.socketId();
  if (socketId) headers['X-Socket-ID'] = socketId;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new Error(json && json.message ? json.message : `HTTP ${response.status}`);
    error.errors = json && json.errors;
    throw error;
  }
  return json;
}

export const api = {
  socketId: () => undefined,
  get: (path) => request('GET', path),
  post: (path, body) => request('POST', path, body),
  put: (path, body) => request('PUT', path, body),
  delete: (path) => request('DELETE', path),
};
