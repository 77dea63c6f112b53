import { pick, weighted, type Random } from './random';
import type { Title } from './people';
import { bandOf, engagementPoints, fitPoints, type Band, type FitFacts } from './score-model';

/** What a lead does once identified: give a title (seniority), download content, view pricing thrice, ask for a demo. */
export type Plan = {
  readonly titled: boolean;
  readonly content: boolean;
  readonly pricing: boolean;
  readonly demo: boolean;
  /** The aligned model's total once all of it is done. */
  readonly total: number;
};

const BANDS: readonly Band[] = ['cold', 'nurture', 'mql', 'hot'];
const TARGET_BANDS: readonly (readonly [Band, number])[] = [
  ['hot', 10],
  ['mql', 14],
  ['nurture', 26],
  ['cold', 50],
];

/**
 * The engagement that takes a lead of this fit to a band: every combination of a title (seniority),
 * a content download, three pricing views and a demo request, filtered to the band drawn; the
 * nearest band when the fit makes the drawn one unreachable.
 */
export function planEngagement(random: Random, fit: FitFacts, title: Title): Plan {
  const plans: Plan[] = [];
  for (let bits = 0; bits < 16; bits += 1) {
    const [titled, content, pricing, demo] = [1, 2, 4, 8].map((b) => (bits & b) !== 0) as [
      boolean,
      boolean,
      boolean,
      boolean,
    ];
    const total =
      fitPoints({ ...fit, seniority: titled ? title.seniority : null }) +
      engagementPoints({
        pageViews: 1, // the browsing before the identify, merged into the lead
        pricingViews: pricing ? 3 : 0,
        contentDownloads: content ? 1 : 0,
        demoRequests: demo ? 1 : 0,
      });
    plans.push({ titled, content, pricing, demo, total });
  }
  const target = BANDS.indexOf(weighted(random, TARGET_BANDS));
  const distance = (p: Plan) => Math.abs(BANDS.indexOf(bandOf(p.total)) - target);
  const nearest = Math.min(...plans.map(distance));
  return pick(
    random,
    plans.filter((p) => distance(p) === nearest),
  );
}
