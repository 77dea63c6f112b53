import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '@smarketing/http';
import { createLogger } from '@smarketing/observability';
import type { Config } from './config';
import { IngestionModule } from './ingestion.module';
import { createKeySchema } from './app/keys/create-key.schema';
import {
  campaignCostSchema,
  dispositionSchema,
  groupCallSchema,
  identifyCallSchema,
  opportunitySchema,
  pageCallSchema,
  salesActivitySchema,
  segmentBatchSchema,
  trackCallSchema,
} from './app/validation';
import { appErrorToHttp } from './infra/http/app-errors';
import { SourceKeyVerifier } from './infra/http/auth/source-key.verifier';

/** Builds the Nest app on the platform's HTTP edge; used by main.ts and by the integration tests. */
export async function createApp(config: Config): Promise<NestFastifyApplication> {
  return createHttpApp(IngestionModule.register(config), {
    logger: createLogger({ service: 'ingestion', level: config.LOG_LEVEL }),
    bodyLimitBytes: config.BODY_LIMIT_BYTES,
    apiKeys: config.API_KEYS,
    // Source write keys and keys created over the admin API first, then the platform's API_KEYS.
    verifiers: [SourceKeyVerifier],
    rateLimit: { max: config.RATE_LIMIT_MAX, windowMs: config.RATE_LIMIT_WINDOW_MS },
    translateError: appErrorToHttp,
    openApi: {
      title: 'Smarketing ingestion',
      version: '1.0.0',
      description: 'Segment-spec tracking API, CRM facts, erasure and source keys.',
      schemas: {
        IdentifyCall: identifyCallSchema,
        TrackCall: trackCallSchema,
        PageCall: pageCallSchema,
        GroupCall: groupCallSchema,
        Batch: segmentBatchSchema,
        SalesActivity: salesActivitySchema,
        Disposition: dispositionSchema,
        Opportunity: opportunitySchema,
        CampaignCost: campaignCostSchema,
        CreateKey: createKeySchema,
      },
    },
  });
}
