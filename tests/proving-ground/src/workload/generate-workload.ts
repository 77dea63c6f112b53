import { leadIdForNormalizedEmail } from '@smarketing/contracts';
import { generateCompanies, type Company } from './companies';
import { buildJourney, type JourneyContext, type LeadPlan } from './journey';
import { poisonCalls, poisonIntake } from './poison';
import { chance, intBetween, mulberry32, shuffled, type Random } from './random';
import { accountOwners } from './routing-rules';
import { setupCalls } from './setup-calls';
import { eventCount, send, sendCampaignCosts, type Outbox, type Transport } from './transport';
import type { Call, Workload } from './workload.types';

export type WorkloadOptions = {
  readonly seed: number;
  /** About how many HTTP calls plus intake records (setup not counted). */
  readonly events: number;
};

/** The workload and the plan behind it, person by person (what each lead should end as). */
export type Quarter = { readonly workload: Workload; readonly leads: readonly LeadPlan[] };

// Shares of the events, by design: poison about 1% (HTTP and the two intake topics), erasures
// about 0.5% of the identified leads, good intake about 5% (whole people on intake.segment.v1,
// dispositions and opportunities of some leads on intake.crm.v1, September's campaign costs).
const SHARES = {
  poisonCalls: 0.006,
  poisonIntakePerTopic: 0.002,
  erasedLeads: 0.005,
  segmentIntakePeople: 0.045,
  crmIntakeLeads: 0.3,
  batchedBrowsers: 0.06,
} as const;

const MIN_EVENTS = 200;

/** One company per ~200 events, 50 to 300: big enough runs get buying groups at the same account. */
const companyCount = (events: number): number => Math.min(300, Math.max(50, Math.round(events / 200)));

/** Enterprise companies (1,000 employees and more) are named accounts, about 8% of all companies. */
function namedAccounts(companies: readonly Company[]): Map<string, string> {
  const enterprise = companies.filter((c) => c.employees >= 1000);
  const named = enterprise.slice(0, Math.ceil(companies.length * 0.08));
  return accountOwners(named.map((c) => ({ domain: c.domain, region: c.country.region })));
}

function transportFor(random: Random): Transport {
  const segment = chance(random, SHARES.segmentIntakePeople)
    ? 'intake'
    : chance(random, SHARES.batchedBrowsers)
      ? 'http-batch'
      : 'http';
  return { segment, crm: chance(random, SHARES.crmIntakeLeads) ? 'intake' : 'http' };
}

const erasuresFor = (identified: number): number => Math.max(1, Math.round(identified * SHARES.erasedLeads));

const ERASABLE_UNTIL = Date.UTC(2026, 8, 21, 23, 59);

/**
 * Erasures in the last week for a few leads whose quarter is over by September 21 and who used HTTP
 * only: calls are sent in order, but intake records are consumed on their own time, and an erasure
 * overtaking the person's own records would make the end state depend on the order.
 */
function erasureCalls(
  random: Random,
  leads: readonly LeadPlan[],
  viaIntake: ReadonlySet<number>,
): { calls: Call[]; emails: string[] } {
  const identified = leads.filter((l) => l.email !== null);
  const candidates = identified.filter(
    (l) => !viaIntake.has(l.index) && (l.events[l.events.length - 1]?.at ?? Infinity) <= ERASABLE_UNTIL,
  );
  const erased = shuffled(random, candidates).slice(0, erasuresFor(identified.length));
  const calls = erased.map((lead, n): Call => {
    const email = lead.email as string;
    // Half by email, half by the leadId every service derives from it.
    const path =
      n % 2 === 0
        ? `/v1/leads?email=${encodeURIComponent(email)}`
        : `/v1/leads/${leadIdForNormalizedEmail(email)}`;
    const at = intBetween(random, Date.UTC(2026, 8, 24, 9), Date.UTC(2026, 8, 30, 17));
    return {
      service: 'ingestion',
      method: 'DELETE',
      path,
      auth: 'admin',
      body: undefined,
      at,
      expect: 'accepted',
    };
  });
  return { calls, emails: erased.map((l) => l.email as string) };
}

/**
 * A realistic sales quarter (2026-Q3) for the whole platform, the same for the same options to the
 * byte: routing's org and rules, then the traffic of people who browse, identify, engage, get routed,
 * touched and dispositioned, deals that open and close, campaign costs, a few erasures, and poison.
 */
export function generateQuarter(options: WorkloadOptions): Quarter {
  const { seed, events } = options;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!Number.isSafeInteger(events) || events < MIN_EVENTS)
    throw new RangeError(`events must be an integer of at least ${MIN_EVENTS}, got ${events}`);
  const random = mulberry32(seed);
  const tag = `pg${(seed >>> 0).toString(36)}`;
  const companies = generateCompanies(random, companyCount(events));
  const owners = namedAccounts(companies);
  const ctx: JourneyContext = {
    random,
    tag,
    companies: companies.map((c, i) => [c, 1 / (i + 4)] as const),
    owners,
    emails: new Set(),
    dealsByCompany: new Map(),
  };

  const outbox: Outbox = { calls: [], intake: [] };
  sendCampaignCosts(outbox, random, tag);
  outbox.calls.push(...poisonCalls(random, tag, Math.round(events * SHARES.poisonCalls)));
  const poisonPerTopic = Math.max(1, Math.round(events * SHARES.poisonIntakePerTopic));
  outbox.intake.push(
    ...poisonIntake(random, tag, 'intake.segment.v1', poisonPerTopic),
    ...poisonIntake(random, tag, 'intake.crm.v1', poisonPerTopic),
  );

  const leads: LeadPlan[] = [];
  const viaIntake = new Set<number>();
  let identified = 0;
  while (eventCount(outbox) + erasuresFor(identified) < events) {
    const plan = buildJourney(ctx, leads.length);
    leads.push(plan);
    if (plan.email !== null) identified += 1;
    const transport = transportFor(random);
    if (transport.segment === 'intake' || transport.crm === 'intake') viaIntake.add(plan.index);
    send(outbox, plan.events, transport);
  }
  const erasures = erasureCalls(random, leads, viaIntake);
  outbox.calls.push(...erasures.calls);

  // Stable sorts: calls at the same millisecond keep the order they were made in.
  const calls = [...outbox.calls].sort((a, b) => a.at - b.at);
  const intake = [...outbox.intake].sort((a, b) => a.at - b.at).map((i) => i.record);
  const poisonOn = (topic: string) => intake.filter((r) => r.poison && r.topic === topic).length;
  return {
    leads,
    workload: {
      seed,
      setup: setupCalls(owners),
      calls,
      intake,
      erasures: erasures.emails,
      expected: {
        poisonCalls: calls.filter((c) => c.expect === 'rejected').length,
        poisonIntake: {
          'intake.segment.v1': poisonOn('intake.segment.v1'),
          'intake.crm.v1': poisonOn('intake.crm.v1'),
        },
        leads: identified,
      },
    },
  };
}

/** The workload of `generateQuarter` alone: what the proving ground sends. */
export function generateWorkload(options: WorkloadOptions): Workload {
  return generateQuarter(options).workload;
}
