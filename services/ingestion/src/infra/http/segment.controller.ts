import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { JsonWhateverContentType, Route, Scopes } from '@smarketing/http';
import type { FastifyRequest } from 'fastify';
import type { SegmentRoute } from '../../app/segment/segment-input';
import { IngestSegmentCalls } from '../../app/use-cases/ingest-segment-calls.use-case';
import {
  groupCallSchema,
  identifyCallSchema,
  pageCallSchema,
  segmentBatchSchema,
  trackCallSchema,
} from '../../app/validation';
import { callerOf } from './caller';

const DURABLE = {
  200: 'Durable: committed to the outbox. Repeats (same messageId) count as duplicates.',
};
const SEGMENT =
  "Like Segment's API, it takes the body as JSON whatever its Content-Type, gzip-compressed or not; " +
  'a write key is sent as the Basic user name.';

/**
 * The Segment HTTP tracking API: 200 `{ success: true }` once the calls are durable. Like Segment's,
 * it takes the body as JSON whatever its Content-Type, gzip-compressed or not. The calls are
 * validated by the use case (one bad call fails a batch, with each call's path).
 */
@Controller('v1')
@Scopes('ingest')
export class SegmentController {
  constructor(private readonly ingest: IngestSegmentCalls) {}

  private async run(route: SegmentRoute, request: FastifyRequest, body: unknown) {
    const outcome = await this.ingest.execute({ source: callerOf(request).source, route, body });
    return { success: true, ...outcome };
  }

  @Post('identify')
  @HttpCode(200)
  @JsonWhateverContentType()
  @Route({
    summary: 'Segment identify: lead-upserted (and leads-merged).',
    description: SEGMENT,
    validatedByApp: { body: identifyCallSchema },
    responses: DURABLE,
  })
  identify(@Req() request: FastifyRequest, @Body() body: unknown) {
    return this.run('identify', request, body);
  }

  @Post('track')
  @HttpCode(200)
  @JsonWhateverContentType()
  @Route({
    summary: 'Segment track: touchpoint-recorded.',
    description: SEGMENT,
    validatedByApp: { body: trackCallSchema },
    responses: DURABLE,
  })
  track(@Req() request: FastifyRequest, @Body() body: unknown) {
    return this.run('track', request, body);
  }

  @Post('page')
  @HttpCode(200)
  @JsonWhateverContentType()
  @Route({
    summary: 'Segment page: touchpoint-recorded (page view or pricing page view).',
    description: SEGMENT,
    validatedByApp: { body: pageCallSchema },
    responses: DURABLE,
  })
  page(@Req() request: FastifyRequest, @Body() body: unknown) {
    return this.run('page', request, body);
  }

  @Post('group')
  @HttpCode(200)
  @JsonWhateverContentType()
  @Route({
    summary: 'Segment group: account association (lead-upserted).',
    description: SEGMENT,
    validatedByApp: { body: groupCallSchema },
    responses: DURABLE,
  })
  group(@Req() request: FastifyRequest, @Body() body: unknown) {
    return this.run('group', request, body);
  }

  @Post('batch')
  @HttpCode(200)
  @JsonWhateverContentType()
  @Route({
    summary: 'Segment batch of up to 500 calls, all or nothing.',
    description: SEGMENT,
    validatedByApp: { body: segmentBatchSchema },
    responses: DURABLE,
  })
  batch(@Req() request: FastifyRequest, @Body() body: unknown) {
    return this.run('batch', request, body);
  }
}
