import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { Route, Scopes } from '@smarketing/http';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { CrmKind } from '../../app/crm/crm-fact';
import { IngestCrmFacts } from '../../app/use-cases/ingest-crm-facts.use-case';
import {
  campaignCostSchema,
  dispositionSchema,
  opportunitySchema,
  salesActivitySchema,
  VALIDATION_LIMITS,
} from '../../app/validation';
import { callerOf } from './caller';

/** One fact or an array of them, as the use case takes them (it validates each, by its index). */
const oneOrMany = (fact: z.ZodType) => z.union([fact, z.array(fact).max(VALIDATION_LIMITS.maxBatch)]);

const DURABLE = {
  200: 'Durable: committed to the outbox. Repeats (same fact id) count as duplicates.',
};

/** CRM facts: one JSON object or an array of up to 500 per request (documented at GET /openapi.json). */
@Controller('v1/crm')
@Scopes('ingest')
export class CrmController {
  constructor(private readonly ingest: IngestCrmFacts) {}

  private run(kind: CrmKind, request: FastifyRequest, body: unknown) {
    return this.ingest.execute({ source: callerOf(request).source, kind, body });
  }

  @Post('sales-activities')
  @HttpCode(200)
  @Route({
    summary: 'Sales activities: sales-activity-recorded.',
    validatedByApp: { body: oneOrMany(salesActivitySchema) },
    responses: DURABLE,
  })
  salesActivities(@Req() request: FastifyRequest, @Body() body: unknown) {
    return this.run('sales-activity', request, body);
  }

  @Post('dispositions')
  @HttpCode(200)
  @Route({
    summary: 'Dispositions: lead-dispositioned.',
    validatedByApp: { body: oneOrMany(dispositionSchema) },
    responses: DURABLE,
  })
  dispositions(@Req() request: FastifyRequest, @Body() body: unknown) {
    return this.run('disposition', request, body);
  }

  @Post('opportunities')
  @HttpCode(200)
  @Route({
    summary: 'Opportunities (full state): opportunity-updated.',
    validatedByApp: { body: oneOrMany(opportunitySchema) },
    responses: DURABLE,
  })
  opportunities(@Req() request: FastifyRequest, @Body() body: unknown) {
    return this.run('opportunity', request, body);
  }

  @Post('campaign-costs')
  @HttpCode(200)
  @Route({
    summary: 'Campaign costs: campaign-cost-recorded.',
    validatedByApp: { body: oneOrMany(campaignCostSchema) },
    responses: DURABLE,
  })
  campaignCosts(@Req() request: FastifyRequest, @Body() body: unknown) {
    return this.run('campaign-cost', request, body);
  }
}
