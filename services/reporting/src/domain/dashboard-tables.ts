import { MILESTONES, type Milestone } from './lead-record';
import { groupBy, ratio, total, type RollupRow, type Total } from './rollup';

// The dashboard's tables, each read off the period's roll-up.

export type FunnelRow = { readonly stage: Milestone; readonly count: number };

export const funnelOf = (rows: readonly RollupRow[]): FunnelRow[] =>
  MILESTONES.map((stage) => ({ stage, count: total(rows, `stage.${stage}`).count }));

export type ChannelTableRow = {
  readonly channel: string;
  readonly leads: number;
  readonly sqls: number;
  readonly pipeline: number;
  readonly spend: number;
  readonly attributedRevenue: number;
  readonly costPerSql: number | null;
};

const get = (m: Map<string, Total>, k: string): Total => m.get(k) ?? { sum: 0, count: 0 };

/** Per channel (a lead's first-touch channel; a cost's or a credit's own), biggest pipeline first. */
export function channelsOf(rows: readonly RollupRow[], minorPerUnit: number): ChannelTableRow[] {
  const byChannel = (metric: string) => groupBy(rows, metric, (r) => r.channel);
  const leads = byChannel('stage.lead');
  const sqls = byChannel('stage.sql');
  const pipeline = byChannel('pipeline');
  const spend = byChannel('spend');
  const attributed = byChannel('attributed');
  const channels = new Set([
    ...leads.keys(),
    ...sqls.keys(),
    ...pipeline.keys(),
    ...spend.keys(),
    ...attributed.keys(),
  ]);
  return [...channels]
    .map((channel) => {
      const s = get(spend, channel).sum / minorPerUnit;
      const q = get(sqls, channel).count;
      return {
        channel,
        leads: get(leads, channel).count,
        sqls: q,
        pipeline: get(pipeline, channel).sum / minorPerUnit,
        spend: s,
        attributedRevenue: get(attributed, channel).sum / minorPerUnit,
        costPerSql: ratio(s, q),
      };
    })
    .sort((a, b) => b.pipeline - a.pipeline || b.leads - a.leads || a.channel.localeCompare(b.channel));
}

export type AttainmentTableRow = {
  readonly key: string;
  readonly by: 'rep' | 'team';
  readonly met: number;
  readonly missed: number;
  readonly open: number;
  readonly rate: number | null;
};

/** The metrics attainmentOf, rejectionsOf and dispositionsOf read, with every detail (rep, reason …). */
export const DETAIL_METRICS: readonly string[] = [
  ...['response', 'disposition'].flatMap((k) => ['met', 'missed', 'open'].map((o) => `sla.${k}.${o}`)),
  'disposition',
];

/** SLA outcomes of one kind per rep and per team, ranked by rate (worst first: who needs help). */
export function attainmentOf(
  rows: readonly RollupRow[],
  kind: 'response' | 'disposition',
): AttainmentTableRow[] {
  const per = (by: 'rep' | 'team'): AttainmentTableRow[] => {
    const key = (r: RollupRow) => (by === 'rep' ? r.detail : r.team);
    const met = groupBy(rows, `sla.${kind}.met`, key);
    const missed = groupBy(rows, `sla.${kind}.missed`, key);
    const open = groupBy(rows, `sla.${kind}.open`, key);
    return [...new Set([...met.keys(), ...missed.keys(), ...open.keys()])].map((k) => {
      const m = get(met, k).count;
      const x = get(missed, k).count;
      return { key: k, by, met: m, missed: x, open: get(open, k).count, rate: ratio(m, m + x) };
    });
  };
  const order = (a: AttainmentTableRow, b: AttainmentTableRow) =>
    (a.rate ?? 2) - (b.rate ?? 2) || a.key.localeCompare(b.key);
  return [...per('rep').sort(order), ...per('team').sort(order)];
}

