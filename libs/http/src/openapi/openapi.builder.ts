import { z } from 'zod';
import type { RouteEntry } from './route-table';
import type { RouteInputs } from '../validation/route.decorator';

/** The service-level part of the document. */
export type OpenApiInfo = {
  readonly title: string;
  readonly version: string;
  readonly description?: string;
  /** Named schemas, served under components.schemas; a route using one of them refers to it. */
  readonly schemas?: Readonly<Record<string, z.ZodType>>;
};

/** What the edge does to every route, which the error responses describe. */
export type EdgeFacts = { readonly bodyLimitBytes: number; readonly rateLimited: boolean };

type Json = Record<string, unknown>;

const ERROR_SCHEMA: Json = {
  type: 'object',
  required: ['error', 'message'],
  properties: {
    error: { type: 'string', description: 'A stable code: invalid_input, unauthorized, forbidden, …' },
    message: { type: 'string' },
    errors: {
      type: 'array',
      description: 'Each problem with the input, by field path (`(root)`: the body itself).',
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: { path: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

const BODY_METHODS = new Set(['post', 'put', 'patch']);

/** `/v1/leads/:leadId` -> `/v1/leads/{leadId}`. */
const openApiPath = (path: string): string => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/**
 * The OpenAPI 3.1 document of an app's routes, from the zod schemas their {@link Route} specs
 * validate with. Converts every schema in one pass, so a named schema (OpenApiInfo.schemas) is a
 * `$ref` wherever it appears, even inside another.
 */
export function buildOpenApiDocument(
  info: OpenApiInfo,
  routes: readonly RouteEntry[],
  facts: EdgeFacts,
): Json {
  const registry = z.registry<{ id: string }>();
  const named = new Set<string>();
  for (const [id, schema] of Object.entries(info.schemas ?? {})) {
    registry.add(schema, { id });
    named.add(id);
  }
  // Every other input schema gets a throw-away id, converted with the rest and then inlined.
  const idOf = new Map<z.ZodType, string>();
  const register = (schema: z.ZodType | undefined): void => {
    if (schema === undefined || idOf.has(schema)) return;
    const existing = registry.get(schema)?.id;
    const id = existing ?? `__input${idOf.size}`;
    if (existing === undefined) registry.add(schema, { id });
    idOf.set(schema, id);
  };
  const inputsOf = (route: RouteEntry): RouteInputs => ({
    ...route.spec?.validatedByApp,
    ...(route.spec?.params ? { params: route.spec.params } : {}),
    ...(route.spec?.query ? { query: route.spec.query } : {}),
    ...(route.spec?.body ? { body: route.spec.body } : {}),
  });
  for (const route of routes) {
    const inputs = inputsOf(route);
    register(inputs.params);
    register(inputs.query);
    register(inputs.body);
  }
  const { schemas } = z.toJSONSchema(registry, {
    uri: (id) => `#/components/schemas/${id}`,
    io: 'input',
    unrepresentable: 'any',
  }) as { schemas: Record<string, Json> };
  const REF = '#/components/schemas/';
  // An unnamed schema used inside another is inlined: only named schemas are components.
  const inline = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(inline);
    if (typeof value !== 'object' || value === null) return value;
    const ref = (value as Json)['$ref'];
    if (typeof ref === 'string' && ref.startsWith(REF) && !named.has(ref.slice(REF.length)))
      return clean(schemas[ref.slice(REF.length)] ?? {});
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inline(v)]));
  };
  const clean = ({ $schema: _s, $id: _i, ...rest }: Json): Json => inline(rest) as Json;
  const jsonOf = (schema: z.ZodType): Json => {
    const id = idOf.get(schema) as string;
    return named.has(id) ? { $ref: `${REF}${id}` } : clean(schemas[id] ?? {});
  };

  const errorResponse = (description: string): Json => ({
    description,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  });

  const parameters = (schema: z.ZodType | undefined, where: 'path' | 'query', path: string): Json[] => {
    const declared = schema ? clean(schemas[idOf.get(schema) as string] ?? {}) : {};
    const properties = (declared['properties'] ?? {}) as Record<string, Json>;
    const required = new Set((declared['required'] ?? []) as string[]);
    const names =
      where === 'path'
        ? [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] as string)
        : Object.keys(properties);
    return names.map((name) => ({
      name,
      in: where,
      required: where === 'path' || required.has(name),
      schema: properties[name] ?? { type: 'string' },
    }));
  };

  const operation = (route: RouteEntry): Json => {
    const inputs = inputsOf(route);
    const scoped = route.access.kind !== 'public';
    const scopes = route.access.kind === 'scopes' ? route.access.scopes : [];
    const takesBody = inputs.body !== undefined && BODY_METHODS.has(route.method);
    const success = route.spec?.responses ?? { 200: 'OK.' };
    const params = [
      ...parameters(inputs.params, 'path', route.path),
      ...parameters(inputs.query, 'query', route.path),
    ];
    return {
      operationId: route.name.replace('.', '_'),
      ...(route.spec ? { summary: route.spec.summary } : {}),
      ...(route.spec?.description ? { description: route.spec.description } : {}),
      security: scoped ? [{ bearer: [...scopes] }, { basic: [...scopes] }] : [],
      ...(params.length ? { parameters: params } : {}),
      ...(takesBody
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonOf(inputs.body as z.ZodType) } },
            },
          }
        : {}),
      responses: {
        ...Object.fromEntries(
          Object.entries(success).map(([status, description]) => [status, { description }]),
        ),
        ...(params.length || takesBody
          ? { 400: errorResponse('Invalid input: `errors` names each field (`(root)` for the body itself).') }
          : {}),
        ...(scoped
          ? {
              401: errorResponse('Missing, unknown or revoked key, or a bad signature.'),
              403: errorResponse(`The key lacks the scope ${scopes.join(', ') || '(the route is closed)'}.`),
            }
          : {}),
        ...(takesBody
          ? {
              413: errorResponse(
                `A body larger than ${facts.bodyLimitBytes} bytes, counted after gzip decompression.`,
              ),
              415: errorResponse(
                'A Content-Encoding other than gzip, or a Content-Type other than application/json.',
              ),
            }
          : {}),
        ...(facts.rateLimited && scoped
          ? { 429: errorResponse('Over the rate limit; see Retry-After.') }
          : {}),
        500: errorResponse('A bug on our side; the message carries its trace id. Not worth retrying.'),
        503: errorResponse(
          'A dependency (database, broker, registry) is unavailable; retry after Retry-After.',
        ),
      },
    };
  };

  const paths: Record<string, Json> = {};
  for (const route of routes) (paths[openApiPath(route.path)] ??= {})[route.method] = operation(route);

  return {
    openapi: '3.1.0',
    info: {
      title: info.title,
      version: info.version,
      ...(info.description ? { description: info.description } : {}),
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API key: `Authorization: Bearer <key>`.' },
        basic: {
          type: 'http',
          scheme: 'basic',
          description: "Segment's convention: the key (a write key) as the user name, the password empty.",
        },
      },
      schemas: {
        Error: ERROR_SCHEMA,
        ...Object.fromEntries(
          Object.entries(schemas)
            .filter(([id]) => named.has(id))
            .map(([id, s]) => [id, clean(s)]),
        ),
      },
    },
    paths,
  };
}
