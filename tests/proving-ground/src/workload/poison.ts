import { QUARTER, iso } from './quarter';
import { intBetween, type Random } from './random';
import type { Call, IntakeRecord, IntakeTopic } from './workload.types';

// Poison: input ingestion must refuse, each kind for a reason its validation names. Ids carry
// "-poison-" and emails the poison.example.com domain, so nothing poison ever names a real lead.

type PoisonCall = Omit<Call, 'service' | 'at' | 'expect'>;

const segment = (path: string, body: unknown): PoisonCall => ({ method: 'POST', path, auth: 'write', body });
const crm = (path: string, body: unknown): PoisonCall => ({
  method: 'POST',
  path: `/v1/crm/${path}`,
  auth: 'admin',
  body,
});

/** The kinds of bad HTTP input, each a function of a unique poison id and a time. */
const HTTP_POISON: readonly ((id: string, at: string) => PoisonCall)[] = [
  // Malformed JSON: the body is cut off (sent as raw text).
  (id) =>
    segment('/v1/track', `{"type":"track","messageId":"${id}","userId":"${id}","event":"Demo Requested",`),
  (id) =>
    segment('/v1/identify', `{"type":"identify","messageId":"${id}","userId":"${id}","traits":{"email":}`),
  // Who is it? Neither userId nor anonymousId.
  (id, at) =>
    segment('/v1/identify', {
      type: 'identify',
      messageId: id,
      timestamp: at,
      traits: { email: `${id}@poison.example.com` },
    }),
  // Not an email.
  (id, at) =>
    segment('/v1/identify', {
      type: 'identify',
      messageId: id,
      userId: id,
      timestamp: at,
      traits: { email: 'not-an-email' },
    }),
  // A track without its event name.
  (id, at) =>
    segment('/v1/track', { type: 'track', messageId: id, userId: id, timestamp: at, properties: {} }),
  // A local time without a zone is ambiguous.
  (id) =>
    segment('/v1/page', {
      type: 'page',
      messageId: id,
      anonymousId: id,
      timestamp: '2026-08-01 10:00:00',
      properties: {},
    }),
  // A group call without its groupId.
  (id, at) =>
    segment('/v1/group', {
      type: 'group',
      messageId: id,
      userId: id,
      timestamp: at,
      traits: { name: 'Poison Inc' },
    }),
  // A batch is all or nothing: one bad call (an empty event name) fails the other.
  (id, at) =>
    segment('/v1/batch', {
      batch: [
        { type: 'page', messageId: `${id}-a`, anonymousId: id, timestamp: at, properties: { path: '/' } },
        { type: 'track', messageId: `${id}-b`, anonymousId: id, timestamp: at, event: '' },
      ],
    }),
  // Alias is not a call ingestion supports.
  (id, at) =>
    segment('/v1/batch', {
      batch: [{ type: 'alias', messageId: id, userId: id, previousId: `${id}-old`, timestamp: at }],
    }),
  // A sales activity without its rep.
  (id, at) =>
    crm('sales-activities', {
      activityId: id,
      email: `${id}@poison.example.com`,
      kind: 'call',
      occurredAt: at,
    }),
  // A kind of activity the API does not know.
  (id, at) =>
    crm('sales-activities', {
      activityId: id,
      email: `${id}@poison.example.com`,
      repId: 'anna-keller',
      kind: 'sms',
      occurredAt: at,
    }),
  // An array is all or nothing: the second activity's email is bad.
  (id, at) =>
    crm('sales-activities', [
      {
        activityId: `${id}-a`,
        email: `${id}@poison.example.com`,
        repId: 'anna-keller',
        kind: 'call',
        occurredAt: at,
      },
      { activityId: `${id}-b`, email: 'nobody@', repId: 'anna-keller', kind: 'email', occurredAt: at },
    ]),
  // An unknown disposition value.
  (id, at) =>
    crm('dispositions', {
      dispositionId: id,
      email: `${id}@poison.example.com`,
      repId: 'anna-keller',
      disposition: 'maybe_later',
      occurredAt: at,
    }),
  // A rejection must say why.
  (id, at) =>
    crm('dispositions', {
      dispositionId: id,
      email: `${id}@poison.example.com`,
      repId: 'anna-keller',
      disposition: 'rejected',
      occurredAt: at,
    }),
  // A leadId that is not a UUID, and no email.
  (id, at) =>
    crm('dispositions', {
      dispositionId: id,
      leadId: id,
      repId: 'anna-keller',
      disposition: 'accepted',
      occurredAt: at,
    }),
  // A negative amount.
  (id, at) => crm('opportunities', { ...opportunity(id, at), amount: '-5000.00' }),
  // No account: neither accountId nor accountDomain.
  (id, at) => {
    const { accountDomain: _accountDomain, ...rest } = opportunity(id, at);
    return crm('opportunities', rest);
  },
  // A status the API does not know.
  (id, at) => crm('opportunities', { ...opportunity(id, at), status: 'pending' }),
  // Negative spend.
  (id, at) => crm('campaign-costs', { ...cost(id, at), amount: -250 }),
  // A period that ends before it starts.
  (id, at) => crm('campaign-costs', { ...cost(id, at), periodStart: '2026-08-31', periodEnd: '2026-08-01' }),
  // More decimals than US dollars have: money is not rounded.
  (id, at) => crm('campaign-costs', { ...cost(id, at), amount: '1200.125' }),
  // Erasure of something that is not an email.
  (id) => ({
    method: 'DELETE',
    path: `/v1/leads?email=${encodeURIComponent(`${id}-at-poison`)}`,
    auth: 'admin',
    body: undefined,
  }),
];

