// Calls to the console's own backend; every failure arrives as a problem document (RFC 9457).

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

async function answer(response) {
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json().catch(() => null) : await response.text();
  if (!response.ok) {
    throw new ApiError(response.status, typeof body === 'object' ? body : { detail: String(body).slice(0, 200) });
  }
  return body;
}

/** The signed-in user's bearer token (pasted in the header, kept for this tab only), as request headers. */
export function authorization() {
  const token = (sessionStorage.getItem('console.token') || '').trim();
  if (!token) return {};
  return { Authorization: token.startsWith('Bearer ') ? token : `Bearer ${token}` };
}

export async function getJson(url) {
  return answer(await fetch(url, { headers: { Accept: 'application/json', ...authorization() } }));
}

export async function postJson(url, body, headers = {}) {
  return answer(await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...authorization(), ...headers },
    body: body === undefined ? '' : JSON.stringify(body),
  }));
}

/** A query string of the non-empty values. */
export function query(params) {
  const q = new URLSearchParams();
  Object.entries(params).forEach(([k, v]) => { if (v !== undefined && v !== null && v !== '') q.set(k, v); });
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * The live queue: the console pushes the whole filtered queue every 2 s as the server-sent event "queue" (or
 * "problem" while dispatch cannot answer). Read with
 * fetch rather than EventSource so the bearer token travels in a header, never in the URL; after a drop it
 * reconnects by itself. onStatus says whether the feed is live.
 */
export function subscribeQueue(filter, onEntries, onStatus) {
  const url = `/api/queues/stream${query({ limit: 500, ...filter })}`;
  let controller;
  let closed = false;
  let retry;

  const dispatchEvent = (block) => {
    let name = 'message';
    const data = [];
    block.split('\n').forEach((line) => {
      if (line.startsWith('event:')) name = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    });
    if (!data.length) return;
    const body = JSON.parse(data.join('\n'));
    if (name === 'queue') { onStatus(true); onEntries(body); }
    if (name === 'problem') onStatus(false, new ApiError(body.status || 502, body));
  };

  const connect = async () => {
    controller = new AbortController();
    let error;
    try {
      const response = await fetch(url, { headers: { Accept: 'text/event-stream', ...authorization() }, signal: controller.signal });
      if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
      onStatus(true);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value.replace(/\r\n?/g, '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          dispatchEvent(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch (e) {
      if (closed) return;
      error = e;
    }
    if (!closed) { onStatus(false, error); retry = setTimeout(connect, 2000); }
  };
  connect();
  return () => { closed = true; clearTimeout(retry); if (controller) controller.abort(); };
}

let catalog;
let territory;

/** The catalog in force (departments, matters), fetched once per page load. */
export function loadCatalog() {
  catalog = catalog || getJson('/api/catalog').catch((e) => { catalog = undefined; throw e; });
  return catalog;
}

/** The district's grid polygons, streets and communities. */
export function loadTerritory() {
  territory = territory || getJson('/api/territory/grids').catch((e) => { territory = undefined; throw e; });
  return territory;
}
