import { uuidV5 } from '@smarketing/contracts';
import { sessionStart } from './business-windows';
import { COUNTRIES, type Company, type Country } from './companies';
import { planEngagement, type Plan } from './engagement-plan';
import type { JourneyEvent, SegmentEvent } from './journey-event';
import { FREE_MAIL_DOMAINS, TITLES, newPerson, type Person, type Title } from './people';
import { DAY, HOUR, MINUTE, QUARTER } from './quarter';
import { chance, intBetween, pick, weighted, type Random } from './random';
import { predictRoute, type PredictedRoute } from './routing-rules';
import { salesFollowUp, type SalesContext } from './sales-follow-up';
import {
  CONTENT_EVENTS,
  CONTENT_PAGES,
  NEWSLETTER,
  QUIET_EVENTS,
  Timeline,
  browse,
  browserContext,
  pageFields,
} from './web-activity';
import {
  bandOf,
  engagementPoints,
  fitPoints,
  type Band,
  type Engagement,
  type FitFacts,
} from './score-model';

/** Frozen: every anonymousId of every workload is derived from it. = uuidv5(DNS, 'proving-ground.smarketing.dev'). */
const ANONYMOUS_ID_NAMESPACE = '184f3b5f-9ae1-5317-956e-d889123d11e3';

export type JourneyContext = SalesContext & {
  readonly companies: readonly (readonly [Company, number])[];
  readonly owners: ReadonlyMap<string, string>;
  /** Emails handed out so far: each person has their own. */
  readonly emails: Set<string>;
};

/** What the generator planned for one person; the harness and the tests read it next to the traffic. */
export type LeadPlan = {
  readonly index: number;
  /** null: an anonymous visitor who never identified. */
  readonly email: string | null;
  readonly accountDomain: string | null;
  /** The band the aligned model should give the lead at its last touchpoint; 'disqualified' for students. */
  readonly band: Band | 'disqualified' | null;
  readonly score: number | null;
  /** The event time of the touchpoint or identify that makes it sales-ready (null: never). */
  readonly mqlAt: number | null;
  readonly route: PredictedRoute | null;
  /** Placeholders (an anonymous device, an app user) an identify merges into the lead. */
  readonly merges: number;
  readonly events: readonly JourneyEvent[];
};

/** One person's quarter: anonymous visits, and for most an identify, engagement and what sales makes of it. */
export function buildJourney(ctx: JourneyContext, index: number): LeadPlan {
  const { random, tag } = ctx;
  const anonymousId = uuidV5(`${tag}/${index}/0`, ANONYMOUS_ID_NAMESPACE);
  const firstVisit = intBetween(random, QUARTER.start, QUARTER.end - 16 * DAY);
  const freeMail = chance(random, 0.15);
  const company = freeMail ? null : weighted(random, ctx.companies);
  const country = company?.country ?? (chance(random, 0.6) ? weighted(random, COUNTRIES) : null);
  const timeline = new Timeline(tag, index, browserContext(random, country, index));
  const visitor = (): LeadPlan => ({
    index,
    email: null,
    accountDomain: null,
    band: null,
    score: null,
    mqlAt: null,
    route: null,
    merges: 0,
    events: timeline.events.filter((e) => e.at <= QUARTER.end),
  });

  let at = browse(random, timeline, anonymousId, firstVisit, intBetween(random, 1, 4));
  if (chance(random, 0.28)) return visitor();

  // A product sign-up under its own userId before marketing knows the email: a placeholder to merge.
  const appUserId = chance(random, 0.1) ? `${tag}-app-${index}` : null;
  if (appUserId !== null) {
    for (const event of ['Trial Started', 'Workspace Created'].slice(0, intBetween(random, 1, 2))) {
      at += intBetween(random, 2, 20) * HOUR;
      timeline.segment('track', at, { userId: appUserId, event, properties: { plan: 'trial' } });
    }
  }
  const start = sessionStart(random, country?.region ?? null, at + 30 * MINUTE, 2 * HOUR);
  if (start === null) return visitor();
  const person = newPerson(random, company?.domain ?? pick(random, FREE_MAIL_DOMAINS), ctx.emails);
  const student = freeMail && chance(random, 0.12);
  return identified(ctx, {
    index,
    timeline,
    anonymousId,
    appUserId,
    person,
    company,
    country,
    student,
    start,
  });
}

