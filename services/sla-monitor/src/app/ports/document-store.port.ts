import type { BusinessCalendar } from '../../domain/business-calendar';
import type { SlaPolicy } from '../../domain/sla-policy';

/** A published version of a document (policy or calendar): immutable once stored. */
export type Stored<T> = {
  readonly document: T;
  readonly source: 'bundled' | 'api';
  readonly publishedAt: number;
  readonly publishedBy: string | null;
};

/** Versioned documents (sla_monitor_policies, sla_monitor_calendars), bound to one transaction. */
export abstract class DocumentStore<T extends { id: string; version: number }> {
  /** Inserts a new version; false when that id and version exist already. */
  abstract insert(version: Stored<T>): Promise<boolean>;
  abstract get(id: string, version: number): Promise<Stored<T> | undefined>;
  /** The highest version of one id. */
  abstract latest(id: string): Promise<Stored<T> | undefined>;
  /** The highest version of every id. */
  abstract latestAll(): Promise<Stored<T>[]>;
  /** Every version, ordered by id and version. */
  abstract list(): Promise<Stored<T>[]>;
}

export abstract class PolicyStore extends DocumentStore<SlaPolicy> {}
export abstract class CalendarStore extends DocumentStore<BusinessCalendar> {}
