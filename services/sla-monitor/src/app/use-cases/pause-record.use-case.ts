import type { SlaRecord } from '../../domain/sla-record';
import { pause, resume } from '../../domain/sla-transitions';
import type { Clock } from '../ports/clock.port';
import type { Transactions } from '../ports/transactions.port';
import type { CalendarClocks } from '../sla/calendar-clocks';
import { RecordWorkingSet } from '../sla/record-working-set';

export type PauseInput = {
  readonly recordId: string;
  /** Event time of the pause or resumption; default now. */
  readonly at?: number;
  readonly reason: string;
  /** Credential id of the caller (never the secret). */
  readonly by: string;
};

export type PauseResult =
  | { kind: 'changed'; record: SlaRecord }
  | { kind: 'not_found' }
  | { kind: 'unchanged'; record: SlaRecord; message: string };

const run = async (
  transactions: Transactions,
  clocks: CalendarClocks,
  input: PauseInput,
  step: 'pause' | 'resume',
  now: number,
): Promise<PauseResult> =>
  transactions.run(async (tx) => {
    const set = await RecordWorkingSet.ofIds(tx, clocks, [input.recordId]);
    const record = set.get(input.recordId);
    if (!record) return { kind: 'not_found' };
    const at = input.at ?? now;
    const cause = {
      kind: 'api' as const,
      id: `${step}:${input.by}:${at}`,
      detail: `${step} by ${input.by}: ${input.reason}`,
    };
    const t = set.apply(input.recordId, (r, clock) =>
      step === 'pause' ? pause(r, at, input.reason, cause, clock) : resume(r, at, cause, clock),
    );
    if (!t || !t.changes.length)
      return {
        kind: 'unchanged',
        record,
        message:
          step === 'pause'
            ? `record ${record.id} is ${record.status}${record.closedAt !== null ? ' and closed' : ''}: only a running clock before its deadline can be paused`
            : `record ${record.id} is ${record.status}: only a paused clock can be resumed`,
      };
    await set.commit();
    return { kind: 'changed', record: t.record };
  });

/** Pauses a record's clock (admin API): paused time does not count; its timers wait. */
export class PauseRecord {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly clocks: CalendarClocks,
  ) {}

  execute(input: PauseInput): Promise<PauseResult> {
    return run(this.transactions, this.clocks, input, 'pause', this.clock.now());
  }
}

/** Resumes a paused record's clock (admin API): the deadline moves on by the paused business time. */
export class ResumeRecord {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly clocks: CalendarClocks,
  ) {}

  execute(input: PauseInput): Promise<PauseResult> {
    return run(this.transactions, this.clocks, input, 'resume', this.clock.now());
  }
}
