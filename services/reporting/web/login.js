// Exchanges a read key for the session cookie, then goes where the visitor was heading.
const form = document.getElementById('login-form');
const error = document.getElementById('error');

/** Only a path on this site, so a crafted link cannot send the visitor elsewhere after sign-in. */
function next() {
  const wanted = new URLSearchParams(location.search).get('next') ?? '/';
  // `//host` and `/\host` are other sites to a browser.
  return /^\/(?![/\\])/.test(wanted) ? wanted : '/';
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  error.textContent = '';
  const key = document.getElementById('key').value.trim();
  const res = await fetch('/v1/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key }),
    credentials: 'same-origin',
  });
  if (res.ok) {
    location.assign(next());
    return;
  }
  const body = await res.json().catch(() => ({}));
  error.textContent =
    res.status === 401
      ? 'That key is unknown or cannot read.'
      : (body.message ?? `Sign-in failed (${res.status}).`);
});
