/** Score bands, in the order sales and marketing agreed (hottest first). */
export const SCORE_BANDS = ['hot', 'mql', 'nurture', 'cold'] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number];

/** A disqualified lead has no score band: a disqualifier overrides the points. */
export type Band = ScoreBand | 'disqualified';

export const ALL_BANDS: readonly Band[] = [...SCORE_BANDS, 'disqualified'];

/** Bands that make a lead sales-ready (an MQL). */
export const isSalesReadyBand = (band: Band): boolean => band === 'hot' || band === 'mql';
