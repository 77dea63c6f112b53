import type { Provider } from '@nestjs/common';
import { DashboardQueries } from '../../app/queries';
import { FreshnessFeed } from './freshness-feed';
import type { SessionCookieOptions } from './session-cookie';
import { SESSION_COOKIE_OPTIONS } from './session.controller';
import { SessionVerifier } from './session.verifier';
import { WebAssets } from './web-assets';

export type WebConfig = {
  readonly API_KEYS: string;
  readonly SESSION_SECRET?: string | undefined;
  readonly SESSION_TTL_HOURS: number;
  readonly SESSION_COOKIE_SECURE: boolean;
};

/** What the page, its sessions and its stream need besides the read side (DashboardQueries, ReviewCommands). */
export function webProviders(
  config: WebConfig,
  o: { readonly now?: () => number; readonly pollMs?: number } = {},
): Provider[] {
  const cookie: SessionCookieOptions = { secure: config.SESSION_COOKIE_SECURE };
  return [
    {
      provide: SessionVerifier,
      useValue: new SessionVerifier({
        apiKeys: config.API_KEYS,
        secret: config.SESSION_SECRET,
        ttlMs: config.SESSION_TTL_HOURS * 3_600_000,
        ...(o.now ? { now: o.now } : {}),
      }),
    },
    { provide: SESSION_COOKIE_OPTIONS, useValue: cookie },
    { provide: WebAssets, useValue: new WebAssets() },
    {
      provide: FreshnessFeed,
      useFactory: (queries: DashboardQueries) => new FreshnessFeed(queries, o.pollMs ?? 1_000),
      inject: [DashboardQueries],
    },
  ];
}
