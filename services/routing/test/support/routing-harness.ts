import { randomUUID } from 'node:crypto';
import { HEADER, TOPICS, type LeadAssigned } from '@smarketing/contracts';
import { AvroSerde } from '@smarketing/messaging';
import {
  bearer,
  startServiceUnderTest,
  type Response,
  type ServiceUnderTest,
} from '@smarketing/service-testing';
import { stackEnv, startGroupAtEnd, waitFor } from '@smarketing/testing';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { createApp } from '../../src/app.factory';
import { Clock } from '../../src/app/ports/clock.port';
import { loadConfig, type Config } from '../../src/config';
import { migrations } from '../../src/infra/migrations';
import { HeldLeadWorker } from '../../src/infra/timers/held-lead-worker';

export { EventProducer, type Response } from '@smarketing/service-testing';

export const ADMIN_KEY = 'test-admin-key-0123456789abcdef-0123';
export const READ_KEY = 'test-read-key-0123456789abcdef-01234';

/** Every topic the service consumes: its test consumer group starts at their ends. */
export const CONSUMED_TOPICS = [
  TOPICS.lifecycleChanged,
  TOPICS.slaStatusChanged,
  TOPICS.leadUpserted,
  TOPICS.leadsMerged,
  TOPICS.leadErased,
  TOPICS.accountScored,
] as const;

/** A clock the test moves: what the held-lead timers fire on. */
export class ManualClock extends Clock {
  constructor(public at = Date.now()) {
    super();
  }
  now(): number {
    return this.at;
  }
}

export type RoutingUnderTest = ServiceUnderTest<Config> & {
  clock: ManualClock;
  /** An admin request (PUT, POST, DELETE) with a JSON body. */
  admin(method: 'PUT' | 'POST' | 'DELETE', url: string, body?: unknown): Promise<Response>;
  /** Fires the held-lead timers due on `clock` now. */
  tickHeld(): Promise<number>;
  /** Closes the app; a replica keeps the database it shares. */
  close(): Promise<void>;
};

export type StartOptions = {
  env?: Record<string, string>;
  /** Another replica: same database and consumer group as `of`. */
  replicaOf?: RoutingUnderTest;
};

/** The routing app in-process on a fresh database (`smarketing_test_routing_<random>`) and a fresh consumer group. */
export async function startRouting(options: StartOptions = {}): Promise<RoutingUnderTest> {
  const replicaOf = options.replicaOf;
  const clock = replicaOf?.clock ?? new ManualClock();
  const s = await startServiceUnderTest({
    name: 'routing',
    migrations,
    consumedTopics: CONSUMED_TOPICS,
    loadConfig,
    createApp: (config) => createApp(config, { clock, heldTimerAutoStart: false }),
    apiKeys: `admin+read:${ADMIN_KEY},read:${READ_KEY}`,
    readKey: READ_KEY,
    env: options.env,
    // The topics are shared with other runs: read only what this run writes.
    db: replicaOf?.db,
    groupId: replicaOf?.groupId,
  });
  return {
    ...s,
    clock,
    admin: (method, url, body) => s.inject(method, url, { headers: bearer(ADMIN_KEY), body }),
    tickHeld: () => s.app.get(HeldLeadWorker).tick(),
    close: () => s.close({ keepDatabase: replicaOf !== undefined }),
  };
}

/** Reads routing.lead-assigned.v1 from its end (a fresh group), decoded, keeping only the leads a test watches. */
export class AssignedCollector {
  readonly assigned: (LeadAssigned & { eventId: string })[] = [];
  private readonly serde = new AvroSerde(stackEnv().registryUrl);
  private readonly watched = new Set<string>();
  private consumer?: Consumer;

  watch(...leadIds: string[]): void {
    for (const id of leadIds) this.watched.add(id);
  }

  of(leadId: string): (LeadAssigned & { eventId: string })[] {
    return this.assigned.filter((a) => a.leadId === leadId);
  }

  async start(): Promise<void> {
    const groupId = `routing-test-assigned-${randomUUID()}`;
    await startGroupAtEnd(groupId, [TOPICS.leadAssigned.name]);
    const kafka = new Kafka({
      clientId: 'routing-test-assigned',
      brokers: stackEnv().brokers,
      logLevel: logLevel.NOTHING,
    });
    this.consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [TOPICS.leadAssigned.name], fromBeginning: false });
    let joined = false;
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
      joined = true;
    });
    await this.consumer.run({
      eachMessage: async ({ message }) => {
        const key = message.key?.toString('utf8') ?? '';
        if (!this.watched.has(key)) return;
        this.assigned.push({
          ...(await this.serde.decode<LeadAssigned>(TOPICS.leadAssigned, message.value)),
          eventId: message.headers?.[HEADER.eventId]?.toString() ?? '',
        });
      },
    });
    await waitFor(() => joined, { timeoutMs: 60_000, description: 'lead-assigned collector joined' });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

/** A calendar worked every hour of every day: reps on it are always available (no wall-clock flakiness). */
export const ALWAYS_ON = {
  timeZone: 'UTC',
  workingHours: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, ['00:00-24:00']]),
  ),
  holidays: { dates: [] },
};

/** Sets up a team of always-available reps and publishes rules (version `version`) routing every lead to them. */
export async function routeEverythingTo(
  s: RoutingUnderTest,
  repIds: string[],
  version: number,
  pool: Record<string, unknown> = {},
): Promise<void> {
  const ok = (r: Response, what: string) => {
    if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  };
  ok(await s.admin('PUT', '/v1/teams/test-team', { name: 'Test team', calendar: ALWAYS_ON }), 'team');
  for (const repId of repIds)
    ok(
      await s.admin('PUT', `/v1/reps/${repId}`, {
        name: repId,
        email: `${repId}@sales.example`,
        teamId: 'test-team',
      }),
      `rep ${repId}`,
    );
  ok(
    await s.admin('PUT', '/v1/teams/test-team', {
      name: 'Test team',
      managerId: repIds[0],
      calendar: ALWAYS_ON,
    }),
    'manager',
  );
  ok(
    await s.admin('POST', '/v1/rules', {
      version,
      name: 'Test rules',
      description: 'Every lead to the test pool',
      rules: [{ id: 'all', name: 'All', pool: 'test-pool', accountOwnerFirst: false }],
      pools: [
        {
          id: 'test-pool',
          name: 'Test pool',
          teamId: 'test-team',
          strategy: 'round_robin',
          members: repIds.map((repId) => ({ repId })),
          ...pool,
        },
      ],
      queues: [{ id: 'unrouted', name: 'Unrouted' }],
      defaultQueue: 'unrouted',
    }),
    'rules',
  );
}
