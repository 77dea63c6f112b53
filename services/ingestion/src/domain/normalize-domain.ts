/** A company domain that went through `normalizeDomain`: the only input `deriveAccountId` accepts. */
export type NormalizedDomain = string & { readonly __brand: 'NormalizedDomain' };

const LABEL = /^[\p{L}\p{N}\p{M}](?:[\p{L}\p{N}\p{M}-]{0,61}[\p{L}\p{N}\p{M}])?$/u;
const TOP_LEVEL = /^(?:[\p{L}\p{M}]{2,63}|xn--[a-z0-9-]{1,59})$/u;

/**
 * Accepts a bare domain or a website (`https://www.Acme.com/about`) and returns `acme.com`.
 * `www.` is dropped because CRMs store the website while emails carry the bare domain.
 */
export function normalizeDomain(value: unknown): NormalizedDomain | null {
  if (typeof value !== 'string') return null;
  let host = value.trim().toLowerCase();
  if (host.length === 0 || host.length > 1000) return null;
  const at = host.lastIndexOf('@');
  if (at >= 0 && !host.includes('/')) host = host.slice(at + 1); // an email was given
  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^\/\//, '');
  host = host.split(/[/?#]/, 1)[0] ?? '';
  host = host
    .replace(/^[^@]*@/, '')
    .replace(/:\d*$/, '')
    .replace(/\.$/, '')
    .replace(/^www\d*\./, '');
  const labels = host.split('.');
  if (host.length > 253 || labels.length < 2) return null;
  if (!labels.every((label) => LABEL.test(label))) return null;
  if (!TOP_LEVEL.test(labels[labels.length - 1] ?? '')) return null;
  return host as NormalizedDomain;
}
