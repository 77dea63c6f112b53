import type { EventOf, TopicDef } from '@smarketing/contracts';
import type { AccountRecord, IdentityKind, IdentityLink, LeadPatch, LeadRecord } from '../../domain';

/**
 * The state changes of one transaction. Everything written here and every event published
 * commits together or not at all (outbox).
 */
export abstract class IngestionTx {
  /**
   * Records event ids, each derived from what a source can send only once (a Segment messageId, a
   * CRM fact id; see sourceEventId); returns those never seen before.
   */
  abstract claim(eventIds: readonly string[]): Promise<ReadonlySet<string>>;
  /** Current lead of each external id (after merges); unknown ids are left out. */
  abstract resolveIdentities(
    ids: readonly { kind: IdentityKind; externalId: string }[],
  ): Promise<readonly IdentityLink[]>;
  /** Lead rows by id, locked for this transaction. */
  abstract loadLeads(leadIds: readonly string[]): Promise<ReadonlyMap<string, LeadRecord>>;
  /** Inserts or merges (a null field keeps the stored value); returns the stored rows. */
  abstract upsertLeads(patches: readonly LeadPatch[]): Promise<readonly LeadRecord[]>;
  abstract linkIdentities(links: readonly IdentityLink[]): Promise<void>;
  /**
   * Marks placeholders as merged into their survivor (identities and earlier merges follow it);
   * returns, per survivor, the placeholders merged now (not before), sorted.
   */
  abstract markMerged(
    merges: readonly { survivorId: string; mergedIds: readonly string[] }[],
  ): Promise<ReadonlyMap<string, readonly string[]>>;
  abstract upsertAccounts(accounts: readonly AccountRecord[]): Promise<void>;
  /** True when this opportunity was never seen before. */
  abstract recordOpportunity(opportunityId: string): Promise<boolean>;
  /** Nulls the PII of the lead and of the placeholders merged into it; returns the ids of the rows touched. */
  abstract eraseLead(leadId: string): Promise<readonly string[]>;
  abstract recordErasure(audit: {
    erasureId: string;
    leadId: string;
    requestedBy: string;
    requestedAt: number;
    rowsErased: number;
  }): Promise<void>;
  abstract publish<T extends TopicDef>(topic: T, value: EventOf<T>, eventId: string): void;
  /** Queues a tombstone for `key` on the compacted profile topic (a merge or an erasure). */
  abstract tombstone(topic: TopicDef, key: string, eventId: string, occurredAt: number): void;
}

/** Runs work in one transaction; resolves only after it committed (the events are durable). */
export abstract class Transactions {
  abstract run<R>(work: (tx: IngestionTx) => Promise<R>): Promise<R>;
}
