import type { BusinessCalendar } from '../../domain/business-calendar';
import type { SlaPolicy } from '../../domain/sla-policy';
import type { Stored } from '../ports/document-store.port';
import type { Transactions } from '../ports/transactions.port';

export type DocumentSummary = {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly kind?: string;
  readonly latest: boolean;
  readonly source: string;
  readonly publishedAt: number;
};

const summaries = <T extends { id: string; version: number; name: string }>(
  all: Stored<T>[],
): DocumentSummary[] => {
  const top = new Map<string, number>();
  for (const s of all) top.set(s.document.id, Math.max(top.get(s.document.id) ?? 0, s.document.version));
  return all.map((s) => ({
    id: s.document.id,
    version: s.document.version,
    name: s.document.name,
    ...('kind' in s.document ? { kind: String(s.document.kind) } : {}),
    latest: top.get(s.document.id) === s.document.version,
    source: s.source,
    publishedAt: s.publishedAt,
  }));
};

/** Every policy version, with a latest flag. */
export class ListPolicies {
  constructor(private readonly transactions: Transactions) {}
  execute(): Promise<DocumentSummary[]> {
    return this.transactions.run(async (tx) => summaries(await tx.policies.list()));
  }
}

/** One policy version (undefined version: the latest). */
export class GetPolicy {
  constructor(private readonly transactions: Transactions) {}
  execute(id: string, version?: number): Promise<Stored<SlaPolicy> | undefined> {
    return this.transactions.run((tx) =>
      version === undefined ? tx.policies.latest(id) : tx.policies.get(id, version),
    );
  }
}

/** Every calendar version, with a latest flag. */
export class ListCalendars {
  constructor(private readonly transactions: Transactions) {}
  execute(): Promise<DocumentSummary[]> {
    return this.transactions.run(async (tx) => summaries(await tx.calendars.list()));
  }
}

/** One calendar version (undefined version: the latest). */
export class GetCalendar {
  constructor(private readonly transactions: Transactions) {}
  execute(id: string, version?: number): Promise<Stored<BusinessCalendar> | undefined> {
    return this.transactions.run((tx) =>
      version === undefined ? tx.calendars.latest(id) : tx.calendars.get(id, version),
    );
  }
}
