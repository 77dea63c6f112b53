/** A table of keyed read-model records (leads, opportunities, costs, credits …), bound to one transaction. */
export abstract class RecordStore<R> {
  /** The known records among `keys`, locked for the rest of the transaction (in key order: no deadlocks). */
  abstract lockMany(keys: readonly string[]): Promise<Map<string, R>>;
  /** The known records among `keys`, without a lock. */
  abstract readMany(keys: readonly string[]): Promise<Map<string, R>>;
  /** Inserts or replaces the given records (one statement). */
  abstract saveMany(records: readonly R[]): Promise<void>;
}
