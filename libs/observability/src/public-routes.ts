/**
 * The routes this lib serves: probes and the Prometheus scrape. They are public (they carry
 * {@link PUBLIC_ROUTE_METADATA}); the access log writes them at debug. Keep them out of any global
 * route prefix (`app.setGlobalPrefix('api', { exclude: [...PUBLIC_ROUTES] })`).
 */
export const PUBLIC_ROUTES = ['/health/live', '/health/ready', '/metrics'] as const;

/** One of {@link PUBLIC_ROUTES}. */
export type PublicRoute = (typeof PUBLIC_ROUTES)[number];

/** Whether a request path or URL (query string allowed) is one of {@link PUBLIC_ROUTES}. */
export function isPublicRoute(url: string): boolean {
  const path = url.split('?', 1)[0] ?? url;
  return (PUBLIC_ROUTES as readonly string[]).includes(path);
}

/**
 * Route metadata (Nest `SetMetadata`) marking a route that needs no credential. libs/http's
 * `@Public()` sets it and its guard reads it; it lives here so this lib's probe controllers can
 * carry it without depending on libs/http.
 */
export const PUBLIC_ROUTE_METADATA = 'smarketing:public-route';
