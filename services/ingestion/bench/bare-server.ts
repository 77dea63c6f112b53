// The baseline of the benchmark: the same work as /v1/batch and /v1/track (zod validation with the
// service's schemas, then one durable multi-row INSERT in a transaction) on a bare Fastify route,
// without Nest, auth, identity or the outbox.
import Fastify from 'fastify';
import { Pool } from 'pg';
import { parseSegmentBatch, parseTrackCall, type SegmentCall } from '../src/app/validation';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL as string;
  const pool = new Pool({ connectionString: url, max: 10 });
  await pool.query(
    `CREATE TABLE IF NOT EXISTS bench_bare_events (message_id text PRIMARY KEY, payload jsonb NOT NULL)`,
  );
  const app = Fastify({ bodyLimit: 512_000 });
  const insert = async (calls: readonly SegmentCall[]) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO bench_bare_events (message_id, payload) SELECT * FROM unnest($1::text[], $2::jsonb[]) ON CONFLICT DO NOTHING`,
        [calls.map((c) => c.messageId), calls.map((c) => JSON.stringify(c))],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  app.post('/bare/batch', async (request, reply) => {
    const parsed = parseSegmentBatch(request.body);
    if (!parsed.ok) return reply.status(400).send({ errors: parsed.errors });
    await insert(parsed.value.batch);
    return { success: true };
  });
  app.post('/bare/track', async (request, reply) => {
    const parsed = parseTrackCall(request.body);
    if (!parsed.ok) return reply.status(400).send({ errors: parsed.errors });
    await insert([parsed.value]);
    return { success: true };
  });
  await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
  console.log('listening');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
