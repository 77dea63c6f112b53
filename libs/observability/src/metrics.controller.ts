import { Controller, Get, Header, SetMetadata } from '@nestjs/common';
import { metricsRegistry } from './metrics';
import { PUBLIC_ROUTE_METADATA } from './public-routes';

/** `GET /metrics`: the Prometheus text exposition of {@link metricsRegistry}; public, in {@link PUBLIC_ROUTES}. */
@Controller('metrics')
@SetMetadata(PUBLIC_ROUTE_METADATA, true)
export class MetricsController {
  @Get()
  @Header('Content-Type', metricsRegistry.contentType)
  @Header('Cache-Control', 'no-store')
  scrape(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
