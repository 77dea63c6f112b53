import {
  ALL_DLQ_TOPICS,
  ALL_INTAKE_TOPICS,
  ALL_TOPICS,
  dlqTopicName,
  type ServiceName,
} from '@smarketing/contracts';
import { startPlatform, topicPositions, type Platform } from '@smarketing/testing';
import type { DigestPart } from './canonical';
import { checkConsumption } from './consumption';
import { orderDependence, platformDigest, type RunDigest } from './digest';
import { injectFaults, reviveExited, type Exit, type Fault } from './faults';
import { consumerLag, waitForRest } from './quiescence';
import { produceIntake, sendCalls, type SendReport } from './send';
import { generateWorkload, type Workload } from './workload';

export const SERVICES: readonly ServiceName[] = [
  'ingestion',
  'scoring',
  'routing',
  'sla-monitor',
  'attribution',
  'reporting',
];

/** `clean` and `faults` are the proof; a second `clean` run (`again`) shows what varies without faults. */
export type RunName = 'clean' | 'faults' | 'again';

export type RunResult = {
  readonly name: RunName;
  readonly digest: RunDigest;
  readonly sent: SendReport;
  readonly faults: readonly Fault[];
  /** How long sending the calls took. */
  readonly trafficMs: number;
  /** Events a service never applied or applied without the topic carrying them (consumption.ts). */
  readonly consumption: readonly string[];
  /** Services that exited without being killed by the harness (restarted by it), with their last output. */
  readonly exitedOnTheirOwn: readonly Exit[];
  readonly seconds: number;
};

export type ProvingReport = {
  readonly workload: Workload;
  readonly runs: readonly RunResult[];
  /** Every difference and broken rule; empty when the platform held. */
  readonly problems: readonly string[];
  /** Differences in the order-dependent parts (digest.ts, ORDER_DEPENDENT): shown, not failed. */
  readonly varies: readonly string[];
};

export type ProveOptions = {
  readonly seed: number;
  readonly events: number;
  /** The runs to make and compare: clean then faults (the proof), clean then again, or clean alone. */
  readonly runs?: readonly RunName[];
  readonly log?: (line: string) => void;
  /** How long sending the traffic takes; the first run measures it for the ones after it. */
  readonly trafficMs?: number;
};

const topicNames = [
  ...ALL_TOPICS.map((t) => t.name),
  ...ALL_INTAKE_TOPICS.map((t) => t.name),
  ...ALL_DLQ_TOPICS,
];

/** A cheap summary of the platform's business state, to see when it stops changing. */
async function fingerprint(platform: Platform): Promise<string> {
  const counts: string[] = [];
  for (const s of platform.services.values()) {
    const [row] = await s.db.query<{ n: string }>(
      `SELECT sum(n_tup_ins + n_tup_upd + n_tup_del)::text AS n FROM pg_stat_user_tables`,
    );
    counts.push(`${s.name}=${row?.n ?? 0}`);
  }
  return counts.join(' ');
}

