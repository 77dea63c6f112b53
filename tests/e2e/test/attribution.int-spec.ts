// Closed loop through public interfaces only: touches and a won opportunity sent to ingestion over
// HTTP end as credits in the attribution service, under every model in force, summing to the revenue.
import { randomUUID } from 'node:crypto';
import { leadIdForNormalizedEmail } from '@smarketing/contracts';
import { type Platform, startPlatform, waitFor } from '@smarketing/testing';

type CreditView = {
  conversionKind: string;
  modelId: string;
  revenue: { amountMinor: string; currency: string } | null;
  credits: { channel: string; amountMinor: string | null }[];
};

describe('revenue credited to the campaigns that earned it, from ingestion HTTP calls', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await startPlatform(['ingestion', 'scoring', 'attribution'], 'e2e_attribution');
  }, 300_000);
  afterAll(async () => {
    await platform?.stop();
  });

  const post = async (path: string, body: unknown, auth: string): Promise<number> => {
    const res = await fetch(platform.url('ingestion', path), {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return res.status;
  };

  it('credits a won opportunity under each model, every model summing to its amount to the cent', async () => {
    const run = randomUUID().slice(0, 8);
    const domain = `closed-loop-${run}.example.com`;
    const email = `buyer.${run}@${domain}`;
    const leadId = leadIdForNormalizedEmail(email);
    const write = `Basic ${Buffer.from(`${platform.writeKey}:`).toString('base64')}`;
    const t0 = Date.now() - 3 * 24 * 60 * 60_000;
    const iso = (hours: number) => new Date(t0 + hours * 60 * 60_000).toISOString();
    const page = (hours: number, source: string, medium: string) => ({
      type: 'page',
      messageId: randomUUID(),
      userId: email,
      name: 'Pricing',
      properties: {
        path: '/pricing',
        url: `https://${domain}/pricing?utm_source=${source}&utm_medium=${medium}&utm_campaign=q4-${run}`,
      },
      timestamp: iso(hours),
    });
    const batch = [
      { type: 'identify', messageId: randomUUID(), userId: email, traits: { email }, timestamp: iso(0) },
      page(1, 'google', 'cpc'),
      page(2, 'facebook', 'paid_social'),
      page(3, 'google', 'cpc'),
    ];
    expect(await post('/v1/batch', { batch }, write)).toBe(200);
    const admin = `Bearer ${platform.adminKey}`;
    const opportunityId = `opp-${run}`;
    const opportunity = (status: 'open' | 'won', hours: number) => ({
      opportunityId,
      accountDomain: domain,
      name: `Closed loop ${run}`,
      stage: status === 'won' ? 'closed_won' : 'proposal',
      amount: 10_000,
      currency: 'USD',
      closeDate: iso(hours).slice(0, 10),
      status,
      contactEmails: [email],
      occurredAt: iso(hours),
    });
    expect(await post('/v1/crm/opportunities', opportunity('open', 4), admin)).toBe(200);
    expect(await post('/v1/crm/opportunities', opportunity('won', 5), admin)).toBe(200);

    let won: CreditView[] = [];
    await waitFor(
      async () => {
        const res = await fetch(platform.url('attribution', `/v1/opportunities/${opportunityId}/credits`), {
          headers: { authorization: admin },
        });
        if (res.status !== 200) return false;
        const body = (await res.json()) as { credits: CreditView[] };
        won = body.credits.filter((c) => c.conversionKind === 'won');
        return won.length > 0 && won.every((c) => c.credits.length > 0);
      },
      { timeoutMs: 120_000, intervalMs: 1_000, description: `credits of ${opportunityId} (lead ${leadId})` },
    );
    const models = new Set(won.map((c) => c.modelId));
    expect(models.size).toBeGreaterThanOrEqual(8);
    for (const c of won) {
      expect(c.revenue).toEqual({ amountMinor: '1000000', currency: 'USD' });
      const moneyed = c.credits.filter((x) => x.amountMinor !== null);
      if (moneyed.length)
        expect(moneyed.reduce((sum, x) => sum + BigInt(x.amountMinor ?? 0), 0n)).toBe(1_000_000n);
    }
    // Linear over the three paid touches: Google Ads twice, Facebook once.
    const linear = won.find((c) => c.modelId === 'linear');
    const byChannel = new Map<string, bigint>();
    for (const x of linear?.credits ?? [])
      byChannel.set(x.channel, (byChannel.get(x.channel) ?? 0n) + BigInt(x.amountMinor ?? 0));
    expect([...byChannel.values()].reduce((a, b) => a + b, 0n)).toBe(1_000_000n);
    expect(byChannel.size).toBeGreaterThanOrEqual(2);
  }, 300_000);
});
