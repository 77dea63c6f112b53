import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '@smarketing/http';
import { createLogger } from '@smarketing/observability';
import type { Config } from './config';
import { SlaMonitorModule, type SlaMonitorModuleOptions } from './sla-monitor.module';

/** Builds the Nest app on the platform's HTTP edge; used by main.ts and by the integration tests. */
export async function createApp(
  config: Config,
  options: SlaMonitorModuleOptions = {},
): Promise<NestFastifyApplication> {
  return createHttpApp(SlaMonitorModule.register(config, options), {
    logger: createLogger({ service: 'sla-monitor', level: config.LOG_LEVEL }),
    bodyLimitBytes: 1_048_576,
    apiKeys: config.API_KEYS,
    openApi: {
      title: 'Smarketing sla-monitor',
      version: '1.0.0',
      description:
        'Service level agreements between marketing and sales: policies and business calendars (admin), SLA records, ' +
        'their timelines, open records by deadline and attainment (read).',
    },
  });
}
