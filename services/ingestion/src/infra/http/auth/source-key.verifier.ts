import { CredentialVerifier, type Credential, type Principal } from '@smarketing/http';
import type { Authenticate } from '../../../app/use-cases/authenticate.use-case';

/**
 * Ingestion's keys for the edge: per-source write keys and the API keys created over the admin API
 * (stored as hashes), and the dev write key. Asked before the platform's API_KEYS.
 */
export class SourceKeyVerifier extends CredentialVerifier {
  constructor(private readonly authenticate: Authenticate) {
    super();
  }

  async verify(credential: Credential): Promise<Principal | null> {
    const found = await this.authenticate.execute(credential);
    if (found === null) return null;
    return {
      keyId: found.keyId,
      source: found.source,
      scopes: found.scopes,
      ...(found.rateLimitPerWindow === null ? {} : { rateLimitPerWindow: found.rateLimitPerWindow }),
      ...(found.signingSecret === null ? {} : { signingSecret: found.signingSecret }),
    };
  }
}
