import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../../app/keys/api-key';
import { IngestSegmentCallsUseCase } from '../../app/segment/ingest-segment-calls.use-case';
import type { SegmentRoute } from '../../app/segment/segment-input';
import { RequireScopes } from './auth/scopes.decorator';
import { JsonWhateverContentType } from './body/json-body.parser';

const sourceOf = (request: FastifyRequest): string => (request.principal as Principal).source;

/**
 * The Segment HTTP tracking API: 200 `{ success: true }` once the calls are durable. Like Segment's,
 * it takes the body as JSON whatever its Content-Type, gzip-compressed or not.
 */
@Controller('v1')
@RequireScopes('ingest')
export class SegmentController {
  constructor(private readonly ingest: IngestSegmentCallsUseCase) {}

  private async run(route: SegmentRoute, request: FastifyRequest, body: unknown) {
    const outcome = await this.ingest.execute({ source: sourceOf(request), route, body });
    return { success: true, ...outcome };
  }

  @Post('identify')
  @HttpCode(200)
  @JsonWhateverContentType()
  identify(@Req() request: FastifyRequest, @Body() body: unknown) {
    return this.run('identify', request, body);
  }

  @Post('track')
  @HttpCode(200)
  @JsonWhateverContentType()
  track(@Req() request: FastifyRequest, @Body() body: unknown) {
    return this.run('track', request, body);
  }

  @Post('page')
  @HttpCode(200)
  @JsonWhateverContentType()
  page(@Req() request: FastifyRequest, @Body() body: unknown) {
    return this.run('page', request, body);
  }

  @Post('group')
  @HttpCode(200)
  @JsonWhateverContentType()
  group(@Req() request: FastifyRequest, @Body() body: unknown) {
    return this.run('group', request, body);
  }

  @Post('batch')
  @HttpCode(200)
  @JsonWhateverContentType()
  batch(@Req() request: FastifyRequest, @Body() body: unknown) {
    return this.run('batch', request, body);
  }
}
