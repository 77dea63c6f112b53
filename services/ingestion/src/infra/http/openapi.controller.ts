import { Controller, Get } from '@nestjs/common';
import { RequireScopes } from './auth/scopes.decorator';
import { openApiDocument } from './openapi.document';

/** GET /openapi.json: any valid key (every non-probe route needs a credential). */
@Controller()
@RequireScopes()
export class OpenApiController {
  private readonly document = openApiDocument();

  @Get('openapi.json')
  get() {
    return this.document;
  }
}
