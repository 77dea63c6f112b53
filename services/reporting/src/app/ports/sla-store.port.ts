import type { SlaRecord } from '../../domain/fact-records';
import { RecordStore } from './record-store.port';

export type SlaBreach = {
  readonly leadId: string;
  readonly kind: string;
  readonly repId: string | null;
  readonly teamId: string | null;
  readonly dueAt: number;
  readonly policyId: string;
};

/** reporting_sla: the latest SLA record per lead and kind. */
export abstract class SlaStore extends RecordStore<SlaRecord> {
  /** Records whose latest status is `breached` with `dueAt` in [start, end), oldest first. */
  abstract breaches(start: number, end: number, limit: number): Promise<SlaBreach[]>;
}
