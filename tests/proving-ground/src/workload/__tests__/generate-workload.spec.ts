import { leadIdForNormalizedEmail } from '@smarketing/contracts';
import { generateQuarter, generateWorkload } from '../generate-workload';
import type { LeadPlan } from '../journey';
import type { CrmEvent } from '../journey-event';
import { QUARTER } from '../quarter';
import { REPS, TEAMS } from '../sales-org';
import type { Call, Workload } from '../workload.types';

const short = generateQuarter({ seed: 42, events: 10_000 });
const long = generateQuarter({ seed: 42, events: 100_000 });
const eventsOf = (w: Workload) => w.calls.length + w.intake.length;

/** A call's kind: service, method and path with ids and queries taken out. */
const kindOf = (c: Call): string =>
  `${c.service} ${c.method} ${c.path
    .replace(/\?.*$/, '?email')
    .replace(/\/v1\/leads\/[0-9a-f-]{36}$/, '/v1/leads/:leadId')
    .replace(/\/(reps|teams|account-owners)\/[^/]+/, '/$1/:id')}`;

const bodies = (w: Workload): Record<string, unknown>[] => [
  ...w.calls
    .filter((c) => c.expect === 'accepted' && c.body !== undefined)
    .flatMap((c) => {
      const body = c.body as Record<string, unknown> | Record<string, unknown>[];
      if (Array.isArray(body)) return body;
      return Array.isArray(body['batch']) ? (body['batch'] as Record<string, unknown>[]) : [body];
    }),
  ...w.intake.filter((r) => !r.poison).map((r) => JSON.parse(r.value) as Record<string, unknown>),
];

const crmFacts = (leads: readonly LeadPlan[], fact: CrmEvent['fact']) =>
  leads.flatMap((l) =>
    l.events.filter((e): e is CrmEvent => e.kind === 'crm' && e.fact === fact).map((e) => ({ lead: l, e })),
  );

