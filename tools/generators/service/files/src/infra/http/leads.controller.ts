import { Controller, Get, Inject, Param } from '@nestjs/common';
import { NotFoundError, Route, Scopes } from '@smarketing/http';
import type { z } from 'zod';
import { GetLead } from '../../app/use-cases/get-lead.use-case';
import { leadParams } from './request-schemas';

/** The leads this service has seen (read scope). */
@Controller('v1/leads')
@Scopes('read')
export class LeadsController {
  constructor(@Inject(GetLead) private readonly getLead: GetLead) {}

  @Get(':leadId')
  @Route({
    summary: 'When this service first saw a lead (the earliest lead-upserted event time).',
    params: leadParams,
    responses: { 200: 'The lead.' },
  })
  async lead(@Param() { leadId }: z.output<typeof leadParams>) {
    const lead = await this.getLead.execute(leadId);
    if (lead === undefined) throw new NotFoundError(`no lead ${leadId}`);
    return { leadId: lead.leadId, firstSeenAt: new Date(lead.firstSeenAt).toISOString() };
  }
}
