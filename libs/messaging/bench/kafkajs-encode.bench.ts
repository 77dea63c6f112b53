// Benchmark (figures, never pass/fail): CPU per record of kafkajs encoding a produce batch the way
// the relay sends it (1,000 records, 200-byte values, the five platform headers), with the patched
// Encoder (pooled, not zero-filled buffers: patches/kafkajs+2.2.4.patch) against the same code with
// zero-filled buffers, as unpatched kafkajs allocates them, in the same run. Usage:
//   npm run -w @smarketing/messaging bench:encode
/* eslint-disable @typescript-eslint/no-require-imports */
const Record = require('kafkajs/src/protocol/recordBatch/record/v0') as (r: object) => unknown;
const { RecordBatch } = require('kafkajs/src/protocol/recordBatch/v0') as {
  RecordBatch: (b: object) => Promise<unknown>;
};

const value = Buffer.alloc(200, 7);
const headers = {
  'event-id': '5b2c0d4e-1f0a-4c57-9d3c-7f1c2b3a4d5e',
  'event-type': 'touchpoint-recorded',
  'occurred-at': '2026-11-23T00:00:00.000Z',
  producer: 'ingestion',
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
};
const keys = Array.from(
  { length: 1000 },
  (_, i) => `b7a1c3e2-1f0a-4c57-9d3c-7f1c2b3a${String(i % 100).padStart(4, '0')}`,
);

async function encodeBatch(): Promise<void> {
  const records = keys.map((key, i) => Record({ offsetDelta: i, key, value, headers }));
  await RecordBatch({ records, firstTimestamp: Date.now(), maxTimestamp: Date.now() });
}

async function cpuPerRecord(rounds: number): Promise<number> {
  const before = process.cpuUsage();
  for (let i = 0; i < rounds; i++) await encodeBatch();
  const spent = process.cpuUsage(before);
  return (spent.user + spent.system) / (rounds * keys.length); // µs
}

async function main(): Promise<void> {
  const allocUnsafe = Buffer.allocUnsafe;
  const zeroFilled = (size: number) => Buffer.alloc(size);
  const figures = { patched: [] as number[], zeroFilled: [] as number[] };
  for (let i = 0; i < 200; i++) await encodeBatch(); // warm-up
  for (let round = 0; round < 3; round++) {
    figures.patched.push(await cpuPerRecord(300));
    Buffer.allocUnsafe = zeroFilled; // what unpatched kafkajs does (Buffer.alloc)
    try {
      figures.zeroFilled.push(await cpuPerRecord(300));
    } finally {
      Buffer.allocUnsafe = allocUnsafe;
    }
  }
  const best = (xs: number[]) => Math.min(...xs);
  console.log(`patched encoder (pooled buffers)   ${best(figures.patched).toFixed(2)} µs CPU per record`);
  console.log(`zero-filled buffers (unpatched)    ${best(figures.zeroFilled).toFixed(2)} µs CPU per record`);
  console.log(
    `patched / unpatched = ${((100 * best(figures.patched)) / best(figures.zeroFilled)).toFixed(0)}%`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
