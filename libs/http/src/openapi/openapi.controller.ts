import { Controller, Get, Inject } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Public } from '../auth/access.decorators';
import { buildOpenApiDocument, type EdgeFacts, type OpenApiInfo } from './openapi.builder';
import { routeTableOf } from './route-table';

export const OPENAPI_OPTIONS = Symbol('OPENAPI_OPTIONS');
export type OpenApiOptions = { readonly info: OpenApiInfo; readonly facts: EdgeFacts };

type Controller = abstract new (...args: never[]) => unknown;

/** Every controller of the app, as Nest registered them. */
export const controllersOf = (discovery: DiscoveryService): Controller[] =>
  discovery
    .getControllers()
    .map((wrapper) => wrapper.metatype as Controller | null)
    .filter((c): c is Controller => typeof c === 'function');

/** `GET /openapi.json`: the app's OpenAPI document, built once from its routes' zod schemas. Public. */
@Controller()
export class OpenApiController {
  private document: Record<string, unknown> | undefined;

  constructor(
    @Inject(DiscoveryService) private readonly discovery: DiscoveryService,
    @Inject(OPENAPI_OPTIONS) private readonly options: OpenApiOptions,
  ) {}

  @Get('openapi.json')
  @Public()
  get(): Record<string, unknown> {
    this.document ??= buildOpenApiDocument(
      this.options.info,
      routeTableOf(controllersOf(this.discovery)),
      this.options.facts,
    );
    return this.document;
  }
}
