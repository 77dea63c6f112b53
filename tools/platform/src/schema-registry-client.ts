/**
 * The Confluent-compatible schema registry REST API subset the platform uses, over fetch.
 * Hand-written rather than @kafkajs/confluent-schema-registry's register(): that client reads and rewrites
 * subject config as a side effect of registering and hides the registry's error codes, and provisioning
 * needs exactly these calls with their errors visible. Works with Apicurio's /apis/ccompat/v7 and Confluent.
 */
const CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';

export type CompatibilityLevel =
  'NONE' | 'BACKWARD' | 'BACKWARD_TRANSITIVE' | 'FORWARD' | 'FORWARD_TRANSITIVE' | 'FULL' | 'FULL_TRANSITIVE';

/** A registry answer other than 2xx, with the registry's own error code when it sent one. */
export class SchemaRegistryError extends Error {
  override readonly name = 'SchemaRegistryError';
  constructor(
    readonly status: number,
    readonly errorCode: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

export type SchemaRegistryClient = ReturnType<typeof schemaRegistryClient>;

/** A client for the registry at `baseUrl` (e.g. http://127.0.0.1:8081/apis/ccompat/v7). */
export function schemaRegistryClient(baseUrl: string, fetchImpl: typeof fetch = fetch) {
  const base = baseUrl.replace(/\/+$/, '');
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    let res: Response;
    try {
      res = await fetchImpl(`${base}${path}`, {
        method,
        headers: { accept: CONTENT_TYPE, ...(body === undefined ? {} : { 'content-type': CONTENT_TYPE }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (e) {
      const cause = (e as { cause?: { message?: string } }).cause?.message ?? (e as Error).message;
      throw new Error(`${method} ${base}${path}: registry unreachable (${cause})`, { cause: e });
    }
    const text = await res.text();
    const json = text ? (JSON.parse(text) as unknown) : undefined;
    if (!res.ok) {
      const err = (json ?? {}) as { error_code?: number; message?: string };
      throw new SchemaRegistryError(
        res.status,
        err.error_code,
        `${method} ${path}: ${res.status} ${err.message ?? text}`,
      );
    }
    return json as T;
  };
  const s = (subject: string): string => encodeURIComponent(subject);
  return {
    baseUrl: base,
    listSubjects: (): Promise<string[]> => call('GET', '/subjects'),
    /** Registers an Avro schema under a subject; an unchanged schema returns its existing id. */
    register: async (subject: string, schema: string): Promise<number> =>
      (await call<{ id: number }>('POST', `/subjects/${s(subject)}/versions`, { schema, schemaType: 'AVRO' }))
        .id,
    getSchemaById: async (id: number): Promise<string> =>
      (await call<{ schema: string }>('GET', `/schemas/ids/${id}`)).schema,
    setCompatibility: async (subject: string, level: CompatibilityLevel): Promise<void> => {
      await call('PUT', `/config/${s(subject)}`, { compatibility: level });
    },
    getCompatibility: async (subject: string): Promise<string> => {
      const r = await call<{ compatibilityLevel?: string; compatibility?: string }>(
        'GET',
        `/config/${s(subject)}`,
      );
      return String(r.compatibilityLevel ?? r.compatibility);
    },
    /** Asks whether `schema` could be registered as the next version of `subject` under its compatibility rule. */
    isCompatible: async (subject: string, schema: string): Promise<boolean> =>
      (
        await call<{ is_compatible: boolean }>(
          'POST',
          `/compatibility/subjects/${s(subject)}/versions/latest`,
          { schema, schemaType: 'AVRO' },
        )
      ).is_compatible,
    /** Soft-deletes, then (permanent) hard-deletes a subject. */
    deleteSubject: async (subject: string, permanent = false): Promise<void> => {
      await call('DELETE', `/subjects/${s(subject)}`);
      if (permanent) await call('DELETE', `/subjects/${s(subject)}?permanent=true`);
    },
  };
}
