import { Controller, Delete, HttpCode, Param, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { EraseLeadUseCase } from '../../app/erasure/erase-lead.use-case';
import type { Principal } from '../../app/keys/api-key';
import { RequireScopes } from './auth/scopes.decorator';

/** GDPR erasure (admin): 202 with the erasure id once the nulling and lead-erased are committed. */
@Controller('v1/leads')
@RequireScopes('admin')
export class ErasureController {
  constructor(private readonly erase: EraseLeadUseCase) {}

  @Delete(':leadId')
  @HttpCode(202)
  byLeadId(@Req() request: FastifyRequest, @Param('leadId') leadId: string) {
    return this.erase.execute({ leadId, requestedBy: (request.principal as Principal).keyId });
  }

  @Delete()
  @HttpCode(202)
  byEmail(@Req() request: FastifyRequest, @Query('email') email: unknown) {
    return this.erase.execute({ email, requestedBy: (request.principal as Principal).keyId });
  }
}
