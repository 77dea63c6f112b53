import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { KeyKind } from './api-key';

// smk_<16 hex id>_<43 base64url chars = 256 bits>; the id lets us find the row without the secret.
const TOKEN = /^sm([kw])_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Constant-time comparison of two SHA-256 digests. */
export const sameHash = (a: Buffer, b: Buffer): boolean => a.length === b.length && timingSafeEqual(a, b);

export function newKeyId(): string {
  return randomBytes(8).toString('hex');
}

/** A fresh token for a key and the hash to store. The secret is high-entropy, so a plain SHA-256 suffices. */
export function newToken(kind: KeyKind, keyId: string): { token: string; secretHash: Buffer } {
  const secret = randomBytes(32).toString('base64url');
  return { token: `sm${kind === 'write' ? 'w' : 'k'}_${keyId}_${secret}`, secretHash: sha256(secret) };
}

export function parseToken(token: string): { kind: KeyKind; keyId: string; secret: string } | null {
  const m = TOKEN.exec(token);
  if (!m) return null;
  return { kind: m[1] === 'w' ? 'write' : 'api', keyId: m[2] as string, secret: m[3] as string };
}

/** A Standard Webhooks signing secret. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}
