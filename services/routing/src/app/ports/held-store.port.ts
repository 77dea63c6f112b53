/** A lead held in its pool's queue until someone can take it: a durable timer. */
export type HeldLead = {
  readonly leadId: string;
  readonly cycle: number;
  readonly poolId: string;
  /** When the first member becomes available; null: nobody will until the org changes. */
  readonly dueAt: number | null;
  readonly heldAt: number;
};

/** routing_held (due-at index), bound to one transaction. */
export abstract class HeldStore {
  abstract upsertMany(rows: readonly HeldLead[]): Promise<void>;
  abstract deleteMany(leadIds: readonly string[]): Promise<void>;
  /**
   * The leads whose timer is due at `now`, at most `limit`, earliest first, each locked with
   * SKIP LOCKED (lead row first, then the timer, the order every writer takes) so that replicas
   * share the work and a lead is released once.
   */
  abstract claimDue(now: number, limit: number): Promise<HeldLead[]>;
  /** The org changed: every held lead is looked at again now (someone may have become available). */
  abstract rearmAll(now: number): Promise<number>;
  abstract inPool(poolId: string, limit: number): Promise<HeldLead[]>;
}
