import { Controller, Get, Header } from '@nestjs/common';
import { metricsRegistry } from './metrics';

/** `GET /metrics`: the Prometheus text exposition of {@link metricsRegistry}; in {@link PUBLIC_ROUTES}. */
@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('Content-Type', metricsRegistry.contentType)
  @Header('Cache-Control', 'no-store')
  scrape(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
