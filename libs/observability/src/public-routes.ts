/**
 * The only HTTP routes that need no credential: probes and the Prometheus scrape. Auth guards skip
 * exactly these paths (compare against the path without its query string). Keep them out of any
 * global route prefix (`app.setGlobalPrefix('api', { exclude: [...PUBLIC_ROUTES] })`).
 */
export const PUBLIC_ROUTES = ['/health/live', '/health/ready', '/metrics'] as const;

/** One of {@link PUBLIC_ROUTES}. */
export type PublicRoute = (typeof PUBLIC_ROUTES)[number];

/** Whether a request path or URL (query string allowed) is one of {@link PUBLIC_ROUTES}. */
export function isPublicRoute(url: string): boolean {
  const path = url.split('?', 1)[0] ?? url;
  return (PUBLIC_ROUTES as readonly string[]).includes(path);
}
