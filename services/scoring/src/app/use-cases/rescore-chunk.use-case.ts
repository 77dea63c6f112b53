import { queueAccountRollUps } from '../account/roll-up-accounts';
import { hasSignals } from '../lead/lead-record';
import { rescoreLead } from '../lead/rescore-lead';
import type { Clock } from '../ports/clock.port';
import type { Transactions } from '../ports/transactions.port';

export type RescoreChunkResult = 'more' | 'finished';

/** How long a runner owns a re-score job before another replica may resume it; renewed per chunk. */
export const RESCORE_LEASE_MS = 60_000;

/**
 * One chunk of a re-scoring job, in one transaction: the next leads in id order are re-scored under
 * the job's model, lead-scored / lifecycle-changed are emitted for those whose score or band moved,
 * and the job's cursor advances. A crash repeats at most the chunk in flight.
 *
 * Each lead is evaluated at its own last evaluation time, so a publication changes scores only
 * through the model, never through decay; the emitted events carry the publication time.
 */
export class RescoreChunk {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly chunkSize: number,
    private readonly leaseMs = RESCORE_LEASE_MS,
  ) {}

  async execute(jobId: string): Promise<RescoreChunkResult> {
    return this.transactions.run(async (tx) => {
      const job = await tx.jobs.lockRunning(jobId, this.clock.now() + this.leaseMs);
      if (job === undefined) return 'finished';
      const model = await tx.models.defaultModel();
      if (model === undefined || model.id !== job.modelId || model.version !== job.modelVersion) {
        await tx.jobs.update({ ...job, status: 'superseded', finishedAt: this.clock.now() });
        return 'finished';
      }
      const leads = await tx.leads.lockChunk(job.cursor, this.chunkSize);
      let changed = 0;
      for (const lead of leads) {
        if (!hasSignals(lead)) continue;
        const evaluateAt = lead.score?.at ?? lead.firstSeenAt;
        const trigger = {
          cause: `model:${model.id}@${model.version}`,
          eventId: null,
          evaluateAt,
          occurredAt: Math.max(job.createdAt, evaluateAt),
        };
        if (rescoreLead(lead, model, trigger, tx.events)) changed += 1;
      }
      await tx.leads.saveMany(leads);
      // A new model changes leads' engagement, and so their accounts' roll-ups.
      await queueAccountRollUps(
        leads.map((lead) => ({
          lead,
          accountBefore: lead.account?.accountId ?? null,
          at: Math.max(job.createdAt, lead.score?.at ?? lead.firstSeenAt),
        })),
        `model:${model.id}@${model.version}`,
        tx,
      );
      const last = leads[leads.length - 1];
      const finished = leads.length < this.chunkSize;
      await tx.jobs.update({
        ...job,
        cursor: last?.leadId ?? job.cursor,
        processed: job.processed + leads.length,
        changed: job.changed + changed,
        ...(finished ? { status: 'done' as const, finishedAt: this.clock.now() } : {}),
      });
      return finished ? 'finished' : 'more';
    });
  }
}
