// `npm run -w @smarketing/reporting rebuild`: rebuilds the read models from the topics, from scratch.
//  1. refuses while any reporting instance is consuming (its consumer group must be empty: scale the
//     service to 0, or `./smarketing stop`-equivalent, first);
//  2. records where every consumed partition starts and ends now, empties the read models and
//     reporting's inbox in one transaction (targets and action items are people's input, not derived
//     from the topics: they stay), and moves the consumer group to the start of every topic;
//  3. runs the service itself (HTTP included: GET /v1/rebuild and the page show the progress) until
//     the group's commits reach the recorded ends, printing the progress; then stops. Start the
//     service as usual afterwards; it carries on from there.
// The environment is the service's own (src/config.ts); the HTTP port is the service's, so nothing
// else may listen on it meanwhile.
// kafkajs is used directly for the admin calls (group offsets; libs/messaging's port covers the data
// path only), connected as the service is (libs/messaging's kafkajsConnection: SASL, TLS).
import '../../instrumentation';
import { kafkaClientConfig } from '@smarketing/config';
import { ALL_TOPICS } from '@smarketing/contracts';
import { kafkajsConnection } from '@smarketing/messaging';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { DataSource } from 'typeorm';
import { createApp } from '../../app.factory';
import { loadConfig } from '../../config';
import { rebuildProgress, type TopicTarget } from '../../domain/rebuild-progress';

const DERIVED_TABLES = [
  'reporting_leads',
  'reporting_opportunities',
  'reporting_costs',
  'reporting_credits',
  'reporting_sla',
  'reporting_volume',
  'reporting_accounts',
  'reporting_account_activity',
  'reporting_people',
  'reporting_daily',
  'reporting_monthly',
  'reporting_cube_daily',
  'reporting_cube_monthly',
];
const TOPICS = ALL_TOPICS.filter((t) => t.readers.includes('reporting')).map((t) => t.name);
const POLL_MS = 2_000;

/** Every partition from its first offset (or the first at or after `since`) to its end now. */
async function targetsOf(admin: Admin, since: number | undefined): Promise<TopicTarget[]> {
  return Promise.all(
    TOPICS.map(async (topic) => {
      const ends = await admin.fetchTopicOffsets(topic);
      const starts = since === undefined ? undefined : await admin.fetchTopicOffsetsByTimestamp(topic, since);
      return {
        topic,
        partitions: ends.map((p) => {
          const start = starts?.find((s) => s.partition === p.partition);
          // No record at or after `since` in this partition: kafkajs answers -1; nothing to replay there.
          const from =
            start === undefined
              ? Number(p.low)
              : Number(start.offset) < 0
                ? Number(p.high)
                : Number(start.offset);
          return { partition: p.partition, from: Math.max(from, Number(p.low)), to: Number(p.high) };
        }),
      };
    }),
  );
}

async function committedOf(admin: Admin, groupId: string): Promise<Map<string, Map<number, number>>> {
  const offsets = await admin.fetchOffsets({ groupId, topics: TOPICS });
  return new Map(
    offsets.map((t) => [
      t.topic,
      new Map(t.partitions.filter((p) => Number(p.offset) >= 0).map((p) => [p.partition, Number(p.offset)])),
    ]),
  );
}

async function main(): Promise<void> {
  const config = loadConfig();
  const groupId = config.CONSUMER_GROUP;
  const kafka = new Kafka({
    ...kafkajsConnection({ ...kafkaClientConfig(config), clientId: 'reporting-rebuild' }),
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  const db = new DataSource({
    type: 'postgres',
    url: config.DATABASE_URL,
    applicationName: 'reporting-rebuild',
  });
  await db.initialize();
  try {
    const { groups } = await admin.describeGroups([groupId]);
    const members = groups[0]?.members.length ?? 0;
    if (members > 0) {
      console.error(
        `rebuild: consumer group "${groupId}" has ${members} member(s): stop every reporting instance first`,
      );
      process.exitCode = 2;
      return;
    }
    // REBUILD_SINCE (an ISO time) replays only what was written since then: for tests on shared topics,
    // never for a real rebuild (the read models would miss everything before it).
    const since = process.env.REBUILD_SINCE === undefined ? undefined : Date.parse(process.env.REBUILD_SINCE);
    if (since !== undefined && Number.isNaN(since)) throw new Error('REBUILD_SINCE: not an ISO time');
    const targets = await targetsOf(admin, since);
    const started = new Date();
    const initial = rebuildProgress(targets, new Map());
    await db.transaction(async (m) => {
      await m.query(`TRUNCATE ${DERIVED_TABLES.join(', ')}`);
      await m.query(`DELETE FROM messaging_inbox WHERE consumer = $1`, ['reporting']);
      await m.query(`UPDATE reporting_freshness SET as_of = NULL, version = version + 1 WHERE id = 1`);
      await m.query(
        `INSERT INTO reporting_rebuild (id, state, started_at, finished_at, topics, error)
         VALUES (1, 'running', $1, NULL, $2, NULL)
         ON CONFLICT (id) DO UPDATE SET state = 'running', started_at = $1, finished_at = NULL, topics = $2, error = NULL`,
        [started, JSON.stringify(initial.topics)],
      );
    });
    for (const t of targets)
      await admin.setOffsets({
        groupId,
        topic: t.topic,
        partitions: t.partitions.map((p) => ({ partition: p.partition, offset: String(p.from) })),
      });
    const total = initial.topics.reduce((n, t) => n + t.total, 0);
    console.log(`rebuild: read models emptied; replaying ${total} offsets of ${TOPICS.length} topics`);

    const app = await createApp(config);
    await app.listen(config.PORT, config.HOST);
    try {
      for (;;) {
        const progress = rebuildProgress(targets, await committedOf(admin, groupId));
        const applied = progress.topics.reduce((n, t) => n + t.applied, 0);
        await db.query(
          `UPDATE reporting_rebuild SET topics = $1, state = $2, finished_at = $3 WHERE id = 1`,
          [
            JSON.stringify(progress.topics),
            progress.done ? 'done' : 'running',
            progress.done ? new Date() : null,
          ],
        );
        const seconds = (Date.now() - started.getTime()) / 1000;
        console.log(
          `rebuild: ${applied}/${total} (${total ? Math.floor((applied * 100) / total) : 100}%) in ${seconds.toFixed(0)} s`,
        );
        if (progress.done) break;
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    } finally {
      await app.close();
    }
    console.log('rebuild: done; start the service as usual');
  } catch (error) {
    await db
      .query(`UPDATE reporting_rebuild SET state = 'failed', finished_at = now(), error = $1 WHERE id = 1`, [
        String(error),
      ])
      .catch(() => undefined);
    throw error;
  } finally {
    await db.destroy();
    await admin.disconnect();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
