/** A record as it comes off the broker, before decoding. */
export type RawRecord = {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly timestamp: string;
};

/** A record to publish. */
export type OutgoingRecord = {
  readonly topic: string;
  readonly key: string | Buffer | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, string>>;
};

/** What a batch handler may do with the consumer while it works. */
export type BatchControl = {
  /** Keeps the group membership alive during long work (retries, big transactions). */
  heartbeat(): Promise<void>;
  /** False once the consumer is stopping or the batch lost its partition in a rebalance. */
  isActive(): boolean;
  /**
   * Marks every record up to and including `offset` as processed and commits `offset + 1`.
   * Rejects with `DependencyUnavailableError` when the broker is unavailable.
   */
  commit(offset: string): Promise<void>;
};

export type RawBatch = {
  readonly topic: string;
  readonly partition: number;
  readonly records: readonly RawRecord[];
  /** Records between the end of this batch and the partition's high watermark. */
  readonly lag: number;
};

export type ConsumerRunOptions = {
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly fromBeginning?: boolean;
  /** Partitions processed in parallel (order is kept within a partition). */
  readonly concurrency?: number;
  readonly onBatch: (batch: RawBatch, control: BatchControl) => Promise<void>;
};

export type ConsumerHandle = {
  /** Resolves when the consumer has joined its group and got its assignment. */
  readonly joined: Promise<void>;
  isJoined(): boolean;
  /** Finishes or abandons the current batches, commits what committed and leaves the group. */
  stop(): Promise<void>;
};

/** The producer side of the Kafka port: idempotent, acks from all in-sync replicas. */
export abstract class ProducerPort {
  abstract connect(): Promise<void>;
  /** Rejects with `DependencyUnavailableError` when a retry can succeed (broker away, leader moving). */
  abstract send(records: readonly OutgoingRecord[]): Promise<void>;
  abstract disconnect(): Promise<void>;
}

/**
 * The platform's Kafka port. kafkajs is the default adapter; another client (e.g.
 * @platformatic/kafka) can replace it by implementing this class, with no change to services.
 * An adapter decides which of its client's failures are transient (by the client's error types and
 * codes) and throws those as `DependencyUnavailableError`; anything else is not retried in place.
 */
export abstract class KafkaPort {
  abstract producer(): ProducerPort;
  abstract runConsumer(options: ConsumerRunOptions): Promise<ConsumerHandle>;
  /** Cheap reachability check for readiness probes. */
  abstract ping(): Promise<void>;
  abstract close(): Promise<void>;
}
