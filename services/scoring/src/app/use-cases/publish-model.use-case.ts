import {
  parseScoringModel,
  type ModelFieldError,
  type ScoringModel,
  checkModelFitsRetention,
} from '../../domain';
import type { Clock } from '../ports/clock.port';
import type { RescoreScheduler } from '../ports/rescore-scheduler.port';
import type { Transactions } from '../ports/transactions.port';

export type PublishModelInput = {
  document: unknown;
  /** Make this model the default (the one lifecycle decisions use). */
  makeDefault: boolean;
  /** Credential id of the publisher (never the secret). */
  publishedBy: string;
};

export type PublishModelResult =
  | {
      kind: 'published';
      model: ScoringModel;
      isDefault: boolean;
      rescoreJobId: string | null;
      publishedAt: number;
    }
  | { kind: 'invalid'; errors: ModelFieldError[] }
  | { kind: 'conflict'; message: string };

/**
 * Publishes a new, immutable model version. When it is (or becomes) the default, a re-scoring job
 * is recorded in the same transaction and every lead is re-scored from its stored signals.
 */
export class PublishModel {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly scheduler: RescoreScheduler,
    private readonly newId: () => string,
  ) {}

  async execute(input: PublishModelInput): Promise<PublishModelResult> {
    const parsed = parseScoringModel(input.document);
    if (!parsed.ok) return { kind: 'invalid', errors: parsed.errors };
    const model = parsed.model;
    const retention = checkModelFitsRetention(model);
    if (retention.length) return { kind: 'invalid', errors: retention };

    const publishedAt = this.clock.now();
    const result = await this.transactions.run(async (tx): Promise<PublishModelResult> => {
      const latest = await tx.models.latest(model.id);
      if (latest !== undefined && model.version <= latest.model.version) {
        return {
          kind: 'conflict',
          message: `${model.id} version ${model.version} is not newer than the published version ${latest.model.version}`,
        };
      }
      const current = await tx.models.defaultModel();
      const isDefault = input.makeDefault || current?.id === model.id;
      const inserted = await tx.models.insert({
        model,
        isDefault: false,
        source: 'api',
        publishedAt,
        publishedBy: input.publishedBy,
      });
      if (!inserted)
        return {
          kind: 'conflict',
          message: `${model.id} version ${model.version} was published concurrently`,
        };
      if (!isDefault) return { kind: 'published', model, isDefault, rescoreJobId: null, publishedAt };
      await tx.models.setDefault(model.id, model.version);
      await tx.jobs.supersedeRunning();
      const jobId = this.newId();
      await tx.jobs.create({
        jobId,
        modelId: model.id,
        modelVersion: model.version,
        status: 'running',
        cursor: null,
        processed: 0,
        changed: 0,
        createdAt: publishedAt,
        finishedAt: null,
      });
      return { kind: 'published', model, isDefault, rescoreJobId: jobId, publishedAt };
    });
    if (result.kind === 'published' && result.rescoreJobId !== null) this.scheduler.wake();
    return result;
  }
}
