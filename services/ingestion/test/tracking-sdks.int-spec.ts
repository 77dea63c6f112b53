import { randomUUID } from 'node:crypto';
import RudderAnalytics from '@rudderstack/rudder-sdk-node';
import { Analytics } from '@segment/analytics-node';
import { TOPICS } from '@smarketing/contracts';
import {
  anonymousLeadId,
  deriveAccountId,
  deriveLeadId,
  normalizeDomain,
  normalizeEmail,
} from '../src/domain';
import { startTestApp, type TestApp } from './support/ingestion-app';
import { eventsSinceSuiteStart } from './support/topic-events';

type Who = { userId: string; anonymousId?: string } | { userId?: string; anonymousId: string };
type Traits = Record<string, string>;

/** The calls a marketing tool makes through a tracking SDK, and the flush at the end. */
type Tracker = {
  identify(call: Who & { traits: Traits }): void;
  track(call: Who & { event: string; properties: Record<string, string> }): void;
  page(call: Who & { name: string; properties: Record<string, string> }): void;
  group(call: Who & { groupId: string; traits: Traits }): void;
  /** Sends what is queued and stops; every batch the service refused is in `errors`. */
  close(): Promise<void>;
  readonly errors: unknown[];
};

// Settings keep the tests fast and deterministic: no retries (a refused batch fails the test at
// once instead of backing off), no timer flush (the calls go in the batches the flush makes).
const SDKS: Record<'segment' | 'rudderstack', (url: string, writeKey: string) => Tracker> = {
  // Segment's Node library: plain JSON batches, one here (flushAt above the number of calls).
  segment: (url, writeKey) => {
    const errors: unknown[] = [];
    const analytics = new Analytics({
      writeKey,
      host: url,
      maxRetries: 0,
      flushAt: 20,
      flushInterval: 60_000,
      httpRequestTimeout: 10_000,
    });
    analytics.on('error', (error) => errors.push(error));
    const done = (error?: unknown) => {
      if (error) errors.push(error);
    };
    return {
      errors,
      identify: (call) => analytics.identify(call, done),
      track: (call) => analytics.track(call, done),
      page: (call) => analytics.page(call, done),
      group: (call) => analytics.group(call, done),
      close: () => analytics.closeAndFlush({ timeout: 15_000 }),
    };
  },
  // RudderStack's Node SDK with its default gzip: the first call goes alone at once, the rest in the
  // flush after it; each batch gzipped and labelled application/x-www-form-urlencoded.
  rudderstack: (url, writeKey) => {
    const errors: unknown[] = [];
    const client = new RudderAnalytics(writeKey, {
      dataPlaneUrl: url,
      retryCount: 0,
      flushAt: 20,
      flushInterval: 60_000,
      logLevel: 'error',
      errorHandler: (error) => errors.push(error),
    });
    return {
      errors,
      identify: (call) => client.identify(call as RudderAnalytics.IdentifyParams),
      track: (call) => client.track(call as RudderAnalytics.TrackParams),
      page: (call) => client.page(call as RudderAnalytics.PageParams),
      group: (call) => client.group(call as RudderAnalytics.GroupParams),
      close: () => client.flush(),
    };
  },
};

const leadIdOf = (email: string): string => {
  const normalized = normalizeEmail(email);
  if (!normalized.ok) throw new Error(email);
  return deriveLeadId(normalized.email);
};
const accountIdOf = (domain: string): string =>
  deriveAccountId(normalizeDomain(domain) as NonNullable<ReturnType<typeof normalizeDomain>>);

describe('the real tracking SDKs, pointed at ingestion', () => {
  const { eventsOn, profilesOn } = eventsSinceSuiteStart();
  let t: TestApp;
  let url: string;
  const run = randomUUID().slice(0, 8);

  beforeAll(async () => {
    t = await startTestApp();
    url = await t.listen();
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each(Object.keys(SDKS) as (keyof typeof SDKS)[])(
    '%s: identify, track, page, group and an anonymous call become the events of one lead',
    async (sdk) => {
      const anonymousId = `${sdk}-anon-${run}`;
      const userId = `${sdk}-user-${run}`;
      const email = `Grace.${sdk}.${run}@${sdk}-${run}.example.com`;
      const parentDomain = `${sdk}-parent-${run}.example.org`;
      const tracker = SDKS[sdk](url, t.writeKey);
      try {
        tracker.track({ anonymousId, event: 'Whitepaper Downloaded', properties: { asset: 'guide.pdf' } });
        tracker.identify({
          userId,
          anonymousId,
          traits: { email, firstName: 'Grace', title: 'VP Marketing' },
        });
        tracker.page({
          userId,
          name: 'Pricing',
          properties: {
            path: '/pricing',
            url: 'https://www.example.com/pricing?utm_source=news&utm_medium=email',
          },
        });
        tracker.track({ userId, event: 'Demo Requested', properties: { form: 'hero' } });
        tracker.group({
          userId,
          groupId: `${sdk}-g-${run}`,
          traits: { name: 'Parent Co', website: `https://www.${parentDomain}/about` },
        });
      } finally {
        await tracker.close();
      }
      expect(tracker.errors).toEqual([]);

      await t.drained();
      const leadId = leadIdOf(email);
      const placeholder = anonymousLeadId(anonymousId);
      const anonymous = await eventsOn(TOPICS.touchpointRecorded, { keys: [placeholder] });
      expect(anonymous.map((e) => e.value)).toEqual([
        expect.objectContaining({
          leadId: placeholder,
          anonymousId,
          type: 'content_download',
          eventName: 'Whitepaper Downloaded',
        }),
      ]);
      const merged = await eventsOn(TOPICS.leadsMerged, { keys: [leadId] });
      expect(merged.map((e) => e.value.mergedLeadIds)).toEqual([[placeholder]]);

      const touchpoints = (await eventsOn(TOPICS.touchpointRecorded, { keys: [leadId] })).map((e) => e.value);
      expect(touchpoints.map((tp) => tp.type).sort()).toEqual(['demo_request', 'pricing_page_view']);
      expect(touchpoints.find((tp) => tp.type === 'pricing_page_view')).toMatchObject({
        path: '/pricing',
        channel: 'email',
      });
      expect(touchpoints.find((tp) => tp.type === 'demo_request')).toMatchObject({
        eventName: 'Demo Requested',
        accountId: accountIdOf(`${sdk}-${run}.example.com`),
      });

      // One lead-upserted per lead and transaction: the lead as the identify and the group left it.
      const upserts = (await eventsOn(TOPICS.leadUpserted, { keys: [leadId] })).map((e) => e.value);
      expect(upserts.at(-1)).toMatchObject({
        emailDomain: email.toLowerCase().split('@')[1],
        seniority: 'c_level_vp',
        anonymousIds: [anonymousId],
        accountId: accountIdOf(parentDomain),
        accountDomain: parentDomain,
        accountMatchReason: `group call ${sdk}-g-${run} with website ${parentDomain}`,
      });
      expect((await profilesOn([leadId])).at(-1)?.value).toMatchObject({
        email: email.toLowerCase(),
        firstName: 'Grace',
        title: 'VP Marketing',
      });
    },
  );
});