type Identified = {
  readonly index: number;
  readonly timeline: Timeline;
  readonly anonymousId: string;
  readonly appUserId: string | null;
  readonly person: Person;
  readonly company: Company | null;
  readonly country: Country | null;
  readonly student: boolean;
  readonly start: number;
};

function identified(ctx: JourneyContext, lead: Identified): LeadPlan {
  const { random, tag } = ctx;
  const { company, country } = lead;
  const userId = `${tag}-usr-${lead.index}`;
  const title: Title = lead.student
    ? { title: 'Student', seniority: 'individual_contributor' }
    : pick(random, TITLES);
  const fit: FitFacts = {
    employees: company?.employees ?? null,
    industry: company?.industry ?? null,
    region: country?.region ?? null,
    seniority: null,
    freeMail: company === null,
  };
  const plan = planEngagement(random, fit, title);
  const session = convertingSession(random, lead, { userId, title, fit, plan });
  const merges = laterActivity(random, tag, lead, userId, session.end) + (lead.appUserId === null ? 1 : 2);
  const mqlAt = session.mqlAt;
  const route =
    mqlAt === null
      ? null
      : predictRoute(
          random,
          {
            region: country?.region ?? null,
            employees: company?.employees ?? null,
            accountDomain: company?.domain ?? null,
          },
          ctx.owners,
          mqlAt,
        );
  const sales =
    route === null || mqlAt === null
      ? []
      : salesFollowUp(ctx, {
          index: lead.index,
          email: lead.person.email,
          company,
          route,
          mqlAt,
          hot: plan.total >= 75,
        });
  const events = [...lead.timeline.events, ...sales]
    .filter((e) => e.at <= QUARTER.end)
    .sort((a, b) => a.at - b.at);
  return {
    index: lead.index,
    email: lead.person.email,
    accountDomain: company?.domain ?? null,
    band: lead.student ? 'disqualified' : bandOf(plan.total),
    score: lead.student ? 0 : plan.total,
    mqlAt,
    route,
    merges,
    events,
  };
}

type SessionPlan = {
  readonly userId: string;
  readonly title: Title;
  readonly fit: FitFacts;
  readonly plan: Plan;
};

/**
 * The visit in which the person identifies and does what the plan says, a few minutes apart. Tracks
 * the score as the model would see it after each call: the first call that reaches 60 is the MQL.
 */
