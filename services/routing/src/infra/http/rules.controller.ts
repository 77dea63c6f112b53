import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ConflictError, InvalidInputError, NotFoundError, Route, Scopes } from '@smarketing/http';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { DryRunRules } from '../../app/use-cases/dry-run-rules.use-case';
import { GetRules } from '../../app/use-cases/get-rules.use-case';
import { ListRules } from '../../app/use-cases/list-rules.use-case';
import { PublishRules } from '../../app/use-cases/publish-rules.use-case';
import { routingRulesSchema } from '../../domain';
import { dryRunBody, rulesVersionParams } from './request-schemas';

/** Routing rules: publish and dry run (admin), read the versions (read). */
@Controller('v1/rules')
export class RulesController {
  constructor(
    @Inject(PublishRules) private readonly publish: PublishRules,
    @Inject(GetRules) private readonly getRules: GetRules,
    @Inject(ListRules) private readonly listRules: ListRules,
    @Inject(DryRunRules) private readonly dryRun: DryRunRules,
  ) {}

  @Post()
  @Scopes('admin')
  @Route({
    summary: 'Publish a routing rules version: it routes every decision from now on.',
    validatedByApp: { body: routingRulesSchema },
    responses: { 201: 'Published.' },
  })
  async publishRules(@Body() body: unknown, @Req() request: FastifyRequest) {
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new InvalidInputError([
        { path: '(root)', message: 'must be a JSON object (a routing rules document)' },
      ]);
    const result = await this.publish.execute(body, request.principal?.keyId ?? 'unknown');
    switch (result.kind) {
      case 'invalid':
        throw new InvalidInputError(result.errors, 'the rules document is invalid');
      case 'conflict':
        throw new ConflictError(result.message);
      case 'published':
        return { version: result.rules.version, publishedAt: new Date(result.publishedAt).toISOString() };
    }
  }

  @Get()
  @Scopes('read')
  @Route({
    summary: 'Every published rules version, newest first (the first routes).',
    responses: { 200: 'The versions.' },
  })
  async list() {
    return {
      versions: (await this.listRules.execute()).map((v) => ({
        ...v,
        publishedAt: new Date(v.publishedAt).toISOString(),
      })),
    };
  }

  @Get(':version')
  @Scopes('read')
  @Route({
    summary: 'One rules version (or "latest"), its document.',
    params: rulesVersionParams,
    responses: { 200: 'The version.' },
  })
  async version(@Param() { version }: z.output<typeof rulesVersionParams>) {
    const stored = await this.getRules.execute(version);
    if (stored === undefined) throw new NotFoundError(`no rules version ${version}`);
    return {
      source: stored.source,
      publishedAt: new Date(stored.publishedAt).toISOString(),
      publishedBy: stored.publishedBy,
      document: stored.rules,
    };
  }

  @Post('dry-run')
  @HttpCode(200)
  @Scopes('admin')
  @Route({
    summary:
      "Replay a past period's sales-ready leads through a draft and the published rules: per rep, share vs weight, Gini, held/escalated/queued, changed owners. Writes nothing.",
    body: dryRunBody,
    responses: { 200: 'The comparison.' },
  })
  async dryRunRules(@Body() input: z.output<typeof dryRunBody>) {
    const started = process.hrtime.bigint();
    const result = await this.dryRun.execute(input);
    if (result.kind === 'invalid')
      throw new InvalidInputError(result.errors, 'the draft rules document is invalid');
    return {
      from: new Date(result.from).toISOString(),
      to: new Date(result.to).toISOString(),
      truncated: result.truncated,
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
      ...result.comparison,
    };
  }
}
