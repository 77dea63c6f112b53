import {
  Body,
  ConflictException,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
  UseGuards,
} from '@nestjs/common';
import { CompareScoringModels } from '../../app/use-cases/compare-scoring-models.use-case';
import { GetModelVersion } from '../../app/use-cases/get-model-version.use-case';
import { GetRescoreJob } from '../../app/use-cases/get-rescore-job.use-case';
import { ListModels } from '../../app/use-cases/list-models.use-case';
import { PublishModel } from '../../app/use-cases/publish-model.use-case';
import { ApiKeyGuard, RequireScope, type AuthenticatedRequest } from './api-key.guard';
import { compareBody, jobParams, modelVersionParams, publishQuery } from './request-schemas';
import { badRequest, parseInput } from './validation';

/** Scoring models: publish (admin), list and read (read), compare (read), re-scoring progress (read). */
@Controller('v1')
@UseGuards(ApiKeyGuard)
export class ModelsController {
  constructor(
    @Inject(PublishModel) private readonly publish: PublishModel,
    @Inject(ListModels) private readonly list: ListModels,
    @Inject(GetModelVersion) private readonly getVersion: GetModelVersion,
    @Inject(CompareScoringModels) private readonly compare: CompareScoringModels,
    @Inject(GetRescoreJob) private readonly getJob: GetRescoreJob,
  ) {}

  @Post('models')
  @RequireScope('admin')
  async publishModel(@Body() body: unknown, @Query() query: unknown, @Req() req: AuthenticatedRequest) {
    const { default: makeDefault } = parseInput(publishQuery, query, 'query');
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw badRequest([{ path: '(root)', message: 'must be a JSON object (a scoring model document)' }]);
    const result = await this.publish.execute({
      document: body,
      makeDefault,
      publishedBy: req.scoringKey?.keyId ?? 'unknown',
    });
    switch (result.kind) {
      case 'invalid':
        throw badRequest(result.errors);
      case 'conflict':
        throw new ConflictException({ error: 'conflict', message: result.message });
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
  @RequireScope('read')
  async listModels() {
    return { models: await this.list.execute() };
  }

  @Get('models/:id/versions/:v')
  @RequireScope('read')
  async modelVersion(@Param() params: unknown) {
    const { id, v } = parseInput(modelVersionParams, params, 'params');
    const stored = await this.getVersion.execute(id, v);
    if (stored === undefined)
      throw new NotFoundException({ error: 'not_found', message: `no model ${id} version ${v}` });
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
  @RequireScope('read')
  async compareModels(@Body() body: unknown) {
    const input = parseInput(compareBody, body ?? {});
    const result = await this.compare.execute(input);
    if (result.kind === 'model_not_found')
      throw new NotFoundException({
        error: 'not_found',
        errors: [{ path: result.path, message: result.message }],
      });
    return result.view;
  }

  @Get('rescore-jobs/:jobId')
  @RequireScope('read')
  async rescoreJob(@Param() params: unknown) {
    const { jobId } = parseInput(jobParams, params, 'params');
    const job = await this.getJob.execute(jobId);
    if (job === undefined)
      throw new NotFoundException({ error: 'not_found', message: `no re-scoring job ${jobId}` });
    return job;
  }
}
