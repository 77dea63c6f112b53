import type { DashboardView, MetricDefinition, MetricValue, WeeklyReview } from '../../../app/views';

// A realistic quarter of a mid-sized B2B pipeline: the numbers the specs (and the page check) read back.

export const CATALOG: readonly MetricDefinition[] = [
  {
    id: 'marketing-sourced-pipeline',
    name: 'Marketing-sourced pipeline',
    definition:
      'Sum of the amount of opportunities created in the period whose first-touch credit is a marketing channel.',
    sources: ['ingestion.opportunity-updated.v1', 'attribution.attribution-credited.v1'],
    unit: 'currency',
    defaultOwner: 'marketing',
    better: 'up',
  },
  {
    id: 'mql-volume',
    name: 'MQL volume',
    definition: 'Leads that became MQL in the period (lifecycle-changed to mql, first time per lead).',
    sources: ['scoring.lifecycle-changed.v1'],
    unit: 'count',
    defaultOwner: 'marketing',
    better: 'up',
  },
  {
    id: 'mql-to-sql-rate',
    name: 'MQL-to-SQL rate',
    definition: 'Share of the period’s MQLs that sales accepted as SQL.',
    sources: ['scoring.lifecycle-changed.v1'],
    unit: 'share',
    defaultOwner: 'shared',
    better: 'up',
  },
  {
    id: 'response-time-business-avg',
    name: 'Lead response time (business hours, average)',
    definition: 'Average business hours from assignment to the first sales activity, on the rep’s calendar.',
    sources: ['routing.lead-assigned.v1', 'ingestion.sales-activity-recorded.v1'],
    unit: 'hours',
    defaultOwner: 'sales',
    better: 'down',
  },
  {
    id: 'clv-to-cac',
    name: 'CLV:CAC',
    definition: 'Average won revenue per customer times the configured customer life, over CAC.',
    sources: ['ingestion.opportunity-updated.v1', 'ingestion.campaign-cost-recorded.v1'],
    unit: 'ratio',
    defaultOwner: 'shared',
    better: 'up',
    caveat: 'Assumes an average customer life of 3 years: churn is not among the inputs.',
  },
];

const metric = (
  id: string,
  actual: number | null,
  previous: number | null,
  target: number | null,
  owner: MetricValue['owner'],
): MetricValue => ({
  id,
  actual,
  previous,
  target,
  owner,
  trend: [
    { period: '2026-Q2', value: previous === null ? null : previous * 0.9 },
    { period: '2026-Q3', value: previous },
    { period: '2026-Q4', value: actual },
  ],
});

export const DASHBOARD: DashboardView = {
  period: { id: '2026-Q4', start: '2026-10-01T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z' },
  previousPeriod: { id: '2026-Q3', start: '2026-07-01T00:00:00.000Z', end: '2026-10-01T00:00:00.000Z' },
  filters: {},
  currency: 'USD',
  metrics: [
    metric('marketing-sourced-pipeline', 1_250_000, 980_000, 1_500_000, 'marketing'),
    metric('mql-volume', 412, 390, 400, 'marketing'),
    metric('mql-to-sql-rate', 0.315, 0.29, 0.3, 'shared'),
    metric('response-time-business-avg', 3.5, 4.25, 4, 'sales'),
    metric('clv-to-cac', 3.2, 2.8, 3, 'shared'),
  ],
  funnel: [
    { stage: 'lead', count: 5_120 },
    { stage: 'mql', count: 412 },
    { stage: 'sal', count: 301 },
    { stage: 'sql', count: 130 },
    { stage: 'opportunity', count: 71 },
    { stage: 'customer', count: 19 },
  ],
  channels: [
    {
      channel: 'paid-search',
      leads: 2_100,
      sqls: 61,
      pipeline: 640_000,
      spend: 84_000,
      attributedRevenue: 310_000,
      costPerSql: 1_377.05,
    },
    {
      channel: 'webinar',
      leads: 900,
      sqls: 42,
      pipeline: 410_000,
      spend: 21_000,
      attributedRevenue: 180_000,
      costPerSql: 500,
    },
    {
      channel: 'organic',
      leads: 2_120,
      sqls: 27,
      pipeline: 200_000,
      spend: 0,
      attributedRevenue: 95_000,
      costPerSql: null,
    },
  ],
  attainment: {
    response: [
      { key: 'rep-ana', by: 'rep', met: 48, missed: 2, open: 3, rate: 0.96 },
      { key: 'rep-bo', by: 'rep', met: 35, missed: 9, open: 1, rate: 0.7954545 },
      { key: 'team-emea', by: 'team', met: 83, missed: 11, open: 4, rate: 0.8829787 },
    ],
    disposition: [{ key: 'team-emea', by: 'team', met: 70, missed: 14, open: 12, rate: 0.8333333 }],
    volume: [
      {
        policyId: 'mql-volume-enterprise',
        segment: 'enterprise',
        target: 150,
        actual: 162,
        qualityRate: 0.41,
        status: 'met',
      },
    ],
  },
  quality: {
    byBand: [
      {
        bucket: 'hot',
        leads: 120,
        accepted: 101,
        rejected: 9,
        sqls: 62,
        won: 11,
        acceptRate: 0.9181818,
        sqlRate: 0.5166667,
        winRate: 0.0916667,
      },
      {
        bucket: 'mql',
        leads: 292,
        accepted: 200,
        rejected: 61,
        sqls: 68,
        won: 8,
        acceptRate: 0.7662835,
        sqlRate: 0.2328767,
        winRate: 0.0273973,
      },
    ],
    byDecile: [
      {
        bucket: '90-100',
        leads: 60,
        accepted: 55,
        rejected: 3,
        sqls: 35,
        won: 7,
        acceptRate: 0.9482759,
        sqlRate: 0.5833333,
        winRate: 0.1166667,
      },
    ],
    rejections: [
      { source: 'webinar', campaign: 'q4-ai-webinar', band: 'mql', reason: 'no-budget', count: 17 },
    ],
  },
  asOf: '2026-12-03T16:42:10.000Z',
};

export const REVIEW: WeeklyReview = {
  week: '2026-W48',
  period: { id: '2026-W48', start: '2026-11-23T00:00:00.000Z', end: '2026-11-30T00:00:00.000Z' },
  quarter: DASHBOARD.period,
  currency: 'USD',
  sections: [
    {
      id: 'pipeline-health',
      title: 'Pipeline health',
      metrics: [DASHBOARD.metrics[0] as MetricValue],
      tables: [],
      highlights: ['Pipeline is $250,000 short of the quarter’s target.'],
    },
    {
      id: 'action-items',
      title: 'Action items',
      metrics: [],
      tables: [
        {
          title: 'Open items',
          columns: ['Owner', 'Item', 'Due'],
          rows: [['sales', 'Call back the 9 missed leads', '2026-12-04']],
        },
      ],
      highlights: [],
    },
  ],
  asOf: DASHBOARD.asOf,
};