export type QualityTableRow = {
  readonly bucket: string;
  readonly leads: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly sqls: number;
  readonly won: number;
  readonly acceptRate: number | null;
  readonly sqlRate: number | null;
  readonly winRate: number | null;
};

const BANDS = ['hot', 'mql', 'nurture', 'cold', 'disqualified', 'unknown'];

/** The score's calibration: per band (at MQL time) or per score decile, what sales did with those MQLs. */
export function qualityOf(rows: readonly RollupRow[], kind: 'band' | 'decile'): QualityTableRow[] {
  const prefix = `${kind}:`;
  const by = (metric: string) =>
    new Map(
      [...groupBy(rows, metric, (r) => r.detail)]
        .filter(([k]) => k.startsWith(prefix))
        .map(([k, t]) => [k.slice(prefix.length), t.count]),
    );
  const leads = by('quality.leads');
  const accepted = by('quality.accepted');
  const rejected = by('quality.rejected');
  const sqls = by('quality.sql');
  const won = by('quality.won');
  const rank = (b: string) => (kind === 'band' ? BANDS.indexOf(b) : -Number.parseInt(b, 10) || 0);
  return [...leads.keys()]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((bucket) => {
      const n = leads.get(bucket) ?? 0;
      const row = {
        bucket,
        leads: n,
        accepted: accepted.get(bucket) ?? 0,
        rejected: rejected.get(bucket) ?? 0,
        sqls: sqls.get(bucket) ?? 0,
        won: won.get(bucket) ?? 0,
      };
      return {
        ...row,
        acceptRate: ratio(row.accepted, n),
        sqlRate: ratio(row.sqls, n),
        winRate: ratio(row.won, n),
      };
    });
}

export type RejectionTableRow = {
  readonly source: string;
  readonly campaign: string;
  readonly band: string;
  readonly reason: string;
  readonly count: number;
};

const REJECTIONS = new Set(['rejected', 'disqualified']);

/** Rejected and disqualified leads of the period by source, campaign, band and reason, most first. */
export function rejectionsOf(rows: readonly RollupRow[]): RejectionTableRow[] {
  const out = new Map<string, RejectionTableRow>();
  for (const [detail, t] of groupBy(rows, 'disposition', (r) => r.detail)) {
    const [source = '', campaign = '', band = '', disposition = '', reason = ''] = detail.split('|');
    if (!REJECTIONS.has(disposition) || t.count === 0) continue;
    const key = [source, campaign, band, reason].join('|');
    const cur = out.get(key);
    out.set(key, { source, campaign, band, reason, count: (cur?.count ?? 0) + t.count });
  }
  return [...out.values()].sort(
    (a, b) =>
      b.count - a.count ||
      `${a.source}${a.campaign}${a.reason}`.localeCompare(`${b.source}${b.campaign}${b.reason}`),
  );
}

/** Dispositions of the period by kind (accepted, rejected, …). */
export function dispositionsOf(rows: readonly RollupRow[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const [detail, t] of groupBy(rows, 'disposition', (r) => r.detail)) {
    const kind = detail.split('|')[3] ?? 'unknown';
    out.set(kind, (out.get(kind) ?? 0) + t.count);
  }
  return out;
}

/** MQLs nobody accepted or dispositioned yet, by age at `asOf`: lead aging. */
export function agingOf(
  rows: readonly RollupRow[],
  asOf: number,
): { readonly bucket: string; readonly count: number }[] {
  const buckets = [
    { bucket: '0-2 days', max: 2 },
    { bucket: '3-7 days', max: 7 },
    { bucket: '8-14 days', max: 14 },
    { bucket: 'over 14 days', max: Infinity },
  ];
  const counts = buckets.map((b) => ({ bucket: b.bucket, count: 0 }));
  for (const r of rows) {
    if (r.metric !== 'mql.unworked' || r.day === null) continue;
    const age = Math.floor((asOf - r.day) / 86_400_000);
    const i = buckets.findIndex((b) => age <= b.max);
    counts[i]!.count += r.count;
  }
  return counts;
}
