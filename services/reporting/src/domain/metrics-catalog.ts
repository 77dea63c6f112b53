import { TOPICS } from '@smarketing/contracts';
import { medianOfRows, ratio, total, type RollupRow } from './rollup';

export type MetricUnit = 'count' | 'share' | 'currency' | 'hours' | 'days' | 'ratio' | 'per-day';
export type MetricOwner = 'marketing' | 'sales' | 'shared';

/** Everything a metric's formula reads: the roll-up of the period plus the few inputs kept elsewhere. */
export type MetricInputs = {
  readonly rows: readonly RollupRow[];
  /** Money in the roll-up is in minor units; this many make one unit of the currency. */
  readonly minorPerUnit: number;
  readonly customerLifeMonths: number;
  /** Latest volume SLA evaluations of the policy periods starting in the period. */
  readonly volume: { readonly target: number; readonly actual: number; readonly accepted: number };
  /** Tier 1 accounts now, and how many of them had an MQL / an opportunity created in the period. */
  readonly tier1: { readonly accounts: number; readonly withMql: number; readonly withOpportunity: number };
  /** The period's target of each metric, where one is set (pipeline coverage divides by the revenue target). */
  readonly targets: ReadonlyMap<string, number>;
};

export type MetricDefinition = {
  readonly id: string;
  readonly name: string;
  readonly definition: string;
  readonly sources: readonly string[];
  readonly unit: MetricUnit;
  readonly defaultOwner: MetricOwner;
  readonly better: 'up' | 'down';
  readonly caveat?: string;
};

export type CatalogEntry = MetricDefinition & { readonly formula: (x: MetricInputs) => number | null };

const money = (x: MetricInputs, metric: string) => total(x.rows, metric).sum / x.minorPerUnit;
const count = (x: MetricInputs, metric: string) => total(x.rows, metric).count;
const avg = (x: MetricInputs, metric: string) => {
  const t = total(x.rows, metric);
  return ratio(t.sum, t.count);
};
const attainment = (x: MetricInputs, kind: string) => {
  const met = count(x, `sla.${kind}.met`);
  return ratio(met, met + count(x, `sla.${kind}.missed`));
};
const cac = (x: MetricInputs) => ratio(money(x, 'spend'), count(x, 'stage.customer'));
const clv = (x: MetricInputs) => {
  const won = total(x.rows, 'won');
  // Won amounts are taken as annual contract values, so a customer is worth one per year of life.
  const perCustomer = ratio(won.sum / x.minorPerUnit, won.count);
  return perCustomer === null ? null : (perCustomer * x.customerLifeMonths) / 12;
};

const TOPIC = {
  lead: TOPICS.leadUpserted.name,
  touch: TOPICS.touchpointRecorded.name,
  activity: TOPICS.salesActivityRecorded.name,
  disposition: TOPICS.leadDispositioned.name,
  opportunity: TOPICS.opportunityUpdated.name,
  cost: TOPICS.campaignCostRecorded.name,
  lifecycle: TOPICS.lifecycleChanged.name,
  account: TOPICS.accountScored.name,
  assigned: TOPICS.leadAssigned.name,
  sla: TOPICS.slaStatusChanged.name,
  volume: TOPICS.volumeSlaEvaluated.name,
  credited: TOPICS.attributionCredited.name,
};

const PRIMARY_LEAD =
  'An opportunity takes its dimensions from its primary lead (the first of `leadIds` in its latest opportunity-updated).';
const COHORT = (from: string, to: string) =>
  `Of the leads whose first lifecycle-changed to \`${from}\` falls in the period, the share that reached \`${to}\` or a later stage by now (a skipped stage counts as passed).`;

