import { Controller, Delete, HttpCode, Param, Query, Req } from '@nestjs/common';
import { Route, Scopes } from '@smarketing/http';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { EraseLead } from '../../app/use-cases/erase-lead.use-case';
import { callerOf } from './caller';

const ERASED = { 202: 'Erased: the nulling and lead-erased are committed; the body has the erasure id.' };

/** GDPR erasure (admin): 202 with the erasure id once the nulling and lead-erased are committed. */
@Controller('v1/leads')
@Scopes('admin')
export class ErasureController {
  constructor(private readonly erase: EraseLead) {}

  @Delete(':leadId')
  @HttpCode(202)
  @Route({
    summary: 'Erase a person by leadId (admin): lead-erased.',
    validatedByApp: { params: z.object({ leadId: z.uuid() }) },
    responses: ERASED,
  })
  byLeadId(@Req() request: FastifyRequest, @Param('leadId') leadId: string) {
    return this.erase.execute({ leadId, requestedBy: callerOf(request).keyId });
  }

  @Delete()
  @HttpCode(202)
  @Route({
    summary: 'Erase a person by email (admin): lead-erased.',
    validatedByApp: { query: z.object({ email: z.email() }) },
    responses: ERASED,
  })
  byEmail(@Req() request: FastifyRequest, @Query('email') email: unknown) {
    return this.erase.execute({ email, requestedBy: callerOf(request).keyId });
  }
}