async function runOnce(workload: Workload, name: RunName, options: ProveOptions): Promise<RunResult> {
  const log = options.log ?? (() => undefined);
  const t0 = Date.now();
  const positions = await topicPositions(topicNames);
  const platform = await startPlatform(SERVICES, `pg_${name}`);
  const exitedOnTheirOwn: Exit[] = [];
  try {
    log(
      `${name}: platform up in ${((Date.now() - t0) / 1_000).toFixed(0)} s; sending ${workload.calls.length} calls`,
    );
    const deadline = Date.now() + 30 * 60_000;
    const setup = await sendCalls(platform, workload.setup, { deadline });
    // How long the traffic takes (the clean run's, when there was one), to spread the once-only faults over it.
    const expectedMs = options.trafficMs ?? workload.calls.length * 20;
    const faults =
      name === 'faults' ? injectFaults(platform, { seed: options.seed, expectedMs, log }) : undefined;
    await produceIntake(workload.intake);
    const trafficStarted = Date.now();
    const sent = await sendCalls(platform, workload.calls, { deadline });
    const trafficMs = Date.now() - trafficStarted;
    await faults?.stop();
    exitedOnTheirOwn.push(...(faults?.exits ?? []));
    await reviveExited(platform, exitedOnTheirOwn, t0);
    await platform.ready(300_000);
    log(
      `${name}: traffic sent in ${((Date.now() - t0) / 1_000).toFixed(0)} s; waiting for the platform to rest`,
    );
    await waitForRest(platform, () => fingerprint(platform), {
      timeoutMs: 15 * 60_000,
      settleMs: 10_000,
      log,
    });
    const databases = new Map([...platform.services].map(([n, s]) => [n, s.db]));
    const digest = await platformDigest(databases, positions);
    const consumption = await checkConsumption(databases, digest.topics);
    // Every SLA timer due by now has fired (a fired timer is deleted in the transaction that applies it).
    const [due] =
      (await platform.services
        .get('sla-monitor')
        ?.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM sla_monitor_timers WHERE due_at <= now()`,
        )) ?? [];
    if (due?.n) consumption.push(`sla-monitor has ${due.n} timers due that never fired`);
    const lag = await consumerLag(platform);
    if (lag.length) throw new Error(`lag after rest: ${JSON.stringify(lag)}`);
    return {
      name,
      digest,
      consumption,
      sent: {
        wrong: [...setup.wrong, ...sent.wrong],
        retried: setup.retried + sent.retried,
      },
      faults: faults?.faults ?? [],
      trafficMs,
      exitedOnTheirOwn,
      seconds: (Date.now() - t0) / 1_000,
    };
  } finally {
    await platform.stop();
  }
}

/**
 * The differences between two digests, one line per part that differs, naming the fields:
 * `problems` for parts that must be equal, `varies` for the order-dependent ones.
 */
export function compareDigests(a: RunDigest, b: RunDigest): { problems: string[]; varies: string[] } {
  const problems: string[] = [];
  const varies: string[] = [];
  const keys = new Set([...a.parts.keys(), ...b.parts.keys()]);
  for (const key of [...keys].sort()) {
    const x = a.parts.get(key);
    const y = b.parts.get(key);
    if (x?.hash === y?.hash) continue;
    (orderDependence(key) ? varies : problems).push(
      `${key}: ${describe(x)} vs ${describe(y)}${fieldDiff(x, y)}`,
    );
  }
  return { problems, varies };
}

const describe = (p: DigestPart | undefined) => (p ? `${p.count} items ${p.hash}` : 'missing');

function fieldDiff(x: DigestPart | undefined, y: DigestPart | undefined): string {
  if (!x || !y) return '';
  const fields = [...new Set([...x.fields.keys(), ...y.fields.keys()])].filter(
    (f) => x.fields.get(f) !== y.fields.get(f),
  );
  return fields.length ? `; fields differ: ${fields.join(', ')}` : '';
}

/** The rules the end state of one run must meet on its own, whatever the other run did. */
export function checkRun(workload: Workload, run: RunResult): string[] {
  const problems = run.sent.wrong.map((w) => `${run.name}: ${w}`);
  for (const { name, readers } of ALL_INTAKE_TOPICS)
    for (const reader of readers) {
      const dlq = run.digest.parts.get(`dlq:${dlqTopicName(reader, name)}`);
      const want = workload.expected.poisonIntake[name as keyof Workload['expected']['poisonIntake']] ?? 0;
      if ((dlq?.count ?? 0) !== want)
        problems.push(
          `${run.name}: ${dlqTopicName(reader, name)} holds ${dlq?.count ?? 0} records, expected ${want}`,
        );
    }
  const intakeDlqs = new Set(ALL_INTAKE_TOPICS.flatMap((t) => t.readers.map((r) => dlqTopicName(r, t.name))));
  for (const [key, part] of run.digest.parts)
    if (key.startsWith('dlq:') && !intakeDlqs.has(key.slice(4)) && part.count > 0)
      problems.push(
        `${run.name}: ${key.slice(4)} holds ${part.count} records, expected none: ${part.sample[0] ?? ''}`,
      );
  return problems;
}

/**
 * The proving ground: the same seeded workload through the whole platform twice, once clean and
 * once under faults, then the two end states compared part by part.
 */
export async function prove(options: ProveOptions): Promise<ProvingReport> {
  const workload = generateWorkload({ seed: options.seed, events: options.events });
  const runs: RunResult[] = [];
  for (const name of options.runs ?? ['clean', 'faults'])
    runs.push(await runOnce(workload, name, { trafficMs: runs[0]?.trafficMs, ...options }));
  const problems = runs.flatMap((r) => [
    ...checkRun(workload, r),
    ...r.consumption.map((p) => `${r.name}: ${p}`),
  ]);
  const [first, second] = runs;
  const compared =
    first && second ? compareDigests(first.digest, second.digest) : { problems: [], varies: [] };
  return { workload, runs, problems: [...problems, ...compared.problems], varies: compared.varies };
}
