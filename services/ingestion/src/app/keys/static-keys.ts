import type { Principal } from './api-key';
import { sha256 } from './key-secret';

/** Keys configured through the environment (the dev write key): only their hashes are kept. */
export type StaticKey = { readonly hash: Buffer; readonly principal: Principal };

/** Builds the static keys from configuration values (hashed here, the plain values dropped). */
export function staticKeys(config: { devWriteKey?: string | undefined }): StaticKey[] {
  if (!config.devWriteKey) return [];
  return [
    {
      hash: sha256(config.devWriteKey),
      principal: {
        keyId: 'dev-write-key',
        kind: 'write',
        source: 'dev',
        scopes: ['ingest'],
        signingSecret: null,
        rateLimitPerWindow: null,
      },
    },
  ];
}
