import { createHash } from 'node:crypto';

/** A UUID in its canonical textual form, any version. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * RFC 9562 name-based UUID (version 5, SHA-1). Written by hand (a dozen lines on node:crypto)
 * because `uuid` 14 ships ESM only, which our CommonJS Jest/swc setup cannot load untransformed;
 * tests pin it to vectors produced by `uuid`'s own v5.
 */
export function uuidV5(name: string, namespace: string): string {
  if (!UUID_PATTERN.test(namespace)) throw new RangeError(`namespace is not a UUID: ${namespace}`);
  const namespaceBytes = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(namespaceBytes).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50; // version 5
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Part of the platform's contract: `leadId = uuidV5(normalizedEmail, LEAD_ID_NAMESPACE)`, so any
 * producer or consumer can find a person's lead without asking ingestion. Frozen forever: every
 * leadId ever issued depends on it. = uuidv5(DNS, 'lead.smarketing.dev').
 */
export const LEAD_ID_NAMESPACE = 'e5af4bc8-fbc3-5795-93f5-b553ae9faed6';

/** The leadId of an already normalized (trimmed, lower-cased) email. */
export const leadIdForNormalizedEmail = (email: string): string => uuidV5(email, LEAD_ID_NAMESPACE);
