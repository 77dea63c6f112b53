import { CAMPAIGNS, pickSource, type Source } from './campaigns';
import type { Country } from './companies';
import type { JourneyEvent, SegmentEvent } from './journey-event';
import { HOUR, MINUTE, iso } from './quarter';
import { intBetween, pick, type Random } from './random';

// The website side of a journey: pages, sources, the browser's Segment context, one person's calls.

export const CONTENT_PAGES = [
  '/',
  '/product',
  '/product/lead-routing',
  '/product/attribution',
  '/customers',
  '/integrations',
  '/blog/aligning-sales-and-marketing',
  '/blog/what-is-an-mql',
  '/security',
];
const LANDING_PAGES = ['/lp/revenue-alignment', '/lp/lead-routing-demo', '/lp/attribution-guide'];
export const CONTENT_EVENTS = ['Whitepaper Downloaded', 'Ebook Downloaded', 'Case Study Downloaded'];
export const QUIET_EVENTS = ['Email Link Clicked', 'Webinar Attended', 'Webinar Registered'];
const USER_AGENTS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
  'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
];
const SITE = 'https://www.smarketing.example';
/** Clicks from the newsletter land on the site with its UTM parameters. */
export const NEWSLETTER = CAMPAIGNS.find((c) => c.channel === 'email') ?? null;

const urlOf = (path: string, source: Source | null): string =>
  source?.kind === 'campaign'
    ? `${SITE}${path}?utm_source=${source.utmSource}&utm_medium=${source.utmMedium}&utm_campaign=${source.campaignId}`
    : `${SITE}${path}`;

/** Collects one person's Segment calls (put in time order later), numbering their messageIds. */
export class Timeline {
  readonly events: JourneyEvent[] = [];
  private messages = 0;
  constructor(
    private readonly tag: string,
    private readonly index: number,
    private readonly context: Record<string, unknown>,
  ) {}

  segment(
    type: SegmentEvent['type'],
    at: number,
    fields: Record<string, unknown>,
    anonymous = false,
  ): SegmentEvent {
    const event: SegmentEvent = {
      kind: 'segment',
      type,
      at,
      anonymous,
      body: {
        type,
        messageId: `${this.tag}-msg-${this.index}-${this.messages++}`,
        timestamp: iso(at),
        ...fields,
        context: this.context,
      },
    };
    this.events.push(event);
    return event;
  }
}

export function browserContext(
  random: Random,
  country: Country | null,
  index: number,
): Record<string, unknown> {
  return {
    ip: `${pick(random, ['198.51.100', '203.0.113', '192.0.2'])}.${(index % 250) + 1}`,
    userAgent: pick(random, USER_AGENTS),
    locale: country?.region === 'EMEA' ? pick(random, ['en-GB', 'de-DE', 'fr-FR']) : 'en-US',
    library: { name: 'analytics.js', version: '5.2.0' },
  };
}

export const pageFields = (path: string, source: Source | null, referrer?: string) => ({
  ...(path.startsWith('/pricing') ? { name: 'Pricing' } : {}),
  properties: {
    url: urlOf(path, source),
    path,
    title: path === '/' ? 'Smarketing' : `Smarketing | ${path.split('/').pop()}`,
    ...(referrer === undefined ? {} : { referrer }),
  },
});

/** Anonymous browsing: 1-4 page views over a few days, the first from the visitor's source. */
export function browse(
  random: Random,
  timeline: Timeline,
  anonymousId: string,
  from: number,
  visits: number,
): number {
  const source = pickSource(random);
  let at = from;
  for (let v = 0; v < visits; v += 1) {
    const path =
      v === 0 && source.kind === 'campaign' ? pick(random, LANDING_PAGES) : pick(random, CONTENT_PAGES);
    const referrer = v === 0 && source.kind === 'referrer' ? source.referrer : undefined;
    timeline.segment(
      'page',
      at,
      { anonymousId, ...pageFields(path, v === 0 ? source : null, referrer) },
      true,
    );
    at += intBetween(random, 1, 36) * HOUR + intBetween(random, 0, 59) * MINUTE;
  }
  return at;
}
