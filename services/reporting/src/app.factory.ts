import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Config } from './config';
import { createReportingEdge, type EdgeOptions } from './infra/http/reporting-edge';
import { ReportingModule } from './reporting.module';

/** Builds the Nest app on the platform's HTTP edge; used by main.ts and by the integration tests. */
export async function createApp(config: Config, options: EdgeOptions = {}): Promise<NestFastifyApplication> {
  return createReportingEdge(ReportingModule.register(config), config, options);
}
