import { Webhook } from 'standardwebhooks';

const HEADERS = ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const;

/**
 * Standard Webhooks: HMAC-SHA256 over `id.timestamp.body`, timestamp within 5 minutes.
 * Returns why it failed, or null when the signature is good.
 */
export function signatureProblem(
  secret: string,
  rawBody: Buffer | undefined,
  headers: Record<string, unknown>,
): string | null {
  const picked: Record<string, string> = {};
  for (const name of HEADERS) {
    const value = headers[name];
    if (typeof value !== 'string' || value.length === 0 || value.length > 4_096)
      return `this source signs its requests: the ${name} header is required`;
    picked[name] = value;
  }
  try {
    new Webhook(secret).verify(rawBody ?? Buffer.alloc(0), picked, { jsonParse: false });
    return null;
  } catch {
    return 'the webhook signature does not match the body, or its timestamp is outside the 5-minute window';
  }
}
