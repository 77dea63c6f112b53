import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { accessOf, type Access } from '../auth/access.decorators';
import { routeSpecOf, type RouteSpec } from '../validation/route.decorator';

/** One HTTP route of the app, as its controller declares it. */
export type RouteEntry = {
  /** Lower-case HTTP method. */
  readonly method: string;
  /** Fastify's path template: `/v1/leads/:leadId`. */
  readonly path: string;
  readonly access: Access;
  readonly spec?: RouteSpec;
  /** `Controller.handler`, for operation ids and messages. */
  readonly name: string;
};

type Controller = abstract new (...args: never[]) => unknown;

const paths = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : [String(value ?? '')];
const join = (...parts: string[]): string =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`;

/** The routes of these controllers, read from the metadata Nest routes them by. */
export function routeTableOf(controllers: readonly Controller[]): RouteEntry[] {
  const routes: RouteEntry[] = [];
  for (const controller of controllers) {
    const base = paths(Reflect.getMetadata(PATH_METADATA, controller));
    const proto = controller.prototype as Record<string, unknown>;
    for (const key of Object.getOwnPropertyNames(proto)) {
      const handler = key === 'constructor' ? undefined : Object.getOwnPropertyDescriptor(proto, key)?.value;
      if (typeof handler !== 'function') continue;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined) continue;
      const spec = routeSpecOf(handler);
      for (const b of base)
        for (const p of paths(Reflect.getMetadata(PATH_METADATA, handler)))
          routes.push({
            method: RequestMethod[method].toLowerCase(),
            path: join(b, p),
            access: accessOf(handler, controller),
            ...(spec ? { spec } : {}),
            name: `${controller.name}.${key}`,
          });
    }
  }
  return routes;
}
