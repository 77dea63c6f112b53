import {
  ALL_DLQ_TOPICS,
  ALL_TOPICS,
  DLQ_HEADER,
  HEADER,
  type ServiceName,
  type TopicDef,
} from '@smarketing/contracts';
import { AvroSerde } from '@smarketing/messaging';
import { readTopic, stackEnv, type ReadRecord, type TestDatabase } from '@smarketing/testing';
import { canonicalJson, digestObjects, type DigestPart } from './canonical';

/**
 * What two runs of the same workload may legitimately disagree on, and so leaves out of the
 * digest. Everything else in a service's tables and on its topics is business state and must be
 * equal. Each entry says why it differs between runs.
 */
export const VOLATILE = {
  /** Bookkeeping, not business state: the outbox and inbox, keys minted per run. */
  tables: [
    /^messaging_/, // outbox batches (empty at rest) and the inbox of processed event ids (random ids)
    /_api_keys$/, // keys are minted per run
    /^reporting_freshness$/, // when each topic was last applied: wall-clock times
    /^reporting_rebuild$/, // rebuild bookkeeping
    /^routing_meta$/, // bundled-document bookkeeping
  ],
  /**
   * Columns written from the wall clock (`now()`, `clock.now()` at processing time), random ids
   * (erasure ids are minted per request) and the per-run keys that made a request.
   */
  columns: new Set([
    'created_at',
    'updated_at',
    'linked_at',
    'received_at',
    'first_seen_at',
    'published_at',
    'published_at_ms',
    'published_by',
    'erased_at',
    'erased_at_ms',
    'erasure_id',
    'erasure_requested_by',
    'requested_at',
    'requested_by',
    'finished_at',
    'started_at',
    'lease_until',
    'refreshed_at',
    'evaluated_at',
    'evaluation_id',
  ]),
  /** Per table, columns stamped at processing time there only. */
  tableColumns: new Map<string, readonly string[]>([
    // The account roll-up runs on an interval: its event time is when it ran.
    ['routing_account_scores', ['occurred_at']],
    // An identity: a transaction rolled back by a crash burns its numbers.
    ['sla_monitor_timers', ['timer_id']],
    ['scoring_account_queue', ['id']],
  ]),
  /** Inside JSON columns, per table, fields stamped at processing time there only. */
  jsonFieldsOf: new Map<string, readonly string[]>([
    ['reporting_volume', ['occurredAt', 'evaluatedAt']], // a copy of the evaluation: when it ran
  ]),
  /** Fields of topic values (and of JSON columns) stamped at processing or publication time, or minted per request. */
  topicFields: new Set(['publishedAt', 'erasureId', 'requestedBy', 'evaluationId', 'supersedesEvaluationId']),
  /** Per topic, fields stamped at processing time there only. */
  topicFieldsOf: new Map<string, readonly string[]>([
    ['scoring.account-scored.v1', ['occurredAt']], // the roll-up's run time
    ['ingestion.lead-erased.v1', ['occurredAt']], // when the erasure was requested
    ['sla-monitor.volume-sla-evaluated.v1', ['occurredAt']], // when the evaluation ran
  ]),
};

export type PlatformDigest = ReadonlyMap<string, DigestPart>;

const isVolatileTable = (name: string) => VOLATILE.tables.some((re) => re.test(name));

/** Every business table of a service's database as one part each (`db:<service>.<table>`). */
export async function databaseDigest(
  service: ServiceName,
  db: Pick<TestDatabase, 'query'>,
): Promise<Map<string, DigestPart>> {
  const tables = await db.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const parts = new Map<string, DigestPart>();
  for (const { name } of tables) {
    if (isVolatileTable(name)) continue;
    const rows = await db.query<{ row: Record<string, unknown> }>(
      `SELECT to_jsonb(t) - $1::text[] AS row FROM ${name} t`,
      [[...VOLATILE.columns, ...(VOLATILE.tableColumns.get(name) ?? [])]],
    );
    // JSON columns hold copies of events: the same fields are volatile inside them.
    const own = VOLATILE.jsonFieldsOf.get(name);
    parts.set(
      `db:${service}.${name}`,
      digestObjects(rows.map((r) => stable(r.row, own) as Record<string, unknown>)),
    );
  }
  return parts;
}

/** Drops the volatile fields (VOLATILE.topicFields and `own`) of a value, at every depth. */
function stable(value: unknown, own: readonly string[] = []): unknown {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v === null || typeof v !== 'object' || Buffer.isBuffer(v)) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v))
      if (!VOLATILE.topicFields.has(k) && !own.includes(k)) out[k] = strip(x);
    return out;
  };
  return strip(value);
}

export type TopicCounts = {
  readonly records: number;
  /** Records whose event id was already seen on the topic (a republication after a crash). */
  readonly republished: number;
  readonly keys: number;
  /** The distinct event ids of the topic's values (tombstones left out: consumers skip them). */
  readonly ids: ReadonlySet<string>;
};

/**
 * The effects on one topic since `from`, decoded and without volatile fields. On the compacted
 * profile topic an effect is the latest value per key (a tombstone counts as one): what a reader
 * that starts later sees. On the history topics every event is an effect: the distinct values,
 * whatever order they were published in (two facts for one key may come in either order), one per
 * event id, so a republication after a crash counts once and a lost or doubled effect shows. Plus
 * the raw counts.
 */
