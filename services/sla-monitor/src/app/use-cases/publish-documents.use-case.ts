import { parseBusinessCalendar } from '../../domain/business-calendar.schema';
import type { BusinessCalendar } from '../../domain/business-calendar';
import type { FieldError } from '../../domain/field-error';
import type { SlaPolicy } from '../../domain/sla-policy';
import { parsePolicy } from '../../domain/sla-policy.schema';
import type { Clock } from '../ports/clock.port';
import type { DocumentStore } from '../ports/document-store.port';
import type { SlaMonitorTx, Transactions } from '../ports/transactions.port';
import { ensureVolumeTimers } from '../sla/volume-checkpoints';

export type PublishInput = { readonly document: unknown; readonly publishedBy: string };

export type PublishResult<T> =
  | { kind: 'published'; document: T; publishedAt: number }
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'conflict'; message: string };

const insertNewVersion = async <T extends { id: string; version: number }>(
  store: DocumentStore<T>,
  document: T,
  publishedBy: string,
  publishedAt: number,
): Promise<string | undefined> => {
  const latest = await store.latest(document.id);
  if (latest && document.version <= latest.document.version)
    return `${document.id} version ${document.version} is not newer than the published version ${latest.document.version}`;
  const inserted = await store.insert({ document, source: 'api', publishedAt, publishedBy });
  return inserted ? undefined : `${document.id} version ${document.version} was published concurrently`;
};

/**
 * Publishes a new, immutable version of an SLA policy. Running records keep the version they
 * started under; new clocks use the latest. A volume policy's checkpoints restart on the new version.
 */
export class PublishPolicy {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async execute(input: PublishInput): Promise<PublishResult<SlaPolicy>> {
    const parsed = parsePolicy(input.document);
    if (!parsed.ok) return { kind: 'invalid', errors: parsed.errors };
    const policy = parsed.value;
    const publishedAt = this.clock.now();
    return this.transactions.run(async (tx: SlaMonitorTx): Promise<PublishResult<SlaPolicy>> => {
      if (
        policy.kind !== 'volume' &&
        policy.calendarId !== null &&
        !(await tx.calendars.latest(policy.calendarId))
      )
        return {
          kind: 'invalid',
          errors: [{ path: 'calendarId', message: `no calendar "${policy.calendarId}" is published` }],
        };
      const conflict = await insertNewVersion(tx.policies, policy, input.publishedBy, publishedAt);
      if (conflict) return { kind: 'conflict', message: conflict };
      if (policy.kind === 'volume') await ensureVolumeTimers(tx, [policy], publishedAt, true);
      return { kind: 'published', document: policy, publishedAt };
    });
  }
}

/** Publishes a new, immutable version of a business calendar; running records keep theirs. */
export class PublishCalendar {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async execute(input: PublishInput): Promise<PublishResult<BusinessCalendar>> {
    const parsed = parseBusinessCalendar(input.document);
    if (!parsed.ok) return { kind: 'invalid', errors: parsed.errors };
    const publishedAt = this.clock.now();
    return this.transactions.run(async (tx): Promise<PublishResult<BusinessCalendar>> => {
      const conflict = await insertNewVersion(tx.calendars, parsed.value, input.publishedBy, publishedAt);
      if (conflict) return { kind: 'conflict', message: conflict };
      return { kind: 'published', document: parsed.value, publishedAt };
    });
  }
}
