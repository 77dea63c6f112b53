import { SetMetadata } from '@nestjs/common';
import { PUBLIC_ROUTE_METADATA } from '@smarketing/observability';
import type { Scope } from './principal';

const SCOPES_METADATA = 'smarketing:scopes';

/**
 * The scopes a route (a handler, or every handler of a controller) needs: the caller's key must
 * hold each of them. A route declares this or {@link Public}; one that declares neither is closed.
 */
export const Scopes = (scope: Scope, ...more: Scope[]) => SetMetadata(SCOPES_METADATA, [scope, ...more]);

/** A route anyone may call, without a credential (the probes, the OpenAPI document). */
export const Public = () => SetMetadata(PUBLIC_ROUTE_METADATA, true);

/** What a route declared: open to all, the scopes it needs, or nothing (closed). */
export type Access =
  | { readonly kind: 'public' }
  | { readonly kind: 'scopes'; readonly scopes: readonly Scope[] }
  | { readonly kind: 'undeclared' };

type Target = object;

function declared(target: Target): Access | undefined {
  if (Reflect.getMetadata(PUBLIC_ROUTE_METADATA, target) === true) return { kind: 'public' };
  const scopes = Reflect.getMetadata(SCOPES_METADATA, target) as Scope[] | undefined;
  return scopes ? { kind: 'scopes', scopes } : undefined;
}

/** The access a handler declares, else its controller's (a handler's declaration wins). */
export function accessOf(handler: Target, controller: Target): Access {
  return declared(handler) ?? declared(controller) ?? { kind: 'undeclared' };
}
