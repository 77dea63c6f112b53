import { Controller, Get, Header, ServiceUnavailableException } from '@nestjs/common';
import { HealthRegistry, type ReadinessReport } from './health-registry';

/**
 * Kubernetes probes. Both routes are in {@link PUBLIC_ROUTES}: they need no credential.
 * - `GET /health/live`: 200 while the event loop turns; restart the pod when it stops answering.
 * - `GET /health/ready`: 200 when every registered indicator is ok, else 503 with each check.
 */
@Controller('health')
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  @Get('live')
  @Header('Cache-Control', 'no-store')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Header('Cache-Control', 'no-store')
  async ready(): Promise<ReadinessReport> {
    const report = await this.registry.readiness();
    // An HttpException with an object body is sent as that body, on any Nest HTTP adapter.
    if (report.status !== 'ok') throw new ServiceUnavailableException(report);
    return report;
  }
}
