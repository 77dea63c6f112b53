import { pick } from './random';

export type Step = {
  readonly at: number;
  readonly auth: 'write' | 'api';
  readonly path: string;
  readonly body: unknown;
};

const COMPANIES = [
  {
    name: 'Northwind Analytics',
    domain: 'northwind-analytics.example.com',
    employees: '51-200',
    industry: 'Computer Software',
    country: 'United States',
  },
  {
    name: 'Globex Manufacturing',
    domain: 'globex-mfg.example.com',
    employees: '1001-5000',
    industry: 'Industrial Automation',
    country: 'Germany',
  },
  {
    name: 'Initech Bank',
    domain: 'initech-bank.example.com',
    employees: '10k+',
    industry: 'Banking',
    country: 'GB',
  },
  {
    name: 'Umbrella Health',
    domain: 'umbrella-health.example.org',
    employees: '201-500',
    industry: 'Hospital & Health Care',
    country: 'France',
  },
  {
    name: 'Hooli Cloud',
    domain: 'hooli.example.io',
    employees: '5000+',
    industry: 'SaaS',
    country: 'Singapore',
  },
  {
    name: 'Pied Piper',
    domain: 'piedpiper.example.net',
    employees: '11-50',
    industry: 'Internet',
    country: 'Brazil',
  },
  {
    name: 'Stark Retail',
    domain: 'stark-retail.example.com',
    employees: '501-1000',
    industry: 'Retail',
    country: 'Australia',
  },
  {
    name: 'Acme University',
    domain: 'acme-university.example.edu',
    employees: '1000',
    industry: 'Higher Education',
    country: 'Canada',
  },
];
const FREE_MAIL = ['gmail.com', 'outlook.com', 'yahoo.com'];
const FIRST = [
  'Ada',
  'Grace',
  'Alan',
  'Katherine',
  'Linus',
  'Margaret',
  'Tim',
  'Barbara',
  'Dennis',
  'Radia',
  'Ken',
  'Frances',
];
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Johnson',
  'Torvalds',
  'Hamilton',
  'Berners-Lee',
  'Liskov',
  'Ritchie',
  'Perlman',
  'Thompson',
  'Allen',
];
const TITLES = [
  'CEO',
  'VP Marketing',
  'Director of Engineering',
  'Head of Sales',
  'Marketing Manager',
  'Data Analyst',
  'Software Engineer',
  'Student',
  'CFO',
  'Product Manager',
];
const CAMPAIGNS = [
  { source: 'google', medium: 'cpc', campaign: 'spring-launch', channel: 'paid_search' },
  { source: 'linkedin', medium: 'paid_social', campaign: 'abm-q2', channel: 'paid_social' },
  { source: 'newsletter', medium: 'email', campaign: 'may-digest', channel: 'email' },
  { source: 'google', medium: 'organic', campaign: 'seo', channel: 'organic_search' },
] as const;
const PAGES = [
  '/',
  '/product',
  '/blog/aligning-sales-and-marketing',
  '/customers',
  '/integrations',
  '/pricing',
];
const REPS = ['rep-anna', 'rep-ben', 'rep-chen', 'rep-dana'];
const HOUR = 3_600_000;

const iso = (ms: number): string => new Date(ms).toISOString();

