import { leadIdForNormalizedEmail } from '@smarketing/contracts';
import type { Company } from './companies';
import type { CrmEvent } from './journey-event';
import { DAY, HOUR, MINUTE, QUARTER, iso, isoDate } from './quarter';
import { chance, intBetween, pick, weighted, type Random } from './random';
import type { PredictedRoute } from './routing-rules';
import { calendarOfRep, repById } from './sales-org';
import { nextWorkingMoment } from './work-calendar';

export type SalesLead = {
  readonly index: number;
  readonly email: string;
  readonly company: Company | null;
  readonly route: PredictedRoute;
  readonly mqlAt: number;
  readonly hot: boolean;
};

export type SalesContext = {
  readonly random: Random;
  readonly tag: string;
  /** Opportunities per company so far: at most MAX_DEALS_PER_COMPANY per account in a quarter. */
  readonly dealsByCompany: Map<string, number>;
};

type Verdict = 'accepted' | 'qualified' | 'rejected' | 'disqualified' | 'recycled' | 'none';

const VERDICTS: readonly (readonly [Verdict, number])[] = [
  ['accepted', 30],
  ['qualified', 22],
  ['rejected', 22],
  ['disqualified', 8],
  ['recycled', 10],
  // No feedback at all: the disposition SLA runs out.
  ['none', 8],
];
const REJECT_REASONS = [
  'no_budget',
  'bad_timing',
  'bad_fit',
  'no_need',
  'no_authority',
  'duplicate',
  'invalid_contact',
];
const DISQUALIFY_REASONS = ['bad_fit', 'invalid_contact', 'other'];
const MAX_DEALS_PER_COMPANY = 2;
const TOUCHES = [
  { kind: 'call', outcomes: ['connected', 'left_voicemail', 'no_answer'] },
  { kind: 'email', outcomes: ['sent', 'replied'] },
  { kind: 'meeting', outcomes: ['held', 'rescheduled'] },
] as const;

/**
 * What sales does with an MQL: touches by the rep routing sends it to (soon after the assignment,
 * or days later, past the response SLA), a disposition with its reason, and for qualified leads
 * of a company with fewer than two deals an opportunity that opens, moves and is won, lost or still open
 * at the quarter's end. Everything after the quarter is left out (the quarter cuts it off).
 */
