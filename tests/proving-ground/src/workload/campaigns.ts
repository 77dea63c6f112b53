import { intBetween, weighted, type Random } from './random';

/**
 * Where a visitor came from: a campaign with UTM parameters, or a referrer. `campaignId` is what
 * ingestion derives from utm_campaign (lower case, dashes), and what campaign costs must name.
 */
export type Source =
  | {
      readonly kind: 'campaign';
      readonly campaignId: string;
      readonly utmSource: string;
      readonly utmMedium: string;
      readonly channel: 'paid_search' | 'paid_social' | 'email' | 'display' | 'events';
      /** Monthly spend range, in USD. */
      readonly spend: readonly [number, number];
    }
  | { readonly kind: 'referrer'; readonly referrer: string }
  | { readonly kind: 'direct' };

export type Campaign = Extract<Source, { kind: 'campaign' }>;

export const CAMPAIGNS: readonly Campaign[] = [
  {
    kind: 'campaign',
    campaignId: 'q3-search-brand',
    utmSource: 'google',
    utmMedium: 'cpc',
    channel: 'paid_search',
    spend: [8_000, 14_000],
  },
  {
    kind: 'campaign',
    campaignId: 'q3-search-category',
    utmSource: 'bing',
    utmMedium: 'cpc',
    channel: 'paid_search',
    spend: [2_000, 5_000],
  },
  {
    kind: 'campaign',
    campaignId: 'abm-q3-enterprise',
    utmSource: 'linkedin',
    utmMedium: 'paid_social',
    channel: 'paid_social',
    spend: [10_000, 20_000],
  },
  {
    kind: 'campaign',
    campaignId: 'q3-retargeting',
    utmSource: 'facebook',
    utmMedium: 'paid_social',
    channel: 'paid_social',
    spend: [1_500, 4_000],
  },
  {
    kind: 'campaign',
    campaignId: 'monthly-digest',
    utmSource: 'newsletter',
    utmMedium: 'email',
    channel: 'email',
    spend: [300, 900],
  },
  {
    kind: 'campaign',
    campaignId: 'awareness-display',
    utmSource: 'adroll',
    utmMedium: 'display',
    channel: 'display',
    spend: [3_000, 7_000],
  },
  {
    kind: 'campaign',
    campaignId: 'revops-summit-2026',
    utmSource: 'revops-summit',
    utmMedium: 'event',
    channel: 'events',
    spend: [5_000, 25_000],
  },
];

const ORGANIC: readonly (readonly [Source, number])[] = [
  [{ kind: 'referrer', referrer: 'https://www.google.com/' }, 18],
  [{ kind: 'referrer', referrer: 'https://duckduckgo.com/' }, 2],
  [{ kind: 'referrer', referrer: 'https://www.linkedin.com/feed/' }, 6],
  [{ kind: 'referrer', referrer: 'https://news.ycombinator.com/' }, 2],
  [{ kind: 'referrer', referrer: 'https://partner-blog.example.org/revops-stack' }, 5],
  [{ kind: 'direct' }, 12],
];

/** The source of a first visit: paid and owned campaigns about half the time, else organic or direct. */
export const pickSource = (random: Random): Source =>
  weighted(random, [
    ...CAMPAIGNS.map((c): readonly [Source, number] => [c, 45 / CAMPAIGNS.length]),
    ...ORGANIC,
  ]);

/** A month's spend on a campaign as a decimal string with cents ("12345.67"). */
export const monthlySpend = (random: Random, campaign: Campaign): string =>
  (intBetween(random, campaign.spend[0] * 100, campaign.spend[1] * 100) / 100).toFixed(2);
