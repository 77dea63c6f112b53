import { bucketOf } from './histogram';
import { reached, scoreAtMql, type LeadRecord, type Milestone, MILESTONES } from './lead-record';
import type { OpportunityRecord } from './opportunity-record';
import type { CostRecord, CreditRecord, SlaRecord } from './fact-records';

/** The filter dimensions a counter is kept under; `*` where the dimension does not apply (spend has no segment). */
export type Dims = {
  readonly segment: string;
  readonly region: string;
  readonly channel: string;
  readonly team: string;
};

/**
 * What one entity adds to the daily roll-up: under `metric`, on UTC `day` (epoch ms at midnight),
 * for one combination of dimensions and a `detail` (a breakdown: a rep, a band, a reason …).
 */
export type Contribution = {
  readonly metric: string;
  readonly day: number;
  readonly dims: Dims;
  readonly detail: string;
  readonly sum: number;
  readonly count: number;
};

/** Settings the contributions depend on: money in other currencies is left out (there are no FX rates). */
export type ContributionContext = { readonly currency: string };

export const ANY = '*';
const DAY = 86_400_000;
const HOUR = 3_600_000;
const dayOf = (at: number): number => Math.floor(at / DAY) * DAY;

const c = (metric: string, at: number, dims: Dims, sum: number, detail = ''): Contribution => ({
  metric,
  day: dayOf(at),
  dims,
  detail,
  sum,
  count: 1,
});

export const leadDims = (l: LeadRecord): Dims => ({
  segment: l.profile?.value.segment ?? 'unknown',
  region: l.profile?.value.region ?? 'unknown',
  channel: l.firstTouch?.value.channel ?? 'none',
  team: l.assignment?.value.teamId ?? 'unassigned',
});

/** Stage a cohort starts in, and the stage whose reach it counts (`mql.sql`: MQLs of the day that reached SQL). */
const COHORTS: readonly (readonly [Milestone, Milestone])[] = [
  ['mql', 'sal'],
  ['mql', 'sql'],
  ['sql', 'opportunity'],
  ['lead', 'customer'],
  ['sal', 'customer'],
];

const ACCEPTED = new Set(['accepted', 'qualified']);
const REJECTED = new Set(['rejected', 'disqualified']);

/** The decile bucket of a 0..100 score: `0-9` … `90-100`. */
export const decileOf = (total: number): string => {
  const d = Math.min(9, Math.max(0, Math.floor(total / 10)));
  return d === 9 ? '90-100' : `${d * 10}-${d * 10 + 9}`;
};

export function leadContributions(l: LeadRecord): Contribution[] {
  if (l.mergedInto !== null || l.milestones.lead === null) return [];
  const dims = leadDims(l);
  const out: Contribution[] = [];
  for (const m of MILESTONES) {
    const at = l.milestones[m];
    if (at !== null) out.push(c(`stage.${m}`, at, dims, 1));
  }
  for (const [from, to] of COHORTS) {
    const at = l.milestones[from];
    if (at !== null && reached(l, to)) out.push(c(`${from}.${to}`, at, dims, 1));
  }
  const assigned = l.firstAssignedAt;
  if (assigned !== null && l.firstSalesTouchAt !== null && l.firstSalesTouchAt >= assigned) {
    const hours = (l.firstSalesTouchAt - assigned) / HOUR;
    out.push(c('response.wall', l.firstSalesTouchAt, dims, hours));
    out.push(c('response.wall.hist', l.firstSalesTouchAt, dims, hours, String(bucketOf(hours))));
  }
  if (assigned !== null && l.firstDispositionAt !== null && l.firstDispositionAt >= assigned)
    out.push(c('disposition.days', l.firstDispositionAt, dims, (l.firstDispositionAt - assigned) / DAY));
  const mql = l.milestones.mql;
  const score = scoreAtMql(l);
  const disposition = l.disposition?.value.disposition ?? null;
  if (mql !== null) {
    const buckets = [
      `band:${score?.band ?? 'unknown'}`,
      `decile:${score ? decileOf(score.total) : 'unknown'}`,
    ];
    const accepted = (disposition !== null && ACCEPTED.has(disposition)) || reached(l, 'sal');
    const rejected = disposition !== null && REJECTED.has(disposition) && !reached(l, 'sal');
    for (const b of buckets) {
      out.push(c('quality.leads', mql, dims, 1, b));
      if (accepted) out.push(c('quality.accepted', mql, dims, 1, b));
      if (rejected) out.push(c('quality.rejected', mql, dims, 1, b));
      if (reached(l, 'sql')) out.push(c('quality.sql', mql, dims, 1, b));
      if (reached(l, 'customer')) out.push(c('quality.won', mql, dims, 1, b));
    }
    if (!reached(l, 'sal') && disposition === null) out.push(c('mql.unworked', mql, dims, 1));
  }
  if (l.disposition) {
    const d = l.disposition.value;
    const detail = [
      l.profile?.value.source ?? 'unknown',
      l.firstTouch?.value.campaignId ?? 'none',
      score?.band ?? 'unknown',
      d.disposition,
      d.reason ?? 'none',
    ].join('|');
    out.push(c('disposition', l.disposition.at, dims, 1, detail));
  }
  return out;
}

// Marketing sources a deal when its lead's first touch came through a marketing channel; a
// `direct` or unclassified first touch (typed URL, sales outreach) does not.
const NOT_MARKETING = new Set(['direct', 'other', 'none']);

