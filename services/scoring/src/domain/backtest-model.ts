import { ALL_BANDS, isSalesReadyBand, type Band } from './band';
import { liftOf, OUTCOME_TARGETS, outcomeReaches, ratio, type OutcomeTarget } from './backtest-outcome';
import type { LeadOutcome } from './compare-models';
import type { LeadScore } from './lead-score';
import type { LeadProfile, Touchpoint } from './lead-signals';
import { scoreLead } from './score-lead';
import type { ScoringModel } from './scoring-model';

/** A lead's recorded history: its profile (and when it became known), touchpoints, and what sales did. */
export type BacktestLead = {
  leadId: string;
  profile: LeadProfile | null;
  profileAt: number | null;
  touchpoints: readonly Touchpoint[];
  outcome: LeadOutcome | null;
};

/** Event-time period, both ends included (epoch ms). */
export type BacktestPeriod = { from: number; to: number };

export type TargetFigures = { converted: number; rate: number | null; lift: number | null };

export type PrecisionRecall = {
  /** Leads that reached the target (sales accepted / qualified / won them). */
  positives: number;
  /** MQLs that reached it. */
  truePositives: number;
  precision: number | null;
  recall: number | null;
};

export type ScoreDecile = {
  /** 1 = the highest-scoring tenth. */
  decile: number;
  leads: number;
  minTotal: number;
  maxTotal: number;
  targets: Record<OutcomeTarget, TargetFigures>;
};

export type BacktestSide = {
  modelId: string;
  modelVersion: number;
  /** The highest band each lead reached in the period. */
  bandCounts: Record<Band, number>;
  /** Leads that reached MQL or Hot at some moment of the period. */
  mqls: number;
  precisionRecall: Record<OutcomeTarget, PrecisionRecall>;
  liftPerBand: Record<Band, { leads: number; targets: Record<OutcomeTarget, TargetFigures> }>;
  liftPerDecile: ScoreDecile[];
};

export type LeadBandChange = {
  leadId: string;
  from: Band;
  to: Band;
  publishedTotal: number;
  candidateTotal: number;
  outcome: LeadOutcome | null;
  /** What differs between the two explanations, largest effect first. */
  reasons: string[];
};

export type ModelBacktest = {
  period: BacktestPeriod;
  /** Leads with at least one recorded event in the period. */
  leads: number;
  baseRates: Record<OutcomeTarget, number | null>;
  published: BacktestSide;
  candidate: BacktestSide;
  /** Published band -> candidate band, every non-empty pair. */
  bandTransitions: { from: Band; to: Band; leads: number }[];
  bandChanges: { count: number; up: number; down: number; sample: LeadBandChange[] };
  summary: string[];
};

const EMPTY_PROFILE: LeadProfile = { seniority: 'unknown', properties: {} };
const BAND_RANK: Record<Band, number> = { hot: 4, mql: 3, nurture: 2, cold: 1, disqualified: 0 };

export type Replayed = { score: LeadScore; mql: boolean };

/** The moments something happened to the lead in the period, in event-time order. */
const momentsOf = (lead: BacktestLead, period: BacktestPeriod): number[] => {
  const moments = new Set<number>();
  for (const t of lead.touchpoints)
    if (t.occurredAt >= period.from && t.occurredAt <= period.to) moments.add(t.occurredAt);
  if (lead.profileAt !== null && lead.profileAt >= period.from && lead.profileAt <= period.to)
    moments.add(lead.profileAt);
  return [...moments].sort((a, b) => a - b);
};

/**
 * Whether the lead's score can go down between two of its moments while its profile stays the same:
 * only through a rule that decays, counts within a window, or takes points, and only if the lead
 * has enough touchpoints of that rule's types for it to fire at all. Otherwise touchpoints only add.
 */
const canDecrease = (model: ScoringModel, lead: BacktestLead): boolean =>
  model.rules.some((rule) => {
    if (rule.kind !== 'engagement') return false;
    if (rule.halfLifeDays === undefined && rule.withinDays === undefined && rule.points >= 0) return false;
    const types = new Set<string>(rule.touchpointTypes);
    let n = 0;
    for (const t of lead.touchpoints) if (types.has(t.type) && ++n >= rule.minCount) return true;
    return false;
  });

