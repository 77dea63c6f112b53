import { Controller, Get, Header, Res, SetMetadata } from '@nestjs/common';
import { HealthRegistry, type ReadinessReport } from './health-registry';
import { PUBLIC_ROUTE_METADATA } from './public-routes';

/** The part of a Fastify reply or Express response the probe uses. */
type StatusReply = { status(code: number): unknown };

/**
 * Kubernetes probes. Both routes are public (in {@link PUBLIC_ROUTES}): they need no credential.
 * - `GET /health/live`: 200 while the event loop turns; restart the pod when it stops answering.
 * - `GET /health/ready`: 200 when every registered indicator is ok, else 503 with each check.
 */
@Controller('health')
@SetMetadata(PUBLIC_ROUTE_METADATA, true)
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  @Get('live')
  @Header('Cache-Control', 'no-store')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Header('Cache-Control', 'no-store')
  async ready(@Res({ passthrough: true }) reply: StatusReply): Promise<ReadinessReport> {
    const report = await this.registry.readiness();
    // An answer, not an error: the report is the body whatever the service's error filter does.
    if (report.status !== 'ok') reply.status(503);
    return report;
  }
}
