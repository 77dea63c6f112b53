// End to end through public interfaces only: Segment calls into ingestion's HTTP API, scored by the
// scoring service, counted by the reporting service, read back from reporting's dashboard API (each
// service its own process on the test stack).
import { randomUUID } from 'node:crypto';
import { type Platform, startPlatform, waitFor } from '@smarketing/testing';

type Dashboard = {
  metrics: { id: string; actual: number | null }[];
  funnel: { stage: string; count: number }[];
};

describe('Segment calls into ingestion end as the dashboard numbers of reporting', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await startPlatform(['ingestion', 'scoring', 'reporting'], 'e2edash');
  }, 300_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('counts two sales-ready people and one browsing intern: 3 leads, 2 MQLs', async () => {
    const auth = `Basic ${Buffer.from(`${platform.writeKey}:`).toString('base64')}`;
    // Seconds apart, so that every event falls in the current month (the dashboard's period).
    const now = Date.now();
    const iso = (secondsAgo: number) => new Date(now - secondsAgo * 1_000).toISOString();
    const company = `acme-${randomUUID().slice(0, 8)}`;
    const person = (title: string, engaged: boolean) => {
      const email = `${randomUUID().slice(0, 8)}@${company}.com`;
      return [
        {
          type: 'identify',
          messageId: randomUUID(),
          userId: email,
          traits: {
            email,
            title,
            company: 'Acme',
            employees: 250,
            industry: 'Software',
            country: 'United States',
          },
          timestamp: iso(20),
        },
        ...(engaged
          ? [
              {
                type: 'page',
                messageId: randomUUID(),
                userId: email,
                name: 'Pricing',
                properties: { path: '/pricing', url: 'https://acme.example/pricing' },
                timestamp: iso(10),
              },
              {
                type: 'track',
                messageId: randomUUID(),
                userId: email,
                event: 'Demo Requested',
                properties: {},
                timestamp: iso(5),
              },
            ]
          : []),
      ];
    };
    const batch = [
      ...person('VP Marketing', true),
      ...person('Director of Sales', true),
      ...person('Intern', false),
    ];
    const res = await fetch(platform.url('ingestion', '/v1/batch'), {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify({ batch }),
    });
    expect(res.status).toBe(200);

    const period = new Date(now).toISOString().slice(0, 7);
    let last: Dashboard | undefined;
    const stage = (d: Dashboard, s: string) => d.funnel.find((f) => f.stage === s)?.count;
    await waitFor(
      async () => {
        const r = await fetch(platform.url('reporting', `/v1/dashboard?period=${period}`), {
          headers: { authorization: `Bearer ${platform.adminKey}` },
        });
        if (r.status !== 200) return false;
        last = (await r.json()) as Dashboard;
        return stage(last, 'lead') === 3 && stage(last, 'mql') === 2;
      },
      {
        timeoutMs: 120_000,
        description: `reporting's dashboard of ${period} with 3 leads and 2 MQLs (last: ${JSON.stringify(last?.funnel)})`,
      },
    );
    expect(last?.metrics.find((m) => m.id === 'mql-volume')?.actual).toBe(2);
  });
});
