export type ClickIdKind = 'gclid' | 'msclkid' | 'fbclid' | 'li_fat_id' | 'ttclid';

/** UTM parameters; source and medium lower-cased because channel rules compare them. */
export type Utm = {
  campaign: string | null;
  source: string | null;
  medium: string | null;
  term: string | null;
  content: string | null;
  /** Ad-platform auto-tagging parameter found in the URL: a paid click even without UTMs. */
  clickId: ClickIdKind | null;
};

export type UtmInput = {
  /** Segment's `context.campaign` (which Segment libraries fill from the page URL). */
  campaign?: { name?: unknown; source?: unknown; medium?: unknown; term?: unknown; content?: unknown } | null;
  /** The page URL or path with its query string. */
  url?: unknown;
};

const CLICK_IDS: readonly ClickIdKind[] = ['gclid', 'msclkid', 'fbclid', 'li_fat_id', 'ttclid'];
const MAX_LENGTH = 500;

function clean(value: unknown, lowerCase: boolean): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim().slice(0, MAX_LENGTH);
  if (trimmed.length === 0) return null;
  return lowerCase ? trimmed.toLowerCase() : trimmed;
}

function queryOf(url: unknown): URLSearchParams | null {
  if (typeof url !== 'string' || url.length === 0) return null;
  try {
    // The base makes paths like "/pricing?utm_source=x" parse too.
    return new URL(url, 'https://placeholder.invalid').searchParams;
  } catch {
    return null;
  }
}

/** UTMs from `context.campaign`, with gaps filled from the URL's `utm_*` query parameters. */
export function parseUtm(input: UtmInput): Utm {
  const campaign = input.campaign ?? {};
  const query = queryOf(input.url);
  const fromQuery = (name: string): string | null => query?.get(`utm_${name}`) ?? null;
  return {
    campaign: clean(campaign.name, false) ?? clean(fromQuery('campaign'), false),
    source: clean(campaign.source, true) ?? clean(fromQuery('source'), true),
    medium: clean(campaign.medium, true) ?? clean(fromQuery('medium'), true),
    term: clean(campaign.term, false) ?? clean(fromQuery('term'), false),
    content: clean(campaign.content, false) ?? clean(fromQuery('content'), false),
    clickId: CLICK_IDS.find((id) => clean(query?.get(id), false) !== null) ?? null,
  };
}
