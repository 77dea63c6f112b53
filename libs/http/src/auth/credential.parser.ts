import type { Credential } from './principal';

/**
 * Authorization header to a credential: `Basic base64(key:)` (Segment: the write key is the
 * username, the password empty) or `Bearer <key>`. Anything else is no credential.
 */
export function credentialOf(header: string | undefined): Credential | null {
  if (header === undefined || header.length > 2_048) return null;
  const space = header.indexOf(' ');
  if (space < 0) return null;
  const scheme = header.slice(0, space).toLowerCase();
  const value = header.slice(space + 1).trim();
  if (scheme === 'bearer') return value.length ? { kind: 'bearer', token: value } : null;
  if (scheme !== 'basic' || !/^[A-Za-z0-9+/]+=*$/.test(value)) return null;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const username = colon < 0 ? decoded : decoded.slice(0, colon);
  return username.length ? { kind: 'basic', token: username } : null;
}
