import { stackEnv, type Platform } from '@smarketing/testing';
import { Kafka, logLevel } from 'kafkajs';
import type { Call, IntakeRecord } from './workload';

/** What happened to the calls: every call that got the wrong kind of answer. */
export type SendReport = {
  readonly wrong: readonly string[];
  /** Attempts that found the service down (connection refused or reset) and were retried. */
  readonly retried: number;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends the calls in order, one at a time, as a client of the public API would: a call that finds
 * the service down (refused, reset, 503, 429) is sent again with the same body (the ids make it
 * idempotent) until it gets an answer. An accepted call must get a 2xx, a poison call a 4xx;
 * anything else (a 500 above all) is recorded as wrong.
 */
export async function sendCalls(
  platform: Platform,
  calls: readonly Call[],
  options: { deadline: number },
): Promise<SendReport> {
  const wrong: string[] = [];
  let retried = 0;
  const auth = {
    write: `Basic ${Buffer.from(`${platform.writeKey}:`).toString('base64')}`,
    admin: `Bearer ${platform.adminKey}`,
  };
  for (const call of calls) {
    let status = 0;
    let text = '';
    for (let attempt = 0; ; attempt += 1) {
      if (Date.now() > options.deadline)
        throw new Error(`gave up sending ${call.method} ${call.path}: the service stayed down`);
      try {
        const res = await fetch(platform.url(call.service, call.path), {
          method: call.method,
          headers: {
            authorization: auth[call.auth],
            ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body:
            call.body === undefined
              ? undefined
              : typeof call.body === 'string'
                ? call.body
                : JSON.stringify(call.body),
          signal: AbortSignal.timeout(30_000),
        });
        status = res.status;
        text = await res.text();
        if (status !== 503 && status !== 429) break;
      } catch {
        // Refused or reset: the process was killed; its replacement is starting.
      }
      retried += 1;
      await sleep(Math.min(100 * 2 ** attempt, 2_000));
    }
    const ok = call.expect === 'accepted' ? status >= 200 && status < 300 : status >= 400 && status < 500;
    if (!ok) wrong.push(`${call.method} ${call.path} (${call.expect}) got ${status}: ${text.slice(0, 300)}`);
  }
  return { wrong, retried };
}

/** Produces the intake records (as a third-party producer would: JSON, acks from all replicas). */
export async function produceIntake(records: readonly IntakeRecord[]): Promise<void> {
  if (!records.length) return;
  const kafka = new Kafka({
    clientId: 'proving-ground',
    brokers: stackEnv().brokers,
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    const byTopic = new Map<string, IntakeRecord[]>();
    for (const r of records) {
      const list = byTopic.get(r.topic) ?? [];
      list.push(r);
      byTopic.set(r.topic, list);
    }
    for (const [topic, list] of byTopic)
      for (let i = 0; i < list.length; i += 500)
        await producer.send({
          topic,
          acks: -1,
          messages: list.slice(i, i + 500).map((r) => ({ key: r.key, value: r.value })),
        });
  } finally {
    await producer.disconnect();
  }
}
