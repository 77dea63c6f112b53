import './fastify-request';

export { createHttpApp, type HttpAppOptions, type VerifierRef } from './create-http-app';
export { SCOPES, type Scope, type Credential, type Principal } from './auth/principal';
export { Scopes, Public, accessOf, type Access } from './auth/access.decorators';
export { CredentialVerifier, verifyWithAny } from './auth/credential-verifier';
export {
  ApiKeysVerifier,
  parseApiKeys,
  apiKeyIdOf,
  MIN_API_KEY_LENGTH,
  type ApiKeyEntry,
} from './auth/api-keys.verifier';
export { credentialOf } from './auth/credential.parser';
export { ScopesGuard } from './auth/scopes.guard';
export {
  InvalidInputError,
  UnauthenticatedError,
  ForbiddenError,
  NotFoundError,
  ConflictError,
  RequestBodyError,
  type FieldError,
} from './errors/http-errors';
export {
  httpErrorOf,
  RETRY_AFTER_SECONDS,
  type ErrorEnvelope,
  type HttpError,
} from './errors/http-error.mapper';
export { HttpErrorFilter, type ErrorTranslator } from './errors/http-error.filter';
export { unavailableDependency, type Dependency } from './errors/unavailable-dependency';
export { JsonWhateverContentType } from './body/json-body.parser';
export { Route, type RouteSpec, type RouteInputs } from './validation/route.decorator';
export { validateInput, fieldPathOf, type InputPart } from './validation/validate-input';
export { buildOpenApiDocument, type OpenApiInfo } from './openapi/openapi.builder';
export { routeTableOf, type RouteEntry } from './openapi/route-table';
export type { RateLimitOptions } from './rate-limit';
