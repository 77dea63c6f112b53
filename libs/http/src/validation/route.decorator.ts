import { SetMetadata } from '@nestjs/common';
import type { z } from 'zod';

const ROUTE_METADATA = 'smarketing:route';

/** Input schemas of a route, by where the input comes from. */
export type RouteInputs = {
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
};

/** What a route takes and answers: the schemas validate its input and document it in /openapi.json. */
export type RouteSpec = RouteInputs & {
  readonly summary: string;
  readonly description?: string;
  /**
   * Inputs the use case validates itself (a business rule in app/, with its own error paths):
   * documented from these schemas, not validated again by the edge.
   */
  readonly validatedByApp?: RouteInputs;
  /** Success responses by status code, e.g. `{ 200: 'The score.' }`; `{ 200: 'OK.' }` when omitted. */
  readonly responses?: Readonly<Record<number, string>>;
};

/**
 * Declares a route's input and documentation. Before the handler runs, the edge parses `params`,
 * `query` and `body` with their schemas and hands the handler the parsed values (defaults and
 * coercions applied), or answers 400 naming each bad field.
 */
export const Route = (spec: RouteSpec) => SetMetadata(ROUTE_METADATA, spec);

/** The spec a handler declared with {@link Route}, if any. */
export const routeSpecOf = (handler: object): RouteSpec | undefined =>
  Reflect.getMetadata(ROUTE_METADATA, handler) as RouteSpec | undefined;
