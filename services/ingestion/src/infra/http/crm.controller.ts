import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { CrmKind } from '../../app/crm/crm-fact';
import { IngestCrmFactsUseCase } from '../../app/crm/ingest-crm-facts.use-case';
import type { Principal } from '../../app/keys/api-key';
import { RequireScopes } from './auth/scopes.decorator';

/** CRM facts: one JSON object or an array of up to 500 per request (documented at GET /openapi.json). */
@Controller('v1/crm')
@RequireScopes('ingest')
export class CrmController {
  constructor(private readonly ingest: IngestCrmFactsUseCase) {}

  private run(kind: CrmKind, request: FastifyRequest, body: unknown) {
    return this.ingest.execute({ source: (request.principal as Principal).source, kind, body });
  }

  @Post('sales-activities')
  @HttpCode(200)
  salesActivities(@Req() request: FastifyRequest, @Body() body: unknown) {
    return this.run('sales-activity', request, body);
  }

  @Post('dispositions')
  @HttpCode(200)
  dispositions(@Req() request: FastifyRequest, @Body() body: unknown) {
    return this.run('disposition', request, body);
  }

  @Post('opportunities')
  @HttpCode(200)
  opportunities(@Req() request: FastifyRequest, @Body() body: unknown) {
    return this.run('opportunity', request, body);
  }

  @Post('campaign-costs')
  @HttpCode(200)
  campaignCosts(@Req() request: FastifyRequest, @Body() body: unknown) {
    return this.run('campaign-cost', request, body);
  }
}