/** One lead's journey: anonymous visits, identification, engagement, then sales touches and maybe an opportunity. */
export function buildJourney(random: () => number, id: string, now: number): Step[] {
  const steps: Step[] = [];
  const company = pick(random, COMPANIES);
  const freeMail = random() < 0.15;
  const first = pick(random, FIRST);
  const last = pick(random, LAST);
  const email = `${first}.${last}.${id}@${freeMail ? pick(random, FREE_MAIL) : company.domain}`.toLowerCase();
  const anonymousId = `anon-${id}`;
  const campaign = pick(random, CAMPAIGNS);
  let at = now - Math.floor(random() * 20 * 24 * HOUR);
  const segment = (path: string, body: Record<string, unknown>) =>
    steps.push({
      at,
      auth: 'write',
      path,
      body: { messageId: `msg-${id}-${steps.length}`, timestamp: iso(at), ...body },
    });

  const visits = 1 + Math.floor(random() * 5);
  for (let v = 0; v < visits; v += 1) {
    const path = pick(random, PAGES);
    const utm =
      v === 0
        ? `?utm_source=${campaign.source}&utm_medium=${campaign.medium}&utm_campaign=${campaign.campaign}`
        : '';
    segment('/v1/page', {
      anonymousId,
      name: path === '/pricing' ? 'Pricing' : undefined,
      properties: {
        url: `https://www.smarketing.example${path}${utm}`,
        path,
        referrer: v === 0 ? 'https://www.google.com/' : undefined,
      },
    });
    at += Math.floor(random() * 2 * HOUR);
  }
  if (random() < 0.3) return steps; // never identified
  segment('/v1/identify', {
    anonymousId,
    userId: `user-${id}`,
    traits: {
      email,
      firstName: first,
      lastName: last,
      title: pick(random, TITLES),
      company: company.name,
      employees: company.employees,
      industry: company.industry,
      country: company.country,
    },
  });
  if (!freeMail && random() < 0.5)
    segment('/v1/group', {
      userId: `user-${id}`,
      groupId: `grp-${company.domain}`,
      traits: { name: company.name, website: `https://${company.domain}` },
    });
  const engaged = random();
  if (engaged > 0.3)
    segment('/v1/track', {
      userId: `user-${id}`,
      event: 'Whitepaper Downloaded',
      properties: { asset: 'revenue-alignment-guide.pdf' },
    });
  if (engaged > 0.5)
    segment('/v1/page', { userId: `user-${id}`, name: 'Pricing', properties: { path: '/pricing' } });
  if (engaged > 0.6)
    segment('/v1/track', {
      userId: `user-${id}`,
      event: 'Webinar Registered',
      properties: { webinar: 'pipeline-101' },
    });
  if (engaged < 0.7) return steps;
  segment('/v1/track', { userId: `user-${id}`, event: 'Demo Requested', properties: { form_type: 'demo' } });

  // Sales side: a touch, feedback, maybe an opportunity.
  const rep = pick(random, REPS);
  at += Math.floor(random() * 8 * HOUR);
  const crm = (path: string, body: unknown) => steps.push({ at, auth: 'api', path, body });
  crm('/v1/crm/sales-activities', {
    activityId: `act-${id}`,
    email,
    repId: rep,
    kind: pick(random, ['call', 'email', 'meeting'] as const),
    outcome: 'connected',
    occurredAt: iso(at),
  });
  at += Math.floor(random() * 24 * HOUR);
  const verdict = random();
  if (verdict < 0.25) {
    crm('/v1/crm/dispositions', {
      dispositionId: `disp-${id}`,
      email,
      repId: rep,
      disposition: 'rejected',
      reason: pick(random, ['no_budget', 'bad_timing', 'bad_fit'] as const),
      occurredAt: iso(at),
    });
    return steps;
  }
  crm('/v1/crm/dispositions', {
    dispositionId: `disp-${id}`,
    email,
    repId: rep,
    disposition: verdict < 0.4 ? 'accepted' : 'qualified',
    occurredAt: iso(at),
  });
  if (verdict < 0.4 || freeMail) return steps;
  const amount = (5_000 + Math.floor(random() * 95_000)).toString();
  const opportunity = {
    opportunityId: `opp-${id}`,
    accountDomain: company.domain,
    name: `${company.name} platform`,
    amount,
    currency: 'USD',
    closeDate: iso(at + 30 * 24 * HOUR).slice(0, 10),
    contactEmails: [email],
  };
  crm('/v1/crm/opportunities', { ...opportunity, stage: 'discovery', status: 'open', occurredAt: iso(at) });
  at += Math.floor(random() * 10 * 24 * HOUR);
  const won = random() < 0.5;
  crm('/v1/crm/opportunities', {
    ...opportunity,
    stage: won ? 'closed won' : 'closed lost',
    status: won ? 'won' : 'lost',
    occurredAt: iso(at),
  });
  return steps;
}

/** Campaign spend for the campaigns the journeys use, one record per campaign and month. */
export function campaignCosts(random: () => number, month: string): Step[] {
  return CAMPAIGNS.filter((c) => c.channel !== 'organic_search').map((c) => ({
    at: 0,
    auth: 'api' as const,
    path: '/v1/crm/campaign-costs',
    body: {
      costId: `cost-${c.campaign}-${month}`,
      campaignId: c.campaign,
      campaignName: c.campaign,
      channel: c.channel,
      periodStart: `${month}-01`,
      periodEnd: `${month}-28`,
      amount: (1_000 + Math.floor(random() * 20_000)).toFixed(2),
      currency: 'USD',
    },
  }));
}
