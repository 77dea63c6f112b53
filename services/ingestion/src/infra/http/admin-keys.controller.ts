import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { Route, Scopes } from '@smarketing/http';
import { z } from 'zod';
import { createKeySchema } from '../../app/keys/create-key.schema';
import { CreateApiKey } from '../../app/use-cases/create-api-key.use-case';
import { ListApiKeys } from '../../app/use-cases/list-api-keys.use-case';
import { RevokeApiKey } from '../../app/use-cases/revoke-api-key.use-case';
import { RotateApiKey } from '../../app/use-cases/rotate-api-key.use-case';

const keyIdParams = z.object({ keyId: z.string() });

/** Source keys (admin scope). Tokens and signing secrets appear once, in the create/rotate response. */
@Controller('v1/admin/keys')
@Scopes('admin')
export class AdminKeysController {
  constructor(
    private readonly createKey: CreateApiKey,
    private readonly listKeys: ListApiKeys,
    private readonly rotateKey: RotateApiKey,
    private readonly revokeKey: RevokeApiKey,
  ) {}

  @Post()
  @HttpCode(201)
  @Route({
    summary: 'Create a write key or an API key (admin); the token is shown once.',
    validatedByApp: { body: createKeySchema },
    responses: { 201: 'Created: the key, its token and (when signed) its signing secret.' },
  })
  create(@Body() body: unknown) {
    return this.createKey.execute(body);
  }

  @Get()
  @Route({ summary: 'List keys (admin); never secrets or hashes.', responses: { 200: 'The keys.' } })
  async list() {
    return { keys: await this.listKeys.execute() };
  }

  @Post(':keyId/rotate')
  @HttpCode(200)
  @Route({
    summary: 'Rotate a key (admin): a new token, the old one stops working at once.',
    validatedByApp: { params: keyIdParams },
    responses: { 200: 'The new token.' },
  })
  rotate(@Param('keyId') keyId: string) {
    return this.rotateKey.execute(keyId);
  }

  @Delete(':keyId')
  @HttpCode(204)
  @Route({
    summary: 'Revoke a key (admin).',
    validatedByApp: { params: keyIdParams },
    responses: { 204: 'Revoked.' },
  })
  async revoke(@Param('keyId') keyId: string): Promise<void> {
    await this.revokeKey.execute(keyId);
  }
}
