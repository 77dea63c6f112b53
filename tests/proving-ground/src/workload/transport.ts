import { CAMPAIGNS, monthlySpend } from './campaigns';
import { CRM_ROUTES, type CrmEvent, type JourneyEvent, type SegmentEvent } from './journey-event';
import { HOUR, MONTHS, iso, type Month } from './quarter';
import type { Random } from './random';
import type { Call, IntakeRecord } from './workload.types';

/** How a person's events reach ingestion: each Segment call over HTTP, the browsing as one batch, or via Kafka. */
export type Transport = {
  readonly segment: 'http' | 'http-batch' | 'intake';
  /** intake: the lead's dispositions and opportunities go to intake.crm.v1 (sales activities cannot, see below). */
  readonly crm: 'http' | 'intake';
};

/** Calls and intake records so far; intake keeps event times to be put in order at the end. */
export type Outbox = { readonly calls: Call[]; readonly intake: { at: number; record: IntakeRecord }[] };

const segmentCall = (path: string, body: unknown, at: number): Call => ({
  service: 'ingestion',
  method: 'POST',
  path,
  auth: 'write',
  body,
  at,
  expect: 'accepted',
});

const crmCall = (fact: CrmEvent['fact'], body: unknown, at: number): Call => ({
  service: 'ingestion',
  method: 'POST',
  path: `/v1/crm/${CRM_ROUTES[fact]}`,
  auth: 'admin',
  body,
  at,
  expect: 'accepted',
});

/**
 * On intake.crm.v1 the record's `kind` names the fact kind, which leaves a sales activity no field
 * for its own kind (call, email, meeting): ingestion would dead-letter every one. So activities
 * always go over HTTP; dispositions and opportunities may take the topic.
 */
const intakeCarries = (fact: CrmEvent['fact']): boolean => fact !== 'sales-activity';

/** The person's anonymousId, else userId: the intake key, so one person's calls stay in order. */
const personKey = (events: readonly JourneyEvent[]): string | null => {
  for (const e of events)
    if (e.kind === 'segment') {
      const id = e.body['anonymousId'] ?? e.body['userId'];
      if (typeof id === 'string') return id;
    }
  return null;
};

/** Adds one person's events to the outbox by their transport. */
export function send(outbox: Outbox, events: readonly JourneyEvent[], transport: Transport): void {
  const key = personKey(events);
  const browsing = events.filter((e): e is SegmentEvent => e.kind === 'segment' && e.anonymous);
  const batched = transport.segment === 'http-batch' && browsing.length >= 2;
  if (batched) {
    const last = browsing[browsing.length - 1] as SegmentEvent;
    // A browser SDK flushes its queue as one batch after the last page view.
    outbox.calls.push(
      segmentCall('/v1/batch', { batch: browsing.map((e) => e.body), sentAt: iso(last.at) }, last.at),
    );
  }
  for (const e of events) {
    if (e.kind === 'segment') {
      if (batched && e.anonymous) continue;
      if (transport.segment === 'intake')
        outbox.intake.push({
          at: e.at,
          record: { topic: 'intake.segment.v1', key, value: JSON.stringify(e.body), poison: false },
        });
      else outbox.calls.push(segmentCall(`/v1/${e.type}`, e.body, e.at));
    } else if (transport.crm === 'intake' && intakeCarries(e.fact)) {
      outbox.intake.push({
        at: e.at,
        record: {
          topic: 'intake.crm.v1',
          key: e.key,
          value: JSON.stringify({ kind: e.fact, ...e.body }),
          poison: false,
        },
      });
    } else {
      outbox.calls.push(crmCall(e.fact, e.body, e.at));
    }
  }
}

/** Costs are booked when the month closes (its last day, 18:00 UTC). */
const bookedAt = (month: Month): number => Date.parse(`${month.last}T00:00:00Z`) + 18 * HOUR;

/**
 * Spend per campaign and month, three ways: July's as one array call, August's one call each,
 * September's on intake.crm.v1 (a finance tool producing to Kafka).
 */
export function sendCampaignCosts(outbox: Outbox, random: Random, tag: string): void {
  MONTHS.forEach((month, m) => {
    const at = bookedAt(month);
    const facts = CAMPAIGNS.map((campaign) => {
      const costId = `${tag}-cost-${campaign.campaignId}-${month.key}`;
      return {
        costId,
        campaignId: campaign.campaignId,
        campaignName: campaign.campaignId.replace(/-/g, ' '),
        channel: campaign.channel,
        periodStart: month.first,
        periodEnd: month.last,
        amount: monthlySpend(random, campaign),
        currency: 'USD',
        occurredAt: iso(at),
      };
    });
    if (m === 0) outbox.calls.push(crmCall('campaign-cost', facts, at));
    else if (m === 1) for (const fact of facts) outbox.calls.push(crmCall('campaign-cost', fact, at));
    else
      for (const fact of facts)
        outbox.intake.push({
          at,
          record: {
            topic: 'intake.crm.v1',
            key: fact.costId,
            value: JSON.stringify({ kind: 'campaign-cost', ...fact }),
            poison: false,
          },
        });
  });
}

export const eventCount = (outbox: Outbox): number => outbox.calls.length + outbox.intake.length;