function opportunity(id: string, at: string) {
  return {
    opportunityId: id,
    accountDomain: 'poison.example.com',
    name: 'Poison deal',
    stage: 'discovery',
    amount: '1000.00',
    currency: 'USD',
    closeDate: '2026-09-30',
    status: 'open',
    contactEmails: [`${id}@poison.example.com`],
    occurredAt: at,
  };
}

function cost(id: string, at: string) {
  return {
    costId: id,
    campaignId: `${id}-campaign`,
    channel: 'paid_search',
    periodStart: '2026-08-01',
    periodEnd: '2026-08-31',
    amount: '100.00',
    currency: 'USD',
    occurredAt: at,
  };
}

/** `count` poison calls, cycling through the kinds, at times spread over the quarter. */
export function poisonCalls(random: Random, tag: string, count: number): Call[] {
  return Array.from({ length: count }, (_, n) => {
    const at = intBetween(random, QUARTER.start, QUARTER.end);
    const make = HTTP_POISON[n % HTTP_POISON.length] as (id: string, at: string) => PoisonCall;
    return { service: 'ingestion', ...make(`${tag}-poison-${n}`, iso(at)), at, expect: 'rejected' };
  });
}

type PoisonValue = (id: string, at: string) => string;

const json = (value: unknown): string => JSON.stringify(value);

/** Bad records for intake.segment.v1: not JSON, not an object, or a call ingestion rejects. */
const SEGMENT_POISON: readonly PoisonValue[] = [
  (id) => `\u0000\u0001\u0002garbage ${id} \u00ff\u00fe`,
  (id) => `{"type":"track","messageId":"${id}","event":"Demo Requested"`,
  (id) => json([{ type: 'track', messageId: id, userId: id, event: 'Demo Requested' }]),
  (id, at) => json({ messageId: id, userId: id, event: 'Demo Requested', timestamp: at }),
  (id, at) => json({ type: 'track', messageId: id, userId: id, timestamp: at }),
  (id, at) =>
    json({ type: 'identify', messageId: id, userId: id, timestamp: at, traits: { email: 'not-an-email' } }),
  (id, at) => json({ type: 'alias', messageId: id, userId: id, previousId: `${id}-old`, timestamp: at }),
  (id, at) => json({ type: 'page', messageId: id, timestamp: at, properties: { path: '/' } }),
];

/** Bad records for intake.crm.v1: not JSON, no or an unknown kind, or a fact ingestion rejects. */
const CRM_POISON: readonly PoisonValue[] = [
  (id) => `PK\u0003\u0004 ${id} \u0000\u0000 not a crm record`,
  (id, at) => json({ kind: 'lead-score', id, score: 99, occurredAt: at }),
  // The activity's own kind where the record's kind belongs: "call" is not a CRM kind.
  (id, at) =>
    json({
      activityId: id,
      email: `${id}@poison.example.com`,
      repId: 'anna-keller',
      kind: 'call',
      occurredAt: at,
    }),
  // No occurredAt (and, on this topic, no way to say the activity's kind: the record's kind takes the field).
  (id) =>
    json({ kind: 'sales-activity', activityId: id, email: `${id}@poison.example.com`, repId: 'anna-keller' }),
  (id, at) =>
    json({
      kind: 'disposition',
      dispositionId: id,
      email: `${id}@poison.example.com`,
      repId: 'anna-keller',
      disposition: 'won',
      occurredAt: at,
    }),
  (id, at) => json({ kind: 'opportunity', ...opportunity(id, at), amount: '-1.00' }),
  (id, at) => {
    const { costId: _costId, ...rest } = cost(id, at);
    return json({ kind: 'campaign-cost', ...rest });
  },
  // An array: the HTTP API takes one, the topic takes one fact per record.
  (id, at) =>
    json([
      {
        kind: 'disposition',
        dispositionId: id,
        email: `${id}@poison.example.com`,
        repId: 'anna-keller',
        disposition: 'accepted',
        occurredAt: at,
      },
    ]),
];

/** `count` poison records for a topic, each with the event time it is ordered by among the good ones. */
export function poisonIntake(
  random: Random,
  tag: string,
  topic: IntakeTopic,
  count: number,
): { at: number; record: IntakeRecord }[] {
  const kinds = topic === 'intake.segment.v1' ? SEGMENT_POISON : CRM_POISON;
  const prefix = topic === 'intake.segment.v1' ? 'seg' : 'crm';
  return Array.from({ length: count }, (_, n) => {
    const at = intBetween(random, QUARTER.start, QUARTER.end);
    const id = `${tag}-poison-${prefix}-${n}`;
    const make = kinds[n % kinds.length] as PoisonValue;
    return { at, record: { topic, key: n % 3 === 0 ? null : id, value: make(id, iso(at)), poison: true } };
  });
}