export function salesFollowUp(ctx: SalesContext, lead: SalesLead): CrmEvent[] {
  const { random, tag } = ctx;
  const rep = repById(lead.route.repId);
  const calendar = calendarOfRep(rep);
  const atWork = (at: number) => nextWorkingMoment(calendar, rep.outOfOffice, at);
  // A knowable pool rep who is away or off work holds the lead until they are back: it is theirs then.
  const assignedAt = lead.route.knowable ? atWork(lead.mqlAt) : lead.mqlAt;
  const facts: CrmEvent[] = [];
  const who = () =>
    chance(random, 0.25)
      ? { leadId: leadIdForNormalizedEmail(lead.email) }
      : { email: chance(random, 0.1) ? lead.email.toUpperCase() : lead.email };
  const crm = (fact: CrmEvent['fact'], at: number, key: string, body: Record<string, unknown>) => {
    if (at <= QUARTER.end) facts.push({ kind: 'crm', fact, at, key, body });
  };

  const prompt = chance(random, 0.55);
  const delay = prompt
    ? intBetween(random, lead.hot ? 5 : 20, lead.hot ? 45 : 180) * MINUTE
    : intBetween(random, 4 * 24, 9 * 24) * HOUR;
  let at = atWork(assignedAt + delay);
  const touches = intBetween(random, 1, 3);
  for (let n = 0; n < touches; n += 1) {
    const touch = n === 0 ? pick(random, TOUCHES.slice(0, 2)) : pick(random, TOUCHES);
    const activityId = `${tag}-act-${lead.index}-${n}`;
    crm('sales-activity', at, activityId, {
      activityId,
      ...who(),
      repId: rep.id,
      kind: touch.kind,
      outcome: pick(random, touch.outcomes),
      occurredAt: iso(at),
      ...(chance(random, 0.2) ? { notes: 'Discussed routing and SLA reporting needs.' } : {}),
    });
    at = atWork(at + intBetween(random, 20, 72) * HOUR);
  }

  const verdict = weighted(random, VERDICTS);
  if (verdict === 'none') return facts;
  const late = chance(random, 0.12);
  at = atWork(at + (late ? intBetween(random, 6 * 24, 10 * 24) : intBetween(random, 2, 72)) * HOUR);
  const disposition = (id: string, when: number, outcome: Exclude<Verdict, 'none'>, reason?: string) =>
    crm('disposition', when, id, {
      dispositionId: id,
      ...who(),
      repId: rep.id,
      disposition: outcome,
      ...(reason === undefined ? {} : { reason }),
      ...(reason !== undefined && chance(random, 0.3)
        ? { notes: `Told the contact: ${reason.replace(/_/g, ' ')}.` }
        : {}),
      occurredAt: iso(when),
    });
  const dispositionId = `${tag}-disp-${lead.index}`;
  switch (verdict) {
    case 'rejected':
      disposition(dispositionId, at, verdict, pick(random, REJECT_REASONS));
      return facts;
    case 'disqualified':
      disposition(dispositionId, at, verdict, pick(random, DISQUALIFY_REASONS));
      return facts;
    case 'recycled':
      disposition(
        dispositionId,
        at,
        verdict,
        chance(random, 0.5) ? pick(random, ['bad_timing', 'no_need']) : undefined,
      );
      return facts;
    case 'accepted':
      disposition(dispositionId, at, verdict);
      if (!chance(random, 0.45)) return facts;
      at = atWork(at + intBetween(random, 2 * 24, 7 * 24) * HOUR);
      disposition(`${tag}-disp-${lead.index}-sql`, at, 'qualified');
      break;
    case 'qualified':
      disposition(dispositionId, at, verdict);
      break;
    default: {
      const unreachable: never = verdict;
      return unreachable;
    }
  }
  const company = lead.company;
  const deals = company === null ? 0 : (ctx.dealsByCompany.get(company.domain) ?? 0);
  if (company === null || deals >= MAX_DEALS_PER_COMPANY) return facts;
  ctx.dealsByCompany.set(company.domain, deals + 1);
  opportunity(ctx, lead, company, atWork(at + intBetween(random, 1, 5) * DAY), crm);
  return facts;
}

/** Deal size by company size, in whole dollars (string or number, as CRMs export them). */
function dealAmount(random: Random, employees: number): string | number {
  const [min, max] =
    employees < 200 ? [8_000, 25_000] : employees < 1000 ? [25_000, 90_000] : [90_000, 350_000];
  const amount = Math.round(intBetween(random, min, max) / 500) * 500;
  return chance(random, 0.3) ? amount : `${amount}.00`;
}

function opportunity(
  ctx: SalesContext,
  lead: SalesLead,
  company: Company,
  openAt: number,
  crm: (fact: 'opportunity', at: number, key: string, body: Record<string, unknown>) => void,
): void {
  const { random, tag } = ctx;
  const opportunityId = `${tag}-opp-${lead.index}`;
  const base = {
    opportunityId,
    accountDomain: company.domain,
    name: `${company.name}: ${pick(random, ['platform', 'routing and SLA', 'attribution', 'enterprise plan'])}`,
    amount: dealAmount(random, company.employees),
    currency: 'USD',
    contactEmails: [lead.email],
  };
  const expectedClose = isoDate(openAt + intBetween(random, 30, 75) * DAY);
  const version = (at: number, stage: string, status: 'open' | 'won' | 'lost', closeDate = expectedClose) =>
    crm('opportunity', at, opportunityId, { ...base, stage, status, closeDate, occurredAt: iso(at) });
  version(openAt, 'discovery', 'open');
  let at = openAt;
  if (chance(random, 0.7)) {
    at += intBetween(random, 5, 15) * DAY;
    version(at, 'proposal', 'open');
  }
  const outcome = weighted(random, [
    ['won', 40],
    ['lost', 35],
    ['open', 25],
  ] as const);
  if (outcome === 'open') return;
  at += intBetween(random, 7, 30) * DAY;
  version(at, outcome === 'won' ? 'closed won' : 'closed lost', outcome, isoDate(at));
}