/**
 * The moments worth scoring: all of them when the score can decrease between moments; otherwise the
 * score only grows while the profile stays the same, so the last moment before the profile became
 * known and the last moment overall hold the peaks (the profile can take fit points or disqualify).
 */
const momentsToScore = (
  model: ScoringModel,
  lead: BacktestLead,
  moments: readonly number[],
): readonly number[] => {
  if (moments.length <= 2 || canDecrease(model, lead)) return moments;
  const last = moments[moments.length - 1] as number;
  const profileAt = lead.profileAt;
  if (profileAt === null || lead.profile === null) return [last];
  const before = moments.filter((m) => m < profileAt).pop();
  return before === undefined ? [last] : [before, last];
};

/**
 * Re-scores the lead at its moments in the period as the data path would have (event time: later
 * touchpoints and a profile not known yet are ignored) and keeps its peak: the highest band (then
 * total) it reached, and whether it was an MQL at any moment.
 */
export const replayLead = (
  model: ScoringModel,
  lead: BacktestLead,
  period: BacktestPeriod,
): Replayed | undefined => {
  const moments = momentsOf(lead, period);
  if (moments.length === 0) return undefined;
  let peak: LeadScore | undefined;
  let mql = false;
  for (const at of momentsToScore(model, lead, moments)) {
    const profile =
      lead.profile !== null && lead.profileAt !== null && at >= lead.profileAt ? lead.profile : EMPTY_PROFILE;
    const score = scoreLead(model, { profile, touchpoints: lead.touchpoints }, at);
    if (isSalesReadyBand(score.band)) mql = true;
    if (
      peak === undefined ||
      BAND_RANK[score.band] > BAND_RANK[peak.band] ||
      (score.band === peak.band && score.total > peak.total)
    )
      peak = score;
  }
  return peak === undefined ? undefined : { score: peak, mql };
};

const perBand = <T>(make: () => T): Record<Band, T> =>
  Object.fromEntries(ALL_BANDS.map((band) => [band, make()])) as Record<Band, T>;
const perTarget = <T>(make: (target: OutcomeTarget) => T): Record<OutcomeTarget, T> =>
  Object.fromEntries(OUTCOME_TARGETS.map((t) => [t, make(t)])) as Record<OutcomeTarget, T>;

const figures = (
  leads: readonly { outcome: LeadOutcome | null }[],
  target: OutcomeTarget,
  baseRate: number | null,
): TargetFigures => {
  const converted = leads.filter((l) => outcomeReaches(l.outcome, target)).length;
  const rate = ratio(converted, leads.length);
  return { converted, rate, lift: liftOf(rate, baseRate) };
};

type Row = { leadId: string; outcome: LeadOutcome | null; replayed: Replayed };

const sideOf = (
  model: ScoringModel,
  rows: readonly Row[],
  baseRates: Record<OutcomeTarget, number | null>,
): BacktestSide => {
  const bandCounts = perBand(() => 0);
  const byBand = perBand<Row[]>(() => []);
  for (const row of rows) {
    bandCounts[row.replayed.score.band] += 1;
    byBand[row.replayed.score.band].push(row);
  }
  const mqlRows = rows.filter((r) => r.replayed.mql);
  const precisionRecall = perTarget((target): PrecisionRecall => {
    const positives = rows.filter((r) => outcomeReaches(r.outcome, target)).length;
    const truePositives = mqlRows.filter((r) => outcomeReaches(r.outcome, target)).length;
    return {
      positives,
      truePositives,
      precision: ratio(truePositives, mqlRows.length),
      recall: ratio(truePositives, positives),
    };
  });
  const liftPerBand = Object.fromEntries(
    ALL_BANDS.map((band) => [
      band,
      { leads: byBand[band].length, targets: perTarget((t) => figures(byBand[band], t, baseRates[t])) },
    ]),
  ) as BacktestSide['liftPerBand'];
  const ranked = [...rows].sort(
    (a, b) =>
      b.replayed.score.total - a.replayed.score.total ||
      (a.leadId < b.leadId ? -1 : a.leadId > b.leadId ? 1 : 0),
  );
  const liftPerDecile: ScoreDecile[] = [];
  for (let d = 0; d < 10; d++) {
    const slice = ranked.slice(
      Math.floor((d * ranked.length) / 10),
      Math.floor(((d + 1) * ranked.length) / 10),
    );
    const first = slice[0];
    const last = slice[slice.length - 1];
    if (first === undefined || last === undefined) continue;
    liftPerDecile.push({
      decile: d + 1,
      leads: slice.length,
      minTotal: last.replayed.score.total,
      maxTotal: first.replayed.score.total,
      targets: perTarget((t) => figures(slice, t, baseRates[t])),
    });
  }
  return {
    modelId: model.id,
    modelVersion: model.version,
    bandCounts,
    mqls: mqlRows.length,
    precisionRecall,
    liftPerBand,
    liftPerDecile,
  };
};

