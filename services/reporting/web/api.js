// The page's only way to the data: same-origin fetches carrying the session cookie. A 401 means the
// session ended, so the browser goes back to sign-in and returns here afterwards.

export async function getJson(url) {
  const res = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  if (res.status === 401) {
    location.assign(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
    throw new Error('signed out');
  }
  const body = await res.json();
  if (!res.ok) {
    const fields = (body.errors ?? []).map((e) => `${e.path} ${e.message}`).join('; ');
    throw new Error(fields ? `${body.message}: ${fields}` : body.message);
  }
  return body;
}

export async function signOut() {
  await fetch('/v1/session/logout', { method: 'POST', credentials: 'same-origin' });
  location.assign('/login');
}

/** Calls `onChange` whenever the read models apply new events (server-sent events). */
export function onFreshness(onChange) {
  const source = new EventSource('/v1/stream');
  source.addEventListener('freshness', (e) => onChange(JSON.parse(e.data)));
  return source;
}

/** The ISO week (2026-W48) of a date, UTC. */
export function isoWeekOf(date) {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
