import { randomUUID } from 'node:crypto';
import { TOPICS } from '@smarketing/contracts';
import { waitFor } from '@smarketing/testing';
import { leadUpserted } from './support/events';
import { EventProducer, start__Name__, type __Name__UnderTest } from './support/__name__-harness';

/** lead-upserted in, GET /v1/leads/:leadId out, on the real broker, registry and PostgreSQL. */
describe('__name__: the leads it has seen', () => {
  let s: __Name__UnderTest;
  const producer = new EventProducer();

  beforeAll(async () => {
    s = await start__Name__();
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.close();
    await s?.close();
  });

  it('records a lead from lead-upserted and serves when it was first seen', async () => {
    const leadId = randomUUID();
    const at = Date.now() - 60_000;
    await producer.send(TOPICS.leadUpserted, [leadUpserted(leadId, at)]);

    const lead = await waitFor(
      async () => {
        const res = await s.get(`/v1/leads/${leadId}`);
        return res.status === 200 && res.body;
      },
      { description: `GET /v1/leads/${leadId} answering 200` },
    );
    expect(lead).toEqual({ leadId, firstSeenAt: new Date(at).toISOString() });
  });

  it('answers 404 for a lead it never saw', async () => {
    const res = await s.get(`/v1/leads/${randomUUID()}`);
    expect(res).toMatchObject({ status: 404, body: { error: 'not_found' } });
  });

  it('refuses a request without an API key', async () => {
    const res = await s.get(`/v1/leads/${randomUUID()}`, {});
    expect(res).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
  });
});
