/** An email that went through `normalizeEmail`: the only input `deriveLeadId` accepts. */
export type NormalizedEmail = string & { readonly __brand: 'NormalizedEmail' };

export type NormalizedEmailResult =
  { ok: true; email: NormalizedEmail; localPart: string; domain: string } | { ok: false; reason: string };

// Spaces of every kind, including zero-width ones that survive copy-paste from CRMs.
const SPACES = /[\s\u200B-\u200D\u2060\uFEFF]+/gu;
// Pragmatic, not RFC 5322: unquoted dot-atoms, Unicode letters allowed (EAI addresses).
const LOCAL_PART = /^[\p{L}\p{N}\p{M}!#$%&'*+/=?^_`{|}~-]+(\.[\p{L}\p{N}\p{M}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}\p{M}](?:[\p{L}\p{N}\p{M}-]{0,61}[\p{L}\p{N}\p{M}])?$/u;
const TOP_LEVEL = /^(?:[\p{L}\p{M}]{2,63}|xn--[a-z0-9-]{1,59})$/u;

/**
 * Trims, lower-cases and strips spaces. Sub-addresses (`+tag`) and Gmail dots are kept:
 * folding them would merge people who may really be different leads.
 */
export function normalizeEmail(raw: unknown): NormalizedEmailResult {
  if (typeof raw !== 'string') return { ok: false, reason: 'email is not a string' };
  const email = raw.normalize('NFC').replace(SPACES, '').toLowerCase().normalize('NFC');
  if (email.length === 0) return { ok: false, reason: 'email is empty' };
  if (email.length > 254) return { ok: false, reason: 'email is longer than 254 characters' };
  const at = email.lastIndexOf('@');
  if (at < 0) return { ok: false, reason: 'email has no @' };
  const localPart = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (localPart.length === 0) return { ok: false, reason: 'email has nothing before the @' };
  if (localPart.length > 64) return { ok: false, reason: 'email local part is longer than 64 characters' };
  if (!LOCAL_PART.test(localPart))
    return { ok: false, reason: 'email local part has invalid characters or dots' };
  const labels = domain.split('.');
  if (labels.length < 2) return { ok: false, reason: 'email domain has no dot' };
  if (!labels.every((label) => DOMAIN_LABEL.test(label)))
    return { ok: false, reason: 'email domain is not a valid host name' };
  if (!TOP_LEVEL.test(labels[labels.length - 1] ?? ''))
    return { ok: false, reason: 'email domain has an invalid top-level domain' };
  return { ok: true, email: email as NormalizedEmail, localPart, domain };
}
