import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ConflictError, InvalidInputError, NotFoundError, Route, Scopes } from '@smarketing/http';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { CompareScoringModels } from '../../app/use-cases/compare-scoring-models.use-case';
import { GetModelVersion } from '../../app/use-cases/get-model-version.use-case';
import { GetRescoreJob } from '../../app/use-cases/get-rescore-job.use-case';
import { ListModels } from '../../app/use-cases/list-models.use-case';
import { PublishModel } from '../../app/use-cases/publish-model.use-case';
import { scoringModelSchema } from '../../domain';
import { compareBody, jobParams, modelVersionParams, publishQuery } from './request-schemas';

/** Scoring models: publish (admin), list and read (read), compare (read), re-scoring progress (read). */
@Controller('v1')
export class ModelsController {
  constructor(
    @Inject(PublishModel) private readonly publish: PublishModel,
    @Inject(ListModels) private readonly list: ListModels,
    @Inject(GetModelVersion) private readonly getVersion: GetModelVersion,
    @Inject(CompareScoringModels) private readonly compare: CompareScoringModels,
    @Inject(GetRescoreJob) private readonly getJob: GetRescoreJob,
  ) {}

  @Post('models')
  @Scopes('admin')
  @Route({
    summary: 'Publish a scoring model version (admin); a new default re-scores every lead.',
    query: publishQuery,
    // The use case validates the document (its rules are the model's), with each field's path.
    validatedByApp: { body: scoringModelSchema },
    responses: { 201: 'Published; `rescoreJobId` follows the re-scoring.' },
  })
  async publishModel(
    @Body() body: unknown,
    @Query() { default: makeDefault }: z.output<typeof publishQuery>,
    @Req() request: FastifyRequest,
  ) {
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new InvalidInputError([
        { path: '(root)', message: 'must be a JSON object (a scoring model document)' },
      ]);
    const result = await this.publish.execute({
      document: body,
      makeDefault,
      publishedBy: request.principal?.keyId ?? 'unknown',
    });
    switch (result.kind) {
      case 'invalid':
        throw new InvalidInputError(result.errors, 'the model document is invalid');
      case 'conflict':
        throw new ConflictError(result.message);
      case 'published':
        return {
          modelId: result.model.id,
          version: result.model.version,
          isDefault: result.isDefault,
          publishedAt: result.publishedAt,
          rescoreJobId: result.rescoreJobId,
        };
    }
  }

  @Get('models')
  @Scopes('read')
  @Route({
    summary: 'Every model version, with default and latest flags.',
    responses: { 200: 'The models.' },
  })
  async listModels() {
    return { models: await this.list.execute() };
  }

  @Get('models/:id/versions/:v')
  @Scopes('read')
  @Route({
    summary: "One model version's document.",
    params: modelVersionParams,
    responses: { 200: 'The version.' },
  })
  async modelVersion(@Param() { id, v }: z.output<typeof modelVersionParams>) {
    const stored = await this.getVersion.execute(id, v);
    if (stored === undefined) throw new NotFoundError(`no model ${id} version ${v}`);
    return {
      isDefault: stored.isDefault,
      source: stored.source,
      publishedAt: stored.publishedAt,
      publishedBy: stored.publishedBy,
      document: stored.model,
    };
  }

  @Post('models/compare')
  @HttpCode(200)
  @Scopes('read')
  @Route({
    summary: 'Compare models on the stored leads: band counts, band changes, conversion per band.',
    body: compareBody,
    responses: { 200: 'Per model: band counts, leads changing band vs the first, conversion per band.' },
  })
  async compareModels(@Body() input: z.output<typeof compareBody>) {
    const result = await this.compare.execute(input);
    if (result.kind === 'model_not_found')
      throw new NotFoundError(`${result.path} ${result.message}`, [
        { path: result.path, message: result.message },
      ]);
    return result.view;
  }

  @Get('rescore-jobs/:jobId')
  @Scopes('read')
  @Route({ summary: 'Re-scoring progress.', params: jobParams, responses: { 200: 'The job.' } })
  async rescoreJob(@Param() { jobId }: z.output<typeof jobParams>) {
    const job = await this.getJob.execute(jobId);
    if (job === undefined) throw new NotFoundError(`no re-scoring job ${jobId}`);
    return job;
  }
}
