import { randomUUID } from 'node:crypto';
import { TOPICS } from '@smarketing/contracts';
import { waitFor } from '@smarketing/testing';
import { accountScored, becameMql, leadUpserted } from './support/events';
import {
  AssignedCollector,
  EventProducer,
  routeEverythingTo,
  startRouting,
  type Response,
  type RoutingUnderTest,
} from './support/routing-harness';

const ok = (r: Response, what: string) => {
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
};

/** Rules on the account tier: account-scored in, the tier 1 rule's assignment out, on the real stack. */
describe('routing on the account tier (scoring.account-scored.v1)', () => {
  let s: RoutingUnderTest;
  const producer = new EventProducer();
  const collector = new AssignedCollector();

  beforeAll(async () => {
    s = await startRouting();
    await producer.connect();
    await collector.start();
    // The team and both reps (v1 is the bundled sample, v2 the helper's); then rules sending tier 1 accounts to the strategic rep only.
    await routeEverythingTo(s, ['strategic-rep', 'general-rep'], 2);
    ok(
      await s.admin('POST', '/v1/rules', {
        version: 3,
        name: 'By account tier',
        description: 'Tier 1 accounts to the strategic rep, the rest to the general rep',
        rules: [
          {
            id: 'tier-1',
            name: 'Tier 1 accounts',
            when: [{ field: 'accountTier', in: ['tier_1'] }],
            pool: 'strategic',
            accountOwnerFirst: false,
          },
          { id: 'rest', name: 'Everyone else', pool: 'general', accountOwnerFirst: false },
        ],
        pools: [
          {
            id: 'strategic',
            name: 'Strategic',
            teamId: 'test-team',
            strategy: 'round_robin',
            members: [{ repId: 'strategic-rep' }],
          },
          {
            id: 'general',
            name: 'General',
            teamId: 'test-team',
            strategy: 'round_robin',
            members: [{ repId: 'general-rep' }],
          },
        ],
        queues: [{ id: 'unrouted', name: 'Unrouted' }],
        defaultQueue: 'unrouted',
      }),
      'rules v3',
    );
  });

  afterAll(async () => {
    await collector.stop();
    await producer?.close();
    await s?.close();
  });

  it('routes the MQL of a lead of a tier 1 account through the rule on accountTier [tier_1]', async () => {
    const accountId = `acct-${randomUUID()}`;
    const leadId = randomUUID();
    const other = randomUUID();
    collector.watch(leadId, other);
    const at = Date.now() - 60_000;

    await producer.send(TOPICS.accountScored, [accountScored(accountId, at - 3_000, { tier: 'tier_1' })]);
    await producer.send(TOPICS.leadUpserted, [
      leadUpserted(leadId, at - 2_000, { accountId, accountDomain: 'tier-one.example.com' }),
      leadUpserted(other, at - 2_000, { accountId: `never-scored-${randomUUID()}` }),
    ]);
    // No order across topics: the MQL goes out once routing holds the score and the leads' accounts.
    await waitFor(
      async () => {
        const [score] = await s.db.query<{ tier: string }>(
          `SELECT tier FROM routing_account_scores WHERE account_id = $1`,
          [accountId],
        );
        const leads = await s.db.query(
          `SELECT lead_id FROM routing_leads WHERE lead_id = ANY($1::text[]) AND account_id IS NOT NULL`,
          [[leadId, other]],
        );
        return score?.tier === 'tier_1' && leads.length === 2;
      },
      { description: `score of ${accountId} and accounts of the leads recorded` },
    );
    const [mqlEventId] = await producer.send(TOPICS.lifecycleChanged, [
      becameMql(leadId, at),
      becameMql(other, at + 1),
    ]);

    await waitFor(() => collector.of(leadId).length > 0 && collector.of(other).length > 0, {
      description: `lead-assigned of ${leadId} and ${other}`,
    });
    expect(collector.of(leadId)).toEqual([
      expect.objectContaining({
        leadId,
        repId: 'strategic-rep',
        ruleId: 'tier-1',
        ruleVersion: 3,
        poolId: 'strategic',
        kind: 'initial',
        via: 'pool',
        causeEventId: mqlEventId,
        occurredAt: at,
      }),
    ]);
    // A lead whose account was never scored: the tier condition does not hold.
    expect(collector.of(other)).toEqual([
      expect.objectContaining({ leadId: other, repId: 'general-rep', ruleId: 'rest', poolId: 'general' }),
    ]);
  });

  it('keeps the newest score of an account when an older one arrives late', async () => {
    const accountId = `acct-${randomUUID()}`;
    const at = Date.now() - 60_000;
    await producer.send(TOPICS.accountScored, [
      accountScored(accountId, at, { tier: 'tier_2', band: 'warm' }),
    ]);
    const [lateId] = await producer.send(TOPICS.accountScored, [
      accountScored(accountId, at - 10_000, { tier: 'tier_1', band: 'hot' }),
    ]);
    await waitFor(
      async () =>
        (
          await s.db.query(
            `SELECT event_id FROM messaging_inbox WHERE consumer = 'routing' AND event_id = $1::uuid`,
            [lateId],
          )
        ).length === 1,
      { description: `late account-scored ${lateId} consumed` },
    );
    const rows = await s.db.query<{ tier: string; band: string; occurred_at: Date }>(
      `SELECT tier, band, occurred_at FROM routing_account_scores WHERE account_id = $1`,
      [accountId],
    );
    expect(rows).toEqual([{ tier: 'tier_2', band: 'warm', occurred_at: new Date(at) }]);
  });

  it('answers 400 naming the value of an account tier that is not a symbol', async () => {
    const res = await s.admin('POST', '/v1/rules', {
      version: 4,
      name: 'Broken',
      description: 'Broken',
      rules: [{ id: 'r', name: 'R', pool: 'general', when: [{ field: 'accountTier', in: ['Tier 1'] }] }],
      pools: [
        {
          id: 'general',
          name: 'General',
          teamId: 'test-team',
          strategy: 'round_robin',
          members: [{ repId: 'general-rep' }],
        },
      ],
      queues: [{ id: 'q', name: 'Q' }],
      defaultQueue: 'q',
    });
    expect(res.status).toBe(400);
    expect((res.body as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
      'rules[0].when[0].in[0]',
    ]);
  });
});
