import { DependencyUnavailableError } from '../errors';

const CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';
const REQUEST_TIMEOUT_MS = 10_000;

/** A registry answer the same request would get again (4xx), with the registry's own error code. */
export class SchemaRegistryError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'SchemaRegistryError';
  }
}

/** Socket and resolver codes of a request that got no answer; undici's own all start with UND_ERR_. */
const NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * fetch (undici) rejects a request that got no answer with a TypeError whose `cause` carries the
 * code; AbortSignal.timeout rejects with a DOMException named TimeoutError. Anything else thrown
 * by fetch (a malformed URL) is a bug.
 */
function isNetworkFailure(error: unknown): boolean {
  // By name rather than instanceof: fetch's errors may come from another realm (a test runner's).
  const e = error as { name?: unknown; cause?: { code?: unknown } } | null;
  if (e?.name === 'TimeoutError') return true;
  const code = e?.cause?.code;
  return (
    e?.name === 'TypeError' &&
    typeof code === 'string' &&
    (NETWORK_CODES.has(code) || code.startsWith('UND_ERR_'))
  );
}

/** Overloaded, throttled or timed out on the registry's side: the same request can succeed later. */
const isRetriableStatus = (status: number): boolean => status >= 500 || status === 429 || status === 408;

/**
 * The two reads of the Confluent-compatible registry API the serde needs, over fetch. Hand-written
 * rather than @kafkajs/confluent-schema-registry: its HTTP layer (mappersmith) turns a refused or
 * reset connection into a status-400 response whose only trace of the cause is its message text,
 * so an unreachable registry could not be told from a bad request but by reading that text. Here
 * transient failures are `DependencyUnavailableError` (network, timeout, 5xx, 429) and the rest
 * `SchemaRegistryError` with the status and the registry's error code.
 */
export class SchemaRegistryClient {
  private readonly base: string;

  constructor(
    baseUrl: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    this.base = baseUrl.replace(/\/+$/, '');
  }

  /** The schema registered under a global id. */
  schemaById(id: number): Promise<{ schema: string; schemaType?: string }> {
    return this.call('GET', `/schemas/ids/${id}`);
  }

  /** The id of `schema` under `subject`; a 404 when it was never registered there. */
  async idOf(subject: string, schema: string): Promise<number> {
    const r = await this.call<{ id: number }>('POST', `/subjects/${encodeURIComponent(subject)}`, { schema });
    return r.id;
  }

  /** Lists subjects; for readiness probes. */
  async ping(): Promise<void> {
    await this.call('GET', '/subjects', undefined, 2_000);
  }

  private async call<T>(
    method: string,
    path: string,
    body?: unknown,
    timeoutMs = REQUEST_TIMEOUT_MS,
  ): Promise<T> {
    let status: number;
    let text: string;
    try {
      const res = await this.fetchImpl(`${this.base}${path}`, {
        method,
        headers: { accept: CONTENT_TYPE, ...(body === undefined ? {} : { 'content-type': CONTENT_TYPE }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = res.status;
      text = await res.text(); // a connection lost mid-body rejects here, like fetch itself
    } catch (error) {
      if (isNetworkFailure(error)) throw new DependencyUnavailableError('registry', error);
      throw error;
    }
    if (status >= 200 && status < 300) return JSON.parse(text) as T;
    let answer: { error_code?: unknown; message?: unknown } = {};
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object') answer = parsed;
    } catch {
      // not JSON (a proxy's error page): the status says enough
    }
    const error = new SchemaRegistryError(
      status,
      typeof answer.error_code === 'number' ? answer.error_code : undefined,
      `${method} ${path}: ${status} ${typeof answer.message === 'string' ? answer.message : text.slice(0, 200)}`,
    );
    throw isRetriableStatus(status) ? new DependencyUnavailableError('registry', error) : error;
  }
}
