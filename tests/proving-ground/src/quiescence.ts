import { readTopicsOf, waitFor, withAdmin, type Platform } from '@smarketing/testing';

/** A partition some service has not consumed to its end. */
export type Lag = {
  readonly service: string;
  readonly topic: string;
  readonly partition: number;
  readonly behind: number;
};

/** Every partition a platform's consumer groups are behind on, right now. */
export async function consumerLag(platform: Platform): Promise<Lag[]> {
  return withAdmin(async (admin) => {
    const lags: Lag[] = [];
    // Each topic's ends once per call, however many services read it.
    const endsOf = new Map<string, Promise<Map<number, number>>>();
    const ends = (topic: string) => {
      let e = endsOf.get(topic);
      if (!e) {
        e = admin
          .fetchTopicOffsets(topic)
          .then((os) => new Map(os.map((o) => [o.partition, Number(o.high)])));
        endsOf.set(topic, e);
      }
      return e;
    };
    for (const s of platform.services.values()) {
      const topics = readTopicsOf(s.name);
      if (!topics.length) continue;
      const committed = await admin.fetchOffsets({ groupId: s.group, topics });
      for (const { topic, partitions } of committed) {
        const high = await ends(topic);
        for (const p of partitions) {
          const behind = (high.get(p.partition) ?? 0) - Number(p.offset);
          if (behind > 0) lags.push({ service: s.name, topic, partition: p.partition, behind });
        }
      }
    }
    return lags;
  });
}

/** Outbox transactions not yet published, per service. */
export async function outboxDepths(platform: Platform): Promise<Map<string, number>> {
  const depths = new Map<string, number>();
  for (const s of platform.services.values()) {
    const [row] = await s.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM messaging_outbox_batches`);
    depths.set(s.name, row?.n ?? 0);
  }
  return depths;
}

/**
 * Waits until the platform is at rest: every consumer group at the end of every partition it
 * reads, every outbox empty, and `fingerprint` (a cheap summary of business state) unchanged over
 * `settleMs`, so timers due now have fired. Fails naming what is still moving: a partition that
 * never drains is a stalled partition.
 */
export async function waitForRest(
  platform: Platform,
  fingerprint: () => Promise<string>,
  options: { timeoutMs: number; settleMs?: number; log?: (line: string) => void },
): Promise<void> {
  const settleMs = options.settleMs ?? 5_000;
  let lastLog = Date.now();
  let last = { lag: [] as Lag[], outbox: new Map<string, number>(), print: '', since: 0 };
  await waitFor(
    async () => {
      const lag = await consumerLag(platform);
      const outbox = await outboxDepths(platform);
      const busy = lag.length > 0 || [...outbox.values()].some((n) => n > 0);
      const print = busy ? '' : await fingerprint();
      const now = Date.now();
      const since = !busy && print === last.print ? last.since : now;
      last = { lag, outbox, print, since };
      if (options.log && now - lastLog >= 30_000) {
        lastLog = now;
        const behind = lag.reduce((n, l) => n + l.behind, 0);
        const queued = [...outbox].filter(([, n]) => n > 0).map(([s, n]) => `${s} ${n}`);
        options.log(
          `  not at rest: ${behind} events behind on ${lag.length} partitions; outbox rows: ${queued.join(', ') || 'none'}`,
        );
      }
      return !busy && now - since >= settleMs;
    },
    { timeoutMs: options.timeoutMs, intervalMs: 1_000, description: 'the platform at rest' },
  ).catch((e: unknown) => {
    const lag = last.lag.map((l) => `${l.service} ${l.topic}/${l.partition} ${l.behind} behind`);
    const outbox = [...last.outbox].filter(([, n]) => n > 0).map(([s, n]) => `${s} outbox ${n}`);
    throw new Error(`${(e as Error).message}: ${[...lag, ...outbox].join('; ') || 'state still changing'}`);
  });
}
