import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '@smarketing/http';
import { createLogger } from '@smarketing/observability';
import type { Config } from './config';
import { ScoringModule, type ScoringModuleOptions } from './scoring.module';

/** A scoring model document is the largest body scoring takes; 1 MiB leaves room for large ones. */
const BODY_LIMIT_BYTES = 1_048_576;

/** Builds the Nest app on the platform's HTTP edge; used by main.ts and by the integration tests. */
export async function createApp(
  config: Config,
  options: ScoringModuleOptions = {},
): Promise<NestFastifyApplication> {
  return createHttpApp(ScoringModule.register(config, options), {
    logger: createLogger({ service: 'scoring', level: config.LOG_LEVEL }),
    bodyLimitBytes: BODY_LIMIT_BYTES,
    apiKeys: config.API_KEYS,
    openApi: {
      title: 'Smarketing scoring',
      version: '1.0.0',
      description:
        'Scoring models (publish, list, compare, backtest), the ideal customer profile, account scores, re-scoring progress and lead scores.',
    },
  });
}