/** What differs between two explanations of the same lead, largest effect first. */
export const explainBandChange = (
  published: LeadScore,
  candidate: LeadScore,
  models: { published: ScoringModel; candidate: ScoringModel },
): string[] => {
  const reasons: { weight: number; text: string }[] = [];
  const threshold = (model: ScoringModel, band: Band) => model.bands.find((b) => b.band === band)?.min;
  for (const band of new Set([published.band, candidate.band])) {
    const [before, after] = [threshold(models.published, band), threshold(models.candidate, band)];
    if (before !== after && after !== undefined)
      reasons.push({
        weight: Math.abs(after - (before ?? 0)),
        text: `${band} starts at ${after} (published: ${before ?? 'no such band'})`,
      });
  }
  if (published.disqualifiedBy !== candidate.disqualifiedBy) {
    reasons.push({
      weight: Number.POSITIVE_INFINITY,
      text:
        candidate.disqualifiedBy === undefined
          ? `no longer disqualified (${published.disqualifiedBy})`
          : `disqualified: ${candidate.disqualifiedBy}`,
    });
  }
  const before = new Map(published.firedRules.map((r) => [r.ruleId, r]));
  const after = new Map(candidate.firedRules.map((r) => [r.ruleId, r]));
  for (const [id, rule] of after) {
    const old = before.get(id);
    if (old === undefined)
      reasons.push({
        weight: Math.abs(rule.points),
        text: `${id} fires (${rule.points >= 0 ? '+' : ''}${rule.points}): ${rule.detail}`,
      });
    else if (old.points !== rule.points)
      reasons.push({
        weight: Math.abs(rule.points - old.points),
        text: `${id}: ${old.points} -> ${rule.points} points`,
      });
  }
  for (const [id, rule] of before)
    if (!after.has(id))
      reasons.push({
        weight: Math.abs(rule.points),
        text: `${id} no longer fires (was ${rule.points >= 0 ? '+' : ''}${rule.points})`,
      });
  for (const adjustment of candidate.adjustments)
    if (!published.adjustments.some((a) => a.detail === adjustment.detail))
      reasons.push({ weight: Math.abs(adjustment.before - adjustment.after), text: adjustment.detail });
  reasons.push({ weight: -1, text: `total ${published.total} -> ${candidate.total}` });
  return reasons.sort((a, b) => b.weight - a.weight).map((r) => r.text);
};