export function opportunityContributions(o: OpportunityRecord, ctx: ContributionContext): Contribution[] {
  const s = o.state?.value;
  if (!s || o.createdAt === null) return [];
  const dims: Dims = o.lead
    ? { segment: o.lead.segment, region: o.lead.region, channel: o.lead.channel, team: o.lead.team }
    : { segment: 'unknown', region: 'unknown', channel: 'none', team: 'unassigned' };
  const amount = s.amount && s.amount.currency === ctx.currency ? s.amount.amountMinor : 0;
  const out: Contribution[] = [c('pipeline', o.createdAt, dims, amount)];
  const touched = o.lead?.firstTouchAt ?? null;
  if (touched !== null && touched <= o.createdAt) {
    out.push(c('pipeline.influenced', o.createdAt, dims, amount));
    if (!NOT_MARKETING.has(dims.channel)) out.push(c('pipeline.sourced', o.createdAt, dims, amount));
  }
  if (s.status === 'won' && o.firstWonAt !== null) {
    out.push(c('won', o.firstWonAt, dims, amount));
    out.push(c('won.cycle', o.firstWonAt, dims, (o.firstWonAt - o.createdAt) / DAY));
  }
  if (s.status === 'lost' && o.firstLostAt !== null) out.push(c('lost', o.firstLostAt, dims, amount));
  return out;
}

/** Spend spread evenly over the days of the cost's period (whole minor units, the remainder on the first days). */
export function costContributions(r: CostRecord, ctx: ContributionContext): Contribution[] {
  const { cost } = r;
  if (cost.amount.currency !== ctx.currency) return [];
  // Avro dates: days since the epoch, the last day included.
  const start = cost.periodStart * DAY;
  const days = Math.max(1, cost.periodEnd - cost.periodStart + 1);
  const dims: Dims = { segment: ANY, region: ANY, channel: cost.channel, team: ANY };
  const total = cost.amount.amountMinor;
  const base = Math.floor(total / days);
  const extra = total - base * days;
  return Array.from({ length: days }, (_, i) => ({
    ...c('spend', start + i * DAY, dims, base + (i < extra ? 1 : 0), cost.campaignId),
  }));
}

/** A won conversion's revenue credited to channels, on the day the conversion was first credited. */
export function creditContributions(r: CreditRecord, ctx: ContributionContext): Contribution[] {
  const e = r.credited;
  if (e.conversionKind !== 'won' || !e.revenue || e.revenue.currency !== ctx.currency) return [];
  return e.credits.map((k) =>
    c(
      'attributed',
      r.firstAt,
      { segment: ANY, region: ANY, channel: k.channel, team: ANY },
      k.amountMinor ?? Math.round(k.weight * e.revenue!.amountMinor),
      k.campaignId ?? 'none',
    ),
  );
}

/** An SLA record's outcome per rep (detail) and team; a resolved response also gives its business-hours time. */
export function slaContributions(r: SlaRecord): Contribution[] {
  const s = r.status;
  if (s.kind === 'unknown' || s.status === 'cancelled' || s.status === 'unknown') return [];
  const dims: Dims = { segment: ANY, region: ANY, channel: ANY, team: s.teamId ?? 'unassigned' };
  const rep = s.repId ?? 'unassigned';
  // A late first contact still has a response time: leaving breached ones out would flatter the average.
  const business =
    s.kind === 'response' && s.elapsedBusinessMs !== null && s.resolvedAt !== null
      ? [
          c('response.business', s.resolvedAt, dims, s.elapsedBusinessMs / HOUR),
          c(
            'response.business.hist',
            s.resolvedAt,
            dims,
            s.elapsedBusinessMs / HOUR,
            String(bucketOf(s.elapsedBusinessMs / HOUR)),
          ),
        ]
      : [];
  if (s.status === 'met')
    return [c(`sla.${s.kind}.met`, s.resolvedAt ?? s.occurredAt, dims, 1, rep), ...business];
  if (s.status === 'breached') return [c(`sla.${s.kind}.missed`, s.dueAt, dims, 1, rep), ...business];
  return [c(`sla.${s.kind}.open`, s.startedAt, dims, 1, rep)];
}

const keyOf = (x: Contribution) =>
  `${x.metric}\u0000${x.day}\u0000${x.dims.segment}\u0000${x.dims.region}\u0000${x.dims.channel}\u0000${x.dims.team}\u0000${x.detail}`;

/**
 * The change to the roll-up when entities go from `before` to `after`: contributions of the new
 * states minus those of the old ones, summed per counter, zero changes dropped.
 */
export function delta(before: readonly Contribution[], after: readonly Contribution[]): Contribution[] {
  const acc = new Map<string, { base: Contribution; sum: number; count: number }>();
  const add = (x: Contribution, sign: 1 | -1) => {
    const k = keyOf(x);
    const cur = acc.get(k) ?? { base: x, sum: 0, count: 0 };
    cur.sum += sign * x.sum;
    cur.count += sign * x.count;
    acc.set(k, cur);
  };
  for (const x of before) add(x, -1);
  for (const x of after) add(x, 1);
  return [...acc.values()]
    .filter((v) => v.count !== 0 || Math.abs(v.sum) > 1e-9)
    .map((v) => ({ ...v.base, sum: v.sum, count: v.count }));
}
