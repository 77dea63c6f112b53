/**
 * How long each kind of topic keeps what it is given: one deliberate setting per class, with a
 * production and a local (laptop) profile. Provisioning (tools/platform), the AsyncAPI document and
 * docs/data-retention.md all read this table.
 *
 * - `history`: the platform's facts (leads without personal data, touchpoints, scores, assignments,
 *   SLA changes, credits). Every read model and credit is rebuilt from them, so production keeps
 *   them without limit; they carry no personal data, so keeping them long is allowed.
 * - `profile`: the one compacted topic that carries personal data, keyed by lead id. Compaction
 *   keeps the latest value per key; an erasure writes a tombstone, and compaction removes every
 *   earlier value of that key. How long an erased value can survive is bounded by
 *   `max.compaction.lag.ms` (which also rolls the active segment on the next write, so the value
 *   becomes cleanable) plus the cleaner's back-off; the tombstone itself is kept
 *   `delete.retention.ms` so every consumer sees it, then removed.
 * - `intake`: raw JSON from tools outside the platform (may carry personal data): bounded.
 * - `dead-letter`: rejected records with their payloads (may carry personal data): bounded, and
 *   long enough to inspect and replay after a weekend.
 */
export type RetentionClass = 'history' | 'profile' | 'intake' | 'dead-letter';
export type RetentionProfile = 'production' | 'local';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const GIB = 1024 * 1024 * 1024;

type Configs = Readonly<Record<string, string>>;

/**
 * The configs of a compacted profile topic. An erased value stays readable at most about
 * `maxLagMs` after the next write to its partition (the roll that makes it cleanable happens on
 * append) plus the broker's `log.cleaner.backoff.ms` (15 s by default) and one cleaning pass.
 */
export const compactedTopicConfigs = (o: {
  readonly segmentMs: number;
  readonly maxLagMs: number;
  readonly tombstoneMs: number;
}): Configs => ({
  'cleanup.policy': 'compact',
  'segment.ms': String(o.segmentMs),
  'max.compaction.lag.ms': String(o.maxLagMs),
  'min.compaction.lag.ms': '0',
  'min.cleanable.dirty.ratio': '0.1',
  'delete.retention.ms': String(o.tombstoneMs),
});

const deleted = (retentionMs: number, retentionBytes = -1): Configs => ({
  'cleanup.policy': 'delete',
  'retention.ms': String(retentionMs),
  'retention.bytes': String(retentionBytes),
});

/** Kafka topic configs per class and profile (replication settings are added by provisioning). */
export const RETENTION: Readonly<Record<RetentionProfile, Readonly<Record<RetentionClass, Configs>>>> = {
  production: {
    history: deleted(-1),
    profile: compactedTopicConfigs({ segmentMs: 6 * HOUR, maxLagMs: DAY, tombstoneMs: DAY }),
    intake: deleted(7 * DAY),
    'dead-letter': deleted(14 * DAY),
  },
  // A laptop: history bounded by time and by 1 GiB per partition, erasure visible within minutes.
  local: {
    history: deleted(30 * DAY, GIB),
    profile: compactedTopicConfigs({
      segmentMs: 10 * 60 * 1000,
      maxLagMs: 10 * 60 * 1000,
      tombstoneMs: HOUR,
    }),
    intake: deleted(DAY),
    'dead-letter': deleted(3 * DAY),
  },
};
