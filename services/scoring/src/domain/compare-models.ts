import { ALL_BANDS, type Band } from './band';
import type { LeadSignals } from './lead-signals';
import { scoreLead } from './score-lead';
import type { ScoringModel } from './scoring-model';

/** What happened to the lead in the end, as far as it is known. */
export type LeadOutcome = 'accepted' | 'rejected' | 'sql' | 'won' | 'lost';

export type ComparedLead = { leadId: string; signals: LeadSignals; outcome?: LeadOutcome };

/** Rates are shares of the band's leads with an outcome (null when none has one), rounded to 4 decimals. */
export type BandConversion = {
  leads: number;
  withOutcome: number;
  /** Accepted or beyond: accepted, sql, won, lost (a lost opportunity was accepted and qualified first). */
  accepted: number;
  /** sql, won or lost. */
  sql: number;
  won: number;
  acceptedRate: number | null;
  sqlRate: number | null;
  wonRate: number | null;
};

export type BandChange = { leadId: string; from: Band; to: Band };

export type ModelComparisonEntry = {
  modelId: string;
  modelVersion: number;
  bandCounts: Record<Band, number>;
  /** Leads whose band differs from the first model's; empty for the first model. */
  bandChanges: BandChange[];
  conversion: Record<Band, BandConversion>;
};

const reachedAccepted = (o: LeadOutcome): boolean =>
  o === 'accepted' || o === 'sql' || o === 'won' || o === 'lost';
const reachedSql = (o: LeadOutcome): boolean => o === 'sql' || o === 'won' || o === 'lost';

const rate = (count: number, of: number): number | null =>
  of === 0 ? null : Math.round((count / of) * 10_000) / 10_000;

const perBand = <T>(make: () => T): Record<Band, T> =>
  Object.fromEntries(ALL_BANDS.map((band) => [band, make()])) as Record<Band, T>;

const conversionOf = (outcomes: readonly (LeadOutcome | undefined)[]): BandConversion => {
  const known = outcomes.filter((o): o is LeadOutcome => o !== undefined);
  const accepted = known.filter(reachedAccepted).length;
  const sql = known.filter(reachedSql).length;
  const won = known.filter((o) => o === 'won').length;
  return {
    leads: outcomes.length,
    withOutcome: known.length,
    accepted,
    sql,
    won,
    acceptedRate: rate(accepted, known.length),
    sqlRate: rate(sql, known.length),
    wonRate: rate(won, known.length),
  };
};

/**
 * Scores the same leads under several models at `at` and reports, per model, how many leads land in
 * each band, which leads change band against the first model, and how each band converted.
 */
export const compareModels = (
  models: readonly [ScoringModel, ...ScoringModel[]],
  leads: readonly ComparedLead[],
  at: number,
): ModelComparisonEntry[] => {
  const bandsPerModel = models.map((model) => leads.map((lead) => scoreLead(model, lead.signals, at).band));
  const baseline = bandsPerModel[0] ?? [];
  return models.map((model, m) => {
    const bands = bandsPerModel[m] ?? [];
    const bandCounts = perBand(() => 0);
    const outcomesByBand = perBand<(LeadOutcome | undefined)[]>(() => []);
    const bandChanges: BandChange[] = [];
    leads.forEach((lead, i) => {
      const band = bands[i];
      const from = baseline[i];
      if (band === undefined || from === undefined) return;
      bandCounts[band] += 1;
      outcomesByBand[band].push(lead.outcome);
      if (m > 0 && band !== from) bandChanges.push({ leadId: lead.leadId, from, to: band });
    });
    const conversion = Object.fromEntries(
      ALL_BANDS.map((band) => [band, conversionOf(outcomesByBand[band])]),
    ) as Record<Band, BandConversion>;
    return { modelId: model.id, modelVersion: model.version, bandCounts, bandChanges, conversion };
  });
};