/** Every metric of the shared dashboard, defined once: the API, the page and docs/metrics.md read this list. Ids are stable. */
export const METRICS_CATALOG: readonly CatalogEntry[] = [
  {
    id: 'marketing-sourced-pipeline',
    name: 'Marketing-sourced pipeline',
    definition: `Sum of \`amount\` of the opportunities first seen (earliest opportunity-updated) in the period whose primary lead's first touchpoint came through a marketing channel (any channel but \`direct\` and \`other\`) at or before that time. ${PRIMARY_LEAD}`,
    sources: [TOPIC.opportunity, TOPIC.touch, TOPIC.lead],
    unit: 'currency',
    defaultOwner: 'marketing',
    better: 'up',
    formula: (x) => money(x, 'pipeline.sourced'),
  },
  {
    id: 'marketing-influenced-pipeline',
    name: 'Marketing-influenced pipeline',
    definition: `Sum of \`amount\` of the opportunities first seen in the period whose primary lead had any touchpoint-recorded at or before that time. ${PRIMARY_LEAD}`,
    sources: [TOPIC.opportunity, TOPIC.touch],
    unit: 'currency',
    defaultOwner: 'marketing',
    better: 'up',
    formula: (x) => money(x, 'pipeline.influenced'),
  },
  {
    id: 'pipeline',
    name: 'Pipeline created',
    definition:
      'Sum of `amount` (latest opportunity-updated) of every opportunity first seen in the period, whatever its status now.',
    sources: [TOPIC.opportunity],
    unit: 'currency',
    defaultOwner: 'shared',
    better: 'up',
    formula: (x) => money(x, 'pipeline'),
  },
  {
    id: 'won-revenue',
    name: 'Won revenue',
    definition:
      'Sum of `amount` of the opportunities whose latest status is `won`, dated by the first opportunity-updated with status `won`.',
    sources: [TOPIC.opportunity],
    unit: 'currency',
    defaultOwner: 'sales',
    better: 'up',
    formula: (x) => money(x, 'won'),
  },
  {
    id: 'mql-volume',
    name: 'MQL volume',
    definition:
      'Leads whose first lifecycle-changed to `mql` falls in the period. Without a target of its own, the target is the sum of `targetMqls` of the volume SLA evaluations of the policy periods starting in the period.',
    sources: [TOPIC.lifecycle, TOPIC.volume],
    unit: 'count',
    defaultOwner: 'marketing',
    better: 'up',
    formula: (x) => count(x, 'stage.mql'),
  },
  {
    id: 'mql-acceptance-rate',
    name: 'MQL acceptance rate',
    definition: COHORT('mql', 'sal'),
    sources: [TOPIC.lifecycle],
    unit: 'share',
    defaultOwner: 'shared',
    better: 'up',
    formula: (x) => ratio(count(x, 'mql.sal'), count(x, 'stage.mql')),
  },
  {
    id: 'mql-to-sql-rate',
    name: 'MQL-to-SQL rate',
    definition: COHORT('mql', 'sql'),
    sources: [TOPIC.lifecycle],
    unit: 'share',
    defaultOwner: 'shared',
    better: 'up',
    formula: (x) => ratio(count(x, 'mql.sql'), count(x, 'stage.mql')),
  },
  {
    id: 'sql-to-opportunity-rate',
    name: 'SQL-to-opportunity rate',
    definition: COHORT('sql', 'opportunity'),
    sources: [TOPIC.lifecycle],
    unit: 'share',
    defaultOwner: 'sales',
    better: 'up',
    formula: (x) => ratio(count(x, 'sql.opportunity'), count(x, 'stage.sql')),
  },
  {
    id: 'lead-to-customer-rate',
    name: 'Lead-to-customer rate',
    definition:
      'Of the leads first seen (earliest lead-upserted) in the period, the share that reached `customer` by now.',
    sources: [TOPIC.lead, TOPIC.lifecycle],
    unit: 'share',
    defaultOwner: 'shared',
    better: 'up',
    formula: (x) => ratio(count(x, 'lead.customer'), count(x, 'stage.lead')),
  },
  {
    id: 'sal-to-customer-rate',
    name: 'Sales-accepted leads that close',
    definition: COHORT('sal', 'customer'),
    sources: [TOPIC.lifecycle],
    unit: 'share',
    defaultOwner: 'sales',
    better: 'up',
    formula: (x) => ratio(count(x, 'sal.customer'), count(x, 'stage.sal')),
  },
  {
    id: 'response-time-business-avg',
    name: 'Lead response time (business hours, average)',
    definition:
      "Average `elapsedBusinessMs` (in hours) of the latest response SLA record of each lead that has a `resolvedAt` (met, or breached and answered late), dated by `resolvedAt`: working time on the SLA monitor's business calendar from assignment to first sales contact.",
    sources: [TOPIC.sla],
    unit: 'hours',
    defaultOwner: 'sales',
    better: 'down',
    formula: (x) => avg(x, 'response.business'),
  },
  {
    id: 'response-time-business-median',
    name: 'Lead response time (business hours, median)',
    definition: 'Median of the same durations as the business-hours average.',
    sources: [TOPIC.sla],
    unit: 'hours',
    defaultOwner: 'sales',
    better: 'down',
    caveat: 'Rounded down to the quarter hour under a day, the hour under a week, the day beyond.',
    formula: (x) => medianOfRows(x.rows, 'response.business.hist'),
  },
  {
    id: 'response-time-wall-avg',
    name: 'Lead response time (wall-clock, average)',
    definition:
      "Average hours from a lead's first lead-assigned to its first sales-activity-recorded (when not earlier), dated by the activity.",
    sources: [TOPIC.assigned, TOPIC.activity],
    unit: 'hours',
    defaultOwner: 'sales',
    better: 'down',
    formula: (x) => avg(x, 'response.wall'),
  },
  {
    id: 'response-time-wall-median',
    name: 'Lead response time (wall-clock, median)',
    definition: 'Median of the same durations as the wall-clock average.',
    sources: [TOPIC.assigned, TOPIC.activity],
    unit: 'hours',
    defaultOwner: 'sales',
    better: 'down',
    caveat: 'Rounded down to the quarter hour under a day, the hour under a week, the day beyond.',
    formula: (x) => medianOfRows(x.rows, 'response.wall.hist'),
  },
  {
    id: 'disposition-time-avg',
    name: 'Lead disposition time',
    definition:
      "Average days (wall-clock) from a lead's first lead-assigned to its first lead-dispositioned, dated by the disposition.",
    sources: [TOPIC.assigned, TOPIC.disposition],
    unit: 'days',
    defaultOwner: 'sales',
    better: 'down',
    formula: (x) => avg(x, 'disposition.days'),
  },
  {
    id: 'response-sla-attainment',
    name: 'Response SLA attainment',
    definition:
      'Of the latest response SLA records per lead decided in the period (`met` dated by `resolvedAt`, `breached` by `dueAt`), the share met.',
    sources: [TOPIC.sla],
    unit: 'share',
    defaultOwner: 'sales',
    better: 'up',
    formula: (x) => attainment(x, 'response'),
  },
  {
    id: 'disposition-sla-attainment',
    name: 'Disposition SLA attainment',
    definition:
      'Of the latest disposition SLA records per lead decided in the period, the share met (dated as for response).',
    sources: [TOPIC.sla],
    unit: 'share',
    defaultOwner: 'sales',
    better: 'up',
    formula: (x) => attainment(x, 'disposition'),
  },
  {
    id: 'volume-sla-attainment',
    name: 'MQL volume SLA attainment',
    definition:
      'Sum of `actualMqls` over sum of `targetMqls` of the latest (final first) volume-sla-evaluated of each policy period starting in the period.',
    sources: [TOPIC.volume],
    unit: 'share',
    defaultOwner: 'marketing',
    better: 'up',
    formula: (x) => ratio(x.volume.actual, x.volume.target),
  },
  {
    id: 'mql-quality-rate',
    name: 'MQL quality (volume SLA)',
    definition: 'Sum of `acceptedMqls` over sum of `actualMqls` of the same volume SLA evaluations.',
    sources: [TOPIC.volume],
    unit: 'share',
    defaultOwner: 'marketing',
    better: 'up',
    formula: (x) => ratio(x.volume.accepted, x.volume.actual),
  },
  {
    id: 'marketing-spend',
    name: 'Marketing spend',
    definition:
      'Sum of campaign-cost-recorded `amount` (latest per `costId`), each spread evenly over the UTC days from `periodStart` to `periodEnd`; the days in the period count.',
    sources: [TOPIC.cost],
    unit: 'currency',
    defaultOwner: 'marketing',
    better: 'down',
    formula: (x) => money(x, 'spend'),
  },
  {
    id: 'attributed-revenue',
    name: 'Attributed revenue',
    definition:
      "Sum of `credits[].amountMinor` of the latest version of each attribution-credited with `conversionKind` `won`, dated by the first version's `occurredAt`.",
    sources: [TOPIC.credited],
    unit: 'currency',
    defaultOwner: 'marketing',
    better: 'up',
    formula: (x) => money(x, 'attributed'),
  },
  {
    id: 'marketing-roi',
    name: 'Marketing ROI',
    definition: 'Attributed revenue of the period divided by marketing spend of the period.',
    sources: [TOPIC.credited, TOPIC.cost],
    unit: 'ratio',
    defaultOwner: 'marketing',
    better: 'up',
    caveat:
      'Spend and attributed revenue carry a channel but no segment, region or team: those filters leave them whole.',
    formula: (x) => ratio(money(x, 'attributed'), money(x, 'spend')),
  },
  {
    id: 'cac',
    name: 'Customer acquisition cost',
    definition:
      'Marketing spend of the period divided by the leads whose first lifecycle-changed to `customer` falls in the period.',
    sources: [TOPIC.cost, TOPIC.lifecycle],
    unit: 'currency',
    defaultOwner: 'shared',
    better: 'down',
    caveat: 'Counts marketing spend only: sales cost is not among the inputs.',
    formula: cac,
  },
  {
    id: 'cost-per-sql',
    name: 'Cost per SQL',
    definition:
      'Marketing spend of the period divided by the leads whose first lifecycle-changed to `sql` falls in the period; per source (first-touch channel) in the channel table.',
    sources: [TOPIC.cost, TOPIC.lifecycle, TOPIC.touch],
    unit: 'currency',
    defaultOwner: 'marketing',
    better: 'down',
    formula: (x) => ratio(money(x, 'spend'), count(x, 'stage.sql')),
  },
  {
    id: 'clv-cac',
    name: 'CLV:CAC',
    definition:
      'Customer lifetime value (average won `amount` of the period, taken as a yearly value, times the configured average customer life in years) divided by CAC.',
    sources: [TOPIC.opportunity, TOPIC.cost, TOPIC.lifecycle],
    unit: 'ratio',
    defaultOwner: 'shared',
    better: 'up',
    caveat:
      'Churn is not among the inputs: CLV assumes the configured average customer life (REPORTING_CUSTOMER_LIFE_MONTHS) and that won amounts are annual.',
    formula: (x) => {
      const v = clv(x);
      const k = cac(x);
      return v === null || k === null || k === 0 ? null : v / k;
    },
  },
  {
    id: 'pipeline-coverage',
    name: 'Pipeline coverage',
    definition: "Pipeline created in the period divided by the period's won-revenue target.",
    sources: [TOPIC.opportunity],
    unit: 'ratio',
    defaultOwner: 'shared',
    better: 'up',
    caveat: 'Needs a won-revenue target for the period; none set, none shown.',
    formula: (x) => {
      const target = x.targets.get('won-revenue');
      return target === undefined ? null : ratio(money(x, 'pipeline'), target);
    },
  },
  {
    id: 'win-rate',
    name: 'Win rate',
    definition:
      'Opportunities first won in the period over those first won or first lost in the period (latest status decides).',
    sources: [TOPIC.opportunity],
    unit: 'share',
    defaultOwner: 'sales',
    better: 'up',
    formula: (x) => ratio(count(x, 'won'), count(x, 'won') + count(x, 'lost')),
  },
  {
    id: 'sales-cycle-length',
    name: 'Sales cycle length',
    definition:
      "Average days from an opportunity's first opportunity-updated to its first with status `won`, over those won in the period.",
    sources: [TOPIC.opportunity],
    unit: 'days',
    defaultOwner: 'sales',
    better: 'down',
    formula: (x) => avg(x, 'won.cycle'),
  },
  {
    id: 'pipeline-velocity',
    name: 'Pipeline velocity',
    definition:
      'Opportunities created in the period × win rate × average won amount ÷ sales cycle length (days): revenue per day the pipeline moves.',
    sources: [TOPIC.opportunity],
    unit: 'per-day',
    defaultOwner: 'sales',
    better: 'up',
    formula: (x) => {
      const won = total(x.rows, 'won');
      const winRate = ratio(won.count, won.count + count(x, 'lost'));
      const deal = ratio(won.sum / x.minorPerUnit, won.count);
      const cycle = avg(x, 'won.cycle');
      if (winRate === null || deal === null || cycle === null || cycle === 0) return null;
      return (count(x, 'pipeline') * winRate * deal) / cycle;
    },
  },
  {
    id: 'tier1-mql-coverage',
    name: 'Tier 1 account coverage (MQL)',
    definition:
      'Share of the accounts whose latest account-scored `tier` is `tier_1` that have a lead (lead-upserted `accountId`) with its first `mql` in the period.',
    sources: [TOPIC.account, TOPIC.lead, TOPIC.lifecycle],
    unit: 'share',
    defaultOwner: 'marketing',
    better: 'up',
    caveat:
      'Counts the Tier 1 accounts as they are now; segment, region, channel and team filters do not apply.',
    formula: (x) => ratio(x.tier1.withMql, x.tier1.accounts),
  },
  {
    id: 'tier1-opportunity-coverage',
    name: 'Tier 1 account coverage (opportunity)',
    definition:
      'Share of the Tier 1 accounts with an opportunity (opportunity-updated `accountId`) first seen in the period.',
    sources: [TOPIC.account, TOPIC.opportunity],
    unit: 'share',
    defaultOwner: 'sales',
    better: 'up',
    caveat:
      'Counts the Tier 1 accounts as they are now; segment, region, channel and team filters do not apply.',
    formula: (x) => ratio(x.tier1.withOpportunity, x.tier1.accounts),
  },
];

/** The catalog without formulas: what the API and the docs show. */
export const catalogDefinitions = (): MetricDefinition[] =>
  METRICS_CATALOG.map(({ formula: _formula, ...d }) => d);

export const metricById = (id: string): CatalogEntry | undefined => METRICS_CATALOG.find((m) => m.id === id);