function convertingSession(
  random: Random,
  lead: Identified,
  { userId, title, fit, plan }: SessionPlan,
): { mqlAt: number | null; end: number } {
  const { timeline, anonymousId, person, company, country } = lead;
  let engagement: Engagement = { pageViews: 1, pricingViews: 0, contentDownloads: 0, demoRequests: 0 };
  let seniority: FitFacts['seniority'] = null;
  let mqlAt: number | null = null;
  const scored = (event: SegmentEvent) => {
    const total = fitPoints({ ...fit, seniority }) + engagementPoints(engagement);
    if (mqlAt === null && !lead.student && total >= 60) mqlAt = event.at;
  };
  let at = lead.start;
  const next = (minMinutes: number, maxMinutes: number) =>
    (at += intBetween(random, minMinutes, maxMinutes) * MINUTE);
  const who = { userId, anonymousId };

  // The first identify names the company but not the person's role: the lead is never sales-ready
  // by it (at most 50 fit + 5), so routing has the lead's region and size before any MQL.
  scored(
    timeline.segment('identify', at, {
      ...who,
      traits: {
        email: person.email,
        firstName: person.firstName,
        lastName: person.lastName,
        ...(company === null
          ? {}
          : { company: company.name, employees: company.employeesText, industry: company.industryText }),
        ...(country === null ? {} : { country: company?.countryText ?? pick(random, country.names) }),
        ...(lead.student ? { title: title.title, isStudent: true } : {}),
      },
    }),
  );
  if (company !== null && chance(random, 0.4))
    scored(
      timeline.segment('group', next(1, 4), {
        userId,
        groupId: `acct-${company.domain.split('.')[0]}`,
        traits: {
          name: company.name,
          website: `https://www.${company.domain}`,
          industry: company.industryText,
        },
      }),
    );
  scored(timeline.segment('page', next(2, 6), { ...who, ...pageFields(pick(random, CONTENT_PAGES), null) }));
  if (plan.pricing)
    for (const path of ['/pricing', '/pricing', '/pricing/enterprise']) {
      engagement = { ...engagement, pricingViews: engagement.pricingViews + 1 };
      scored(timeline.segment('page', next(2, 8), { ...who, ...pageFields(path, null) }));
    }
  let profiled = false;
  // Progressive profiling: the next form asks for the title.
  const profile = () => {
    if (profiled) return;
    profiled = true;
    if (plan.titled) seniority = title.seniority;
    scored(
      timeline.segment('identify', next(2, 6), {
        userId,
        traits: { email: person.email, ...(plan.titled ? { title: title.title } : {}) },
      }),
    );
  };
  if (plan.content) {
    profile();
    engagement = { ...engagement, contentDownloads: 1 };
    scored(
      timeline.segment('track', next(1, 3), {
        ...who,
        event: pick(random, CONTENT_EVENTS),
        properties: {
          asset: pick(random, ['revenue-alignment-guide.pdf', 'mql-playbook.pdf', 'routing-benchmark.pdf']),
        },
      }),
    );
  }
  if (plan.demo) {
    profile();
    engagement = { ...engagement, demoRequests: 1 };
    const form = chance(random, 0.3);
    scored(
      timeline.segment('track', next(1, 3), {
        ...who,
        event: form ? 'Form Submitted' : 'Demo Requested',
        properties: { form_type: form ? 'demo-request' : 'demo' },
      }),
    );
  }
  if (plan.titled && !profiled) {
    profile();
    timeline.segment('track', next(1, 3), {
      ...who,
      event: 'Webinar Registered',
      properties: { webinar: 'pipeline-101' },
    });
  }
  // The app user signed up earlier is the same person: this identify merges its placeholder.
  if (lead.appUserId !== null)
    timeline.segment('identify', next(2, 10), { userId: lead.appUserId, traits: { email: person.email } });
  return { mqlAt, end: at };
}

/**
 * After the session: touches that score nothing more (within 25 days, while the pricing views still
 * count), and sometimes a second device, anonymous until the person identifies on it. Returns the
 * placeholders that adds to merge (0 or 1).
 */
function laterActivity(random: Random, tag: string, lead: Identified, userId: string, from: number): number {
  const { timeline, anonymousId } = lead;
  const touches = weighted(random, [
    [0, 4],
    [1, 3],
    [2, 2],
    [3, 1],
  ] as const);
  for (let n = 0; n < touches; n += 1) {
    const when = from + intBetween(random, 1, 25) * DAY + intBetween(random, 0, 23) * HOUR;
    if (chance(random, 0.5))
      timeline.segment('track', when, { userId, event: pick(random, QUIET_EVENTS), properties: {} });
    else
      timeline.segment('page', when, {
        userId,
        anonymousId,
        ...pageFields(pick(random, CONTENT_PAGES), NEWSLETTER),
      });
  }
  if (!chance(random, 0.15)) return 0;
  const secondId = uuidV5(`${tag}/${lead.index}/1`, ANONYMOUS_ID_NAMESPACE);
  let when = from + intBetween(random, 1, 20) * DAY;
  timeline.segment('page', when, { anonymousId: secondId, ...pageFields(pick(random, CONTENT_PAGES), null) });
  when += intBetween(random, 2, 30) * MINUTE;
  timeline.segment('identify', when, { userId, anonymousId: secondId, traits: { email: lead.person.email } });
  return 1;
}
