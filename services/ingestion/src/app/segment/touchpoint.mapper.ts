import type { TouchpointRecorded } from '@smarketing/contracts';
import {
  boundExtras,
  channelOf,
  classifyPage,
  classifyTrack,
  parseUtm,
  splitPersonalTraits,
} from '../../domain';
import type { PageCall, TrackCall } from '../validation';
import { campaignIdOf } from '../event-ids';
import { bag, first, str, without } from './traits';

const MAPPED = new Set(['url', 'path', 'referrer', 'title', 'search', 'name']);
// Query parameters that may carry a person's data: dropped from stored URLs.
const PII_PARAM = /mail|name|phone|tel|addr|token|password|secret|ssn|birth|zip|postal/i;

/** The URL without query parameters that may identify a person (by name or by an @ in the value). */
export function scrubUrl(url: string | null): string | null {
  if (url === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.includes('?') ? url.slice(0, url.indexOf('?')) : url;
  }
  for (const [key, value] of [...parsed.searchParams])
    if (PII_PARAM.test(key) || value.includes('@')) parsed.searchParams.delete(key);
  return parsed.toString();
}

function pathOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url, 'https://placeholder.invalid').pathname;
  } catch {
    return null;
  }
}

export type TouchpointDraft = Omit<TouchpointRecorded, 'leadId' | 'accountId'>;

/** A page or track call as a touchpoint, without the lead it belongs to (resolved by identity). */
export function touchpointOf(
  call: TrackCall | PageCall,
  touchpointId: string,
  source: string,
  occurredAt: number,
): TouchpointDraft {
  const properties = bag(call.properties);
  const page = bag(call.context?.page);
  const rawUrl = str(first(properties, ['url'])) ?? str(page['url']);
  const path = str(first(properties, ['path'])) ?? str(page['path']) ?? pathOf(rawUrl);
  const referrer = str(first(properties, ['referrer'])) ?? str(page['referrer']);
  const classification =
    call.type === 'track'
      ? classifyTrack(call.event, properties)
      : classifyPage(call.name ?? null, rawUrl ?? path, properties);
  const utm = parseUtm({ campaign: call.context?.campaign ?? null, url: rawUrl ?? path });
  const extras = boundExtras(without(properties, MAPPED));
  return {
    touchpointId,
    anonymousId: call.anonymousId ?? null,
    type: classification.type,
    eventName:
      call.type === 'track' ? call.event : (call.name ?? str(properties['title']) ?? path ?? 'Page Viewed'),
    url: scrubUrl(rawUrl),
    path,
    referrer: scrubUrl(referrer),
    campaignId: campaignIdOf(utm.campaign),
    utmSource: utm.source,
    utmMedium: utm.medium,
    utmCampaign: utm.campaign,
    utmTerm: utm.term,
    utmContent: utm.content,
    channel: channelOf(utm, referrer),
    // Event properties travel on a history topic: those that can identify a person are dropped.
    extraProperties: splitPersonalTraits(extras.json).traits,
    source,
    occurredAt,
  };
}
