import { Body, Controller, Get, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ConflictError, InvalidInputError, NotFoundError, Route, Scopes } from '@smarketing/http';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { GetIcpVersion } from '../../app/use-cases/get-icp-version.use-case';
import { ListIcps } from '../../app/use-cases/list-icps.use-case';
import { PublishIcp } from '../../app/use-cases/publish-icp.use-case';
import { icpSchema } from '../../domain';
import { icpVersionParams, publishIcpQuery } from './request-schemas';

/** The ideal customer profile: publish a version (admin), list and read versions (read). */
@Controller('v1/icps')
export class IcpsController {
  constructor(
    @Inject(PublishIcp) private readonly publish: PublishIcp,
    @Inject(ListIcps) private readonly list: ListIcps,
    @Inject(GetIcpVersion) private readonly getVersion: GetIcpVersion,
  ) {}

  @Post()
  @Scopes('admin')
  @Route({
    summary:
      'Publish an ICP version (admin); a new current ICP re-scores every account in the same transaction.',
    query: publishIcpQuery,
    // The use case validates the document (its rules are the ICP's), with each field's path.
    validatedByApp: { body: icpSchema },
    responses: { 201: 'Published; `rescored` and `changed` count the accounts.' },
  })
  async publishIcp(
    @Body() body: unknown,
    @Query() { current }: z.output<typeof publishIcpQuery>,
    @Req() request: FastifyRequest,
  ) {
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new InvalidInputError([{ path: '(root)', message: 'must be a JSON object (an ICP document)' }]);
    const result = await this.publish.execute({
      document: body,
      makeCurrent: current,
      publishedBy: request.principal?.keyId ?? 'unknown',
    });
    switch (result.kind) {
      case 'invalid':
        throw new InvalidInputError(result.errors, 'the ICP document is invalid');
      case 'conflict':
        throw new ConflictError(result.message);
      case 'published':
        return {
          icpId: result.icp.id,
          version: result.icp.version,
          isCurrent: result.isCurrent,
          publishedAt: result.publishedAt,
          rescored: result.rescored,
          changed: result.changed,
        };
    }
  }

  @Get()
  @Scopes('read')
  @Route({ summary: 'Every ICP version, with the current flag.', responses: { 200: 'The ICPs.' } })
  async listIcps() {
    return { icps: await this.list.execute() };
  }

  @Get(':id/versions/:v')
  @Scopes('read')
  @Route({
    summary: "One ICP version's document.",
    params: icpVersionParams,
    responses: { 200: 'The version.' },
  })
  async icpVersion(@Param() { id, v }: z.output<typeof icpVersionParams>) {
    const stored = await this.getVersion.execute(id, v);
    if (stored === undefined) throw new NotFoundError(`no ICP ${id} version ${v}`);
    return {
      isCurrent: stored.isCurrent,
      source: stored.source,
      publishedAt: stored.publishedAt,
      publishedBy: stored.publishedBy,
      document: stored.icp,
    };
  }
}
