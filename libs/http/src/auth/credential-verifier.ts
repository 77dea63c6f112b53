import type { Credential, Principal } from './principal';

/**
 * The port through which the edge learns who a credential belongs to. A verifier answers null for
 * a credential it does not know (the next one is asked), and throws only when it cannot tell (its
 * store is down: a 503).
 */
export abstract class CredentialVerifier {
  abstract verify(credential: Credential): Promise<Principal | null>;
}

/** The first principal any verifier returns, asking them in order. */
export async function verifyWithAny(
  verifiers: readonly CredentialVerifier[],
  credential: Credential,
): Promise<Principal | null> {
  for (const verifier of verifiers) {
    const principal = await verifier.verify(credential);
    if (principal !== null) return principal;
  }
  return null;
}