export async function topicDigest(
  topic: TopicDef,
  from: ReadonlyMap<number, number> | undefined,
  serde: AvroSerde,
): Promise<{ part: DigestPart; counts: TopicCounts }> {
  const records = sortByPosition(await readTopic(topic.name, { from, timeoutMs: 120_000 }));
  const latest = new Map<string, ReadRecord>();
  const ids = new Set<string>();
  let republished = 0;
  for (const r of records) {
    latest.set(r.key ?? '', r);
    const id = r.headers[HEADER.eventId] ?? '';
    if (r.value === null) continue;
    if (ids.has(id)) republished += 1;
    ids.add(id);
  }
  // One item per event id (a republication is the same event); two events with the same content
  // are two effects and count twice.
  const effects = topic.retention === 'profile' ? [...latest.values()] : records;
  const items = new Map<string, Record<string, unknown>>();
  for (const r of effects) {
    const value =
      r.value === null
        ? null
        : stable(await serde.decode(topic, r.value), VOLATILE.topicFieldsOf.get(topic.name));
    items.set(r.value === null ? `tombstone:${r.key}` : (r.headers[HEADER.eventId] ?? ''), {
      key: r.key,
      value,
    });
  }
  return {
    part: digestObjects([...items.values()]),
    counts: { records: records.length, republished, keys: latest.size, ids },
  };
}

/** A dead-letter topic's records (each rejected payload and the reason's kind), as a multiset. */
export async function deadLetterDigest(
  name: string,
  from: ReadonlyMap<number, number> | undefined,
): Promise<DigestPart> {
  const records = await readTopic(name, { from, timeoutMs: 120_000 });
  // The same payload dead-lettered twice (a crash between the DLQ write and the commit) is one effect.
  const distinct = new Map<string, Record<string, unknown>>();
  for (const r of records) {
    const item = {
      key: r.key,
      value: r.value?.toString('utf8') ?? null,
      error: r.headers[DLQ_HEADER.errorClass] ?? null,
    };
    distinct.set(canonicalJson(item), item);
  }
  return digestObjects([...distinct.values()]);
}

const sortByPosition = (records: readonly ReadRecord[]): ReadRecord[] =>
  [...records].sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));

export type RunDigest = {
  readonly parts: PlatformDigest;
  readonly topics: ReadonlyMap<string, TopicCounts>;
};

/** The digest of a whole run: every service database, every platform topic and every dead-letter topic. */
export async function platformDigest(
  databases: ReadonlyMap<ServiceName, Pick<TestDatabase, 'query'>>,
  positions: ReadonlyMap<string, ReadonlyMap<number, number>>,
): Promise<RunDigest> {
  const parts = new Map<string, DigestPart>();
  for (const [service, db] of databases)
    for (const [k, v] of await databaseDigest(service, db)) parts.set(k, v);
  const serde = new AvroSerde(stackEnv().registryUrl);
  const topics = new Map<string, TopicCounts>();
  for (const topic of ALL_TOPICS) {
    const { part, counts } = await topicDigest(topic, positions.get(topic.name), serde);
    parts.set(`topic:${topic.name}`, part);
    topics.set(topic.name, counts);
  }
  for (const name of ALL_DLQ_TOPICS)
    parts.set(`dlq:${name}`, await deadLetterDigest(name, positions.get(name)));
  return { parts, topics };
}

/**
 * Parts whose end state depends on the order the platform consumed its topics in: two clean runs
 * of the same workload differ on them (`prove -- --runs clean,again` shows it), so a difference
 * there is printed, not failed. Each services reads every topic on its own, so a fact can arrive
 * before or after another it depends on; the services below do not yet converge to one end state
 * whatever that order (docs/proving-ground.md, "What varies without faults"). Removing an entry
 * once its service converges makes the proving ground hold it to the clean run again. Nothing lost
 * and nothing applied twice is still proved for them, order-independently (consumption.ts).
 */
export const ORDER_DEPENDENT: readonly { readonly part: RegExp; readonly why: string }[] = [
  {
    part: /^(db:scoring\.scoring_(leads|accounts)|topic:scoring\..*)$/,
    why: "a placeholder lead's touches are scored before or after the merge that folds it into the person, so the placeholder may keep a score and lifecycle of its own",
  },
  {
    part: /^(db:routing\.routing_(assignments|leads|pool_members|pools|rep_days|rep_loads|sales_ready)|topic:routing\..*)$/,
    why: 'rotation picks follow the order MQLs arrive in, and a lifecycle change read before its lead-upserted matches another rule',
  },
  {
    part: /^(db:sla-monitor\.sla_monitor_(lead_profiles|mqls|records|timeline)|topic:sla-monitor\.sla-status-changed.*)$/,
    why: "records follow routing's picks and scoring's lifecycle changes (above)",
  },
  {
    part: /^(db:attribution\.attribution_(conversions|credit_lines|credits|leads|opportunities|touches)|topic:attribution\..*)$/,
    why: "a touch or an opportunity's contact read after the merge of its placeholder lead stays on the placeholder; conversions follow the lifecycle changes",
  },
  {
    part: /^(db:sla-monitor\.sla_monitor_(volume_evaluations|timers)|db:reporting\.reporting_volume|topic:sla-monitor\.volume-sla-evaluated.*)$/,
    why: "volume SLAs are evaluated at wall-clock checkpoints of the current period (the workload's quarter is past): a run that crosses a checkpoint, or restarts the monitor, evaluates again",
  },
  {
    part: /^db:reporting\.reporting_(account_activity|accounts|credits|cube_daily|cube_monthly|daily|monthly|leads|opportunities|sla)$/,
    why: 'the read models count what the services above decided',
  },
];

/** Why a part may differ between runs without a fault, or undefined when it must be equal. */
export const orderDependence = (part: string): string | undefined =>
  ORDER_DEPENDENT.find((o) => o.part.test(part))?.why;
