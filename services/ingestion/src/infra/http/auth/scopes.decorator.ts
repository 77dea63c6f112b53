import { SetMetadata } from '@nestjs/common';
import type { Scope } from '../../../app/keys/api-key';

export const SCOPES_KEY = 'ingestion:scopes';

/** The scopes a route needs; `@RequireScopes()` with none means any valid key. */
export const RequireScopes = (...scopes: Scope[]) => SetMetadata(SCOPES_KEY, scopes);