const pct = (value: number | null): string => (value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`);
const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));
const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const TARGET_LABEL: Record<OutcomeTarget, string> = {
  accepted: 'accepted by sales',
  qualified: 'qualified (SQL)',
  won: 'won',
};

const summaryOf = (report: Omit<ModelBacktest, 'summary'>): string[] => {
  const { published: p, candidate: c } = report;
  const name = (s: BacktestSide) => `${s.modelId} v${s.modelVersion}`;
  const lines = [
    `Candidate ${name(c)} against the published ${name(p)}: ${report.leads} leads active from ${day(report.period.from)} to ${day(report.period.to)} (UTC), replayed at event time.`,
    `MQLs: ${p.mqls} -> ${c.mqls} (${signed(c.mqls - p.mqls)}).`,
    ...OUTCOME_TARGETS.map(
      (t) =>
        `Against ${TARGET_LABEL[t]} (${p.precisionRecall[t].positives} leads): precision ${pct(p.precisionRecall[t].precision)} -> ${pct(c.precisionRecall[t].precision)}, recall ${pct(p.precisionRecall[t].recall)} -> ${pct(c.precisionRecall[t].recall)}.`,
    ),
    `Leads per band: ${ALL_BANDS.map((b) => `${b} ${p.bandCounts[b]} -> ${c.bandCounts[b]}`).join(', ')}.`,
  ];
  const { count, up, down, sample } = report.bandChanges;
  const example = sample[0];
  lines.push(
    count === 0
      ? 'No lead changes band.'
      : `${count} leads change band (${up} up, ${down} down)` +
          (example === undefined
            ? '.'
            : `; e.g. ${example.leadId} ${example.from} -> ${example.to}: ${example.reasons[0] ?? ''}.`),
  );
  const top = (s: BacktestSide) => s.liftPerDecile[0]?.targets.accepted.lift ?? null;
  lines.push(
    `Top score decile converts to accepted at ${top(p) ?? 'n/a'}x the average under the published model, ${top(c) ?? 'n/a'}x under the candidate.`,
  );
  return lines;
};

/**
 * Replays a period's leads through the published model and a candidate, at event time, and reports
 * side by side: leads per band, MQLs, precision and recall of the MQL threshold against what sales
 * accepted, qualified and won, lift per band and per score decile, and the leads that change band
 * (a sample with reasons). Pure: nothing is written or emitted.
 */
export const backtestModel = (
  published: ScoringModel,
  candidate: ScoringModel,
  history: readonly BacktestLead[],
  period: BacktestPeriod,
  sampleSize: number,
): ModelBacktest => {
  const rows: { leadId: string; outcome: LeadOutcome | null; published: Replayed; candidate: Replayed }[] =
    [];
  for (const lead of history) {
    const before = replayLead(published, lead, period);
    const after = before && replayLead(candidate, lead, period);
    if (before === undefined || after === undefined) continue;
    rows.push({ leadId: lead.leadId, outcome: lead.outcome, published: before, candidate: after });
  }
  const baseRates = perTarget((t) =>
    ratio(rows.filter((r) => outcomeReaches(r.outcome, t)).length, rows.length),
  );
  const pick = (side: 'published' | 'candidate'): Row[] =>
    rows.map((r) => ({ leadId: r.leadId, outcome: r.outcome, replayed: r[side] }));

  const transitions = new Map<string, { from: Band; to: Band; leads: number }>();
  const changes: LeadBandChange[] = [];
  let up = 0;
  for (const r of rows) {
    const [from, to] = [r.published.score.band, r.candidate.score.band];
    const key = `${from}>${to}`;
    const entry = transitions.get(key) ?? { from, to, leads: 0 };
    entry.leads += 1;
    transitions.set(key, entry);
    if (from === to) continue;
    if (BAND_RANK[to] > BAND_RANK[from]) up += 1;
    changes.push({
      leadId: r.leadId,
      from,
      to,
      publishedTotal: r.published.score.total,
      candidateTotal: r.candidate.score.total,
      outcome: r.outcome,
      reasons: [],
    });
  }
  const byId = new Map(rows.map((r) => [r.leadId, r]));
  const sample = changes
    .sort(
      (a, b) =>
        Math.abs(b.candidateTotal - b.publishedTotal) - Math.abs(a.candidateTotal - a.publishedTotal) ||
        (a.leadId < b.leadId ? -1 : a.leadId > b.leadId ? 1 : 0),
    )
    .slice(0, sampleSize)
    .map((change) => {
      const row = byId.get(change.leadId);
      return row === undefined
        ? change
        : {
            ...change,
            reasons: explainBandChange(row.published.score, row.candidate.score, { published, candidate }),
          };
    });
  const rank = (b: Band) => ALL_BANDS.indexOf(b);
  const report = {
    period,
    leads: rows.length,
    baseRates,
    published: sideOf(published, pick('published'), baseRates),
    candidate: sideOf(candidate, pick('candidate'), baseRates),
    bandTransitions: [...transitions.values()].sort(
      (a, b) => rank(a.from) - rank(b.from) || rank(a.to) - rank(b.to),
    ),
    bandChanges: { count: changes.length, up, down: changes.length - up, sample },
  };
  return { ...report, summary: summaryOf(report) };
};
