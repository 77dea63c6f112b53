import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CreateApiKeyUseCase } from '../../app/keys/create-api-key.use-case';
import { ListApiKeysUseCase } from '../../app/keys/list-api-keys.use-case';
import { RevokeApiKeyUseCase } from '../../app/keys/revoke-api-key.use-case';
import { RotateApiKeyUseCase } from '../../app/keys/rotate-api-key.use-case';
import { RequireScopes } from './auth/scopes.decorator';

/** Source keys (admin scope). Tokens and signing secrets appear once, in the create/rotate response. */
@Controller('v1/admin/keys')
@RequireScopes('admin')
export class AdminKeysController {
  constructor(
    private readonly createKey: CreateApiKeyUseCase,
    private readonly listKeys: ListApiKeysUseCase,
    private readonly rotateKey: RotateApiKeyUseCase,
    private readonly revokeKey: RevokeApiKeyUseCase,
  ) {}

  @Post()
  @HttpCode(201)
  create(@Body() body: unknown) {
    return this.createKey.execute(body);
  }

  @Get()
  async list() {
    return { keys: await this.listKeys.execute() };
  }

  @Post(':keyId/rotate')
  @HttpCode(200)
  rotate(@Param('keyId') keyId: string) {
    return this.rotateKey.execute(keyId);
  }

  @Delete(':keyId')
  @HttpCode(204)
  async revoke(@Param('keyId') keyId: string): Promise<void> {
    await this.revokeKey.execute(keyId);
  }
}