describe('generateWorkload', () => {
  it('gives the same workload, to the byte, for the same options', () => {
    const again = generateWorkload({ seed: 42, events: 10_000 });
    expect(again).toEqual(short.workload);
    expect(JSON.stringify(again)).toBe(JSON.stringify(short.workload));
  });

  it('gives another workload for another seed', () => {
    const other = generateWorkload({ seed: 43, events: 10_000 });
    expect(JSON.stringify(other.calls)).not.toBe(JSON.stringify(short.workload.calls));
    expect(other.calls[0]?.body).not.toEqual(short.workload.calls[0]?.body);
  });

  it.each([
    [10_000, short],
    [100_000, long],
  ])('sends about %i HTTP calls and intake records (within 10%%)', (events, quarter) => {
    expect(Math.abs(eventsOf(quarter.workload) - events)).toBeLessThanOrEqual(events * 0.1);
  });

  it('refuses options it cannot honour', () => {
    expect(() => generateWorkload({ seed: 1.5, events: 10_000 })).toThrow(RangeError);
    expect(() => generateWorkload({ seed: 1, events: 10 })).toThrow(RangeError);
  });

  it('uses every kind of call the ingestion and routing APIs offer', () => {
    const kinds = new Set([...long.workload.setup, ...long.workload.calls].map(kindOf));
    expect([...kinds].sort()).toEqual(
      [
        'ingestion DELETE /v1/leads/:leadId',
        'ingestion DELETE /v1/leads?email',
        'ingestion POST /v1/batch',
        'ingestion POST /v1/crm/campaign-costs',
        'ingestion POST /v1/crm/dispositions',
        'ingestion POST /v1/crm/opportunities',
        'ingestion POST /v1/crm/sales-activities',
        'ingestion POST /v1/group',
        'ingestion POST /v1/identify',
        'ingestion POST /v1/page',
        'ingestion POST /v1/track',
        'routing POST /v1/rules',
        'routing PUT /v1/account-owners/:id',
        'routing PUT /v1/reps/:id',
        'routing PUT /v1/reps/:id/out-of-office',
        'routing PUT /v1/teams/:id',
      ].sort(),
    );
    const accepted = new Set(long.workload.calls.filter((c) => c.expect === 'accepted').map(kindOf));
    const rejected = new Set(long.workload.calls.filter((c) => c.expect === 'rejected').map(kindOf));
    expect(accepted.size).toBe(kinds.size - 5); // every ingestion kind carries good traffic
    expect(rejected.size).toBe(accepted.size - 1); // and poison, but DELETE by leadId
    for (const topic of ['intake.segment.v1', 'intake.crm.v1'])
      for (const poison of [false, true])
        expect(long.workload.intake.some((r) => r.topic === topic && r.poison === poison)).toBe(true);
  });

  it('keeps every event inside 2026-Q3 and the calls in time order, setup first', () => {
    for (const { workload } of [short, long]) {
      const all = [...workload.setup, ...workload.calls];
      expect(all.every((c) => c.at >= QUARTER.start && c.at <= QUARTER.end)).toBe(true);
      expect(all.every((c, i) => i === 0 || (all[i - 1] as Call).at <= c.at)).toBe(true);
      const times = bodies(workload).flatMap((b) => [b['timestamp'], b['occurredAt'], b['sentAt']]);
      const parsed = times.filter((t): t is string => typeof t === 'string').map(Date.parse);
      expect(parsed.length).toBeGreaterThan(eventsOf(workload) * 0.9);
      expect(parsed.every((t) => t >= QUARTER.start && t <= QUARTER.end)).toBe(true);
    }
  });

  it('counts in `expected` exactly the records flagged poison, about 1% of the events', () => {
    for (const { workload } of [short, long]) {
      const calls = workload.calls.filter((c) => c.expect === 'rejected').length;
      const onTopic = (t: string) => workload.intake.filter((r) => r.poison && r.topic === t).length;
      expect(workload.expected.poisonCalls).toBe(calls);
      expect(workload.expected.poisonIntake).toEqual({
        'intake.segment.v1': onTopic('intake.segment.v1'),
        'intake.crm.v1': onTopic('intake.crm.v1'),
      });
      const share = (calls + onTopic('intake.segment.v1') + onTopic('intake.crm.v1')) / eventsOf(workload);
      expect(share).toBeGreaterThan(0.008);
      expect(share).toBeLessThan(0.012);
    }
  });

  it('puts about 5% of the events on the intake topics as good records', () => {
    const good = long.workload.intake.filter((r) => !r.poison).length / eventsOf(long.workload);
    expect(good).toBeGreaterThan(0.04);
    expect(good).toBeLessThan(0.07);
  });

  it('gives every message and fact its own id, and poison ids that no good record uses', () => {
    const { workload } = long;
    const good = bodies(workload);
    for (const field of ['messageId', 'activityId', 'dispositionId']) {
      const ids = good.map((b) => b[field]).filter((id) => id !== undefined);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.some((id) => String(id).includes('poison'))).toBe(false);
    }
    const costs = good.filter((b) => b['costId'] !== undefined).map((b) => b['costId']);
    expect(new Set(costs).size).toBe(costs.length);
    const poisonText = [
      ...workload.calls
        .filter((c) => c.expect === 'rejected')
        .map((c) => `${c.path} ${JSON.stringify(c.body)}`),
      ...workload.intake.filter((r) => r.poison).map((r) => r.value),
    ];
    expect(poisonText.every((t) => t.includes('-poison-'))).toBe(true);
  });

  it('counts the identified people and names every lead by one email of its own', () => {
    const { workload, leads } = long;
    const emails = leads.flatMap((l) => (l.email === null ? [] : [l.email]));
    expect(new Set(emails).size).toBe(emails.length);
    expect(workload.expected.leads).toBe(emails.length);
    const identified = new Set(
      bodies(workload).flatMap((b) => {
        const email = (b['traits'] as { email?: unknown } | undefined)?.email;
        return b['type'] === 'identify' && typeof email === 'string' ? [email] : [];
      }),
    );
    expect(identified).toEqual(new Set(emails));
    expect(leads.some((l) => l.email === null)).toBe(true); // and visitors who never identify
  });

  it('spreads the leads over 50 to 300 companies, with free-mail leads besides', () => {
    for (const { leads } of [short, long]) {
      const domains = new Set(leads.flatMap((l) => (l.accountDomain === null ? [] : [l.accountDomain])));
      expect(domains.size).toBeGreaterThanOrEqual(50);
      expect(domains.size).toBeLessThanOrEqual(300);
      expect(leads.some((l) => l.email !== null && l.accountDomain === null)).toBe(true);
    }
  });

  it('plans leads in every band, some of them merged from several identities', () => {
    const bands = new Set(long.leads.map((l) => l.band));
    expect([...bands].sort()).toEqual(['cold', 'disqualified', 'hot', 'mql', 'nurture', null].sort());
    expect(long.leads.filter((l) => l.merges >= 2).length).toBeGreaterThan(
      long.workload.expected.leads * 0.1,
    );
    // Sales-ready exactly when the planned score is, and never by the first identify.
    for (const lead of long.leads) {
      expect(lead.mqlAt !== null).toBe(
        lead.score !== null && lead.score >= 60 && lead.band !== 'disqualified',
      );
      const first = lead.events.find((e) => e.kind === 'segment' && e.type === 'identify');
      if (lead.mqlAt !== null) expect(lead.mqlAt).toBeGreaterThan(first?.at ?? Infinity);
    }
  });

  it('erases about 0.5% of the leads near the end, after their last event', () => {
    const { workload, leads } = long;
    expect(workload.erasures.length).toBe(Math.round(workload.expected.leads * 0.005));
    const deletes = workload.calls.filter((c) => c.method === 'DELETE' && c.expect === 'accepted');
    expect(deletes).toHaveLength(workload.erasures.length);
    expect(deletes.every((c) => c.at >= Date.UTC(2026, 8, 24))).toBe(true);
    for (const email of workload.erasures) {
      const lead = leads.find((l) => l.email === email) as LeadPlan;
      const last = lead.events[lead.events.length - 1]?.at ?? Infinity;
      expect(Math.min(...deletes.map((c) => c.at))).toBeGreaterThan(last);
    }
    expect(
      deletes.some((c) => c.path === `/v1/leads?email=${encodeURIComponent(workload.erasures[0] ?? '')}`),
    ).toBe(true);
    // Erased people used HTTP only: no intake record of theirs can overtake their erasure.
    const names = workload.erasures.flatMap((email) => [email, leadIdForNormalizedEmail(email)]);
    expect(workload.intake.filter((r) => names.some((n) => r.value.includes(n)))).toEqual([]);
  });

  it('touches MQLs by the rep their rule sends them to, soon after the MQL or days later', () => {
    const repIds = new Set(REPS.map((r) => r.id));
    const touches = crmFacts(long.leads, 'sales-activity');
    expect(touches.every(({ lead, e }) => e.body['repId'] === lead.route?.repId)).toBe(true);
    expect(touches.every(({ e }) => repIds.has(String(e.body['repId'])))).toBe(true);
    const firstTouch = long.leads.flatMap((l) => {
      const t = l.events.find((e) => e.kind === 'crm' && e.fact === 'sales-activity');
      return t === undefined || l.mqlAt === null ? [] : [t.at - l.mqlAt];
    });
    const hour = 3_600_000;
    expect(firstTouch.filter((d) => d <= 3 * hour).length).toBeGreaterThan(firstTouch.length * 0.25);
    expect(firstTouch.filter((d) => d >= 4 * 24 * hour).length).toBeGreaterThan(firstTouch.length * 0.25);
    const knowable = long.leads.filter((l) => l.route?.knowable === true);
    expect(knowable.length).toBeGreaterThan(0);
    expect(new Set(knowable.map((l) => l.route?.via))).toEqual(new Set(['account_owner', 'pool']));
  });

  it('dispositions every way the API offers, with reasons, and deals that are won, lost or still open', () => {
    const dispositions = crmFacts(long.leads, 'disposition').map(({ e }) => e.body);
    const outcomes = new Set(dispositions.map((d) => d['disposition']));
    expect([...outcomes].sort()).toEqual(['accepted', 'disqualified', 'qualified', 'recycled', 'rejected']);
    for (const d of dispositions)
      if (d['disposition'] === 'rejected' || d['disposition'] === 'disqualified')
        expect(d['reason']).toBeDefined();
    const finalStatus = new Map<unknown, unknown>();
    for (const { e } of crmFacts(long.leads, 'opportunity'))
      finalStatus.set(e.body['opportunityId'], e.body['status']);
    expect(new Set(finalStatus.values())).toEqual(new Set(['open', 'won', 'lost']));
  });

  it('books campaign costs for each campaign and month of the quarter', () => {
    const costs = bodies(long.workload).filter((b) => b['costId'] !== undefined);
    const campaigns = new Set(costs.map((c) => c['campaignId']));
    expect(costs).toHaveLength(campaigns.size * 3);
    expect(new Set(costs.map((c) => c['periodStart']))).toEqual(
      new Set(['2026-07-01', '2026-08-01', '2026-09-01']),
    );
    // Every campaign that brings visitors is one with costs.
    const utm = new Set(
      bodies(long.workload).flatMap((b) => {
        const url = (b['properties'] as { url?: string } | undefined)?.url;
        const campaign = url === undefined ? null : new URL(url).searchParams.get('utm_campaign');
        return campaign === null ? [] : [campaign];
      }),
    );
    expect(utm).toEqual(campaigns);
  });

  it('publishes a sales org of a few teams and about ten reps with absences, then rules over it', () => {
    const { setup } = long.workload;
    expect(TEAMS.length).toBeGreaterThanOrEqual(3);
    expect(REPS.length).toBeGreaterThanOrEqual(8);
    expect(REPS.length).toBeLessThanOrEqual(12);
    expect(
      REPS.filter((r) => r.outOfOffice.some((o) => o.from >= QUARTER.start && o.to <= QUARTER.end)).length,
    ).toBeGreaterThan(2);
    expect(setup[setup.length - 1]?.path).toBe('/v1/rules');
    // A team's manager is named only once the rep exists.
    const firstRep = setup.findIndex((c) => c.path.startsWith('/v1/reps/'));
    const withManager = setup.findIndex((c) => (c.body as { managerId?: string }).managerId !== undefined);
    expect(withManager).toBeGreaterThan(firstRep);
    const rules = setup[setup.length - 1]?.body as { pools: { members: { repId: string }[] }[] };
    const repIds = new Set(REPS.map((r) => r.id));
    expect(rules.pools.every((p) => p.members.every((m) => repIds.has(m.repId)))).toBe(true);
  });
});
