import { CHANNEL_SYMBOLS, type Channel } from '@smarketing/contracts';
import type { Utm } from './parse-utm';

export type { Channel };

export const CHANNELS = CHANNEL_SYMBOLS;

// Matched against a host's labels or a utm_source, so google.de and "google" both count.
const SEARCH_ENGINES = new Set([
  'google',
  'bing',
  'yahoo',
  'duckduckgo',
  'baidu',
  'yandex',
  'ecosia',
  'naver',
  'ask',
  'qwant',
  'startpage',
  'seznam',
  'brave',
]);
const SOCIAL_NETWORKS = new Set([
  'facebook',
  'fb',
  'instagram',
  'ig',
  'linkedin',
  'lnkd',
  'twitter',
  'x',
  't',
  'youtube',
  'tiktok',
  'reddit',
  'pinterest',
  'snapchat',
  'quora',
  'threads',
  'whatsapp',
  'wechat',
  'weibo',
  'vk',
  'xing',
  'meta',
  'bsky',
  'mastodon',
]);
const WEBMAIL_HOSTS = [
  'mail.google.com',
  'outlook.live.com',
  'outlook.office.com',
  'outlook.office365.com',
  'mail.yahoo.com',
  'mail.proton.me',
];

const EMAIL_MEDIUM = /^(e[-_ ]?mail|newsletter|edm|mailchimp|hubspot[-_ ]?email|marketing[-_ ]?email)$/;
const DISPLAY_MEDIUM = /^(display|banner|cpm|expandable|interstitial|programmatic|native)$/;
const PAID_MEDIUM = /^(.*cp.*|ppc|paid.*|retargeting|ads?|sem)$/;
const SOCIAL_MEDIUM =
  /^(social|social[-_ ]?network|social[-_ ]?media|sm|organic[-_ ]?social|social[-_ ]?organic)$/;
const EVENT_MEDIUM = /^(events?|conference|trade[-_ ]?show|tradeshow|field[-_ ]?event|booth|meetup)$/;
const SEARCH_MEDIUM = /^(organic|organic[-_ ]?search|seo)$/;
const REFERRAL_MEDIUM = /^(referral|affiliate|partner|app)$/;

// One-letter names are only trusted as whole hosts: t.co and x.com, not any host with an "x" label.
const SHORT_HOSTS: Readonly<Record<string, string>> = { 't.co': 't', 'x.com': 'x' };

/** A bare utm_source ("google") or a host whose name, before its suffix, is in the set ("google.co.uk"). */
function isIn(set: ReadonlySet<string>, source: string | null): boolean {
  if (source === null) return false;
  const host = source.replace(/^www\./, '');
  if (!host.includes('.')) return set.has(host);
  const short = SHORT_HOSTS[host];
  if (short !== undefined) return set.has(short);
  return host
    .split('.')
    .slice(0, -1)
    .some((label) => label.length > 1 && set.has(label));
}

function hostOf(referrer: string): string | null {
  try {
    return new URL(referrer).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

/**
 * A simplified version of Google Analytics' default channel grouping. UTMs win over the
 * referrer, ad click ids count as paid, and the rules run in this order:
 * email, display, paid (social if the source is a network, else search), events, social,
 * organic search, referral, "(direct)/(none)", any other UTM -> other;
 * without UTMs: no referrer -> direct, webmail -> email, search engine -> organic search,
 * network -> social, any other site -> referral.
 */
export function channelOf(utm: Utm, referrer?: string | null): Channel {
  const { source, medium, clickId } = utm;
  if (source !== null || medium !== null) {
    if ((medium !== null && EMAIL_MEDIUM.test(medium)) || source === 'email' || source === 'newsletter')
      return 'email';
    if (medium !== null && DISPLAY_MEDIUM.test(medium)) return 'display';
    if ((medium !== null && PAID_MEDIUM.test(medium)) || clickId !== null) {
      if (
        isIn(SOCIAL_NETWORKS, source) ||
        clickId === 'fbclid' ||
        clickId === 'li_fat_id' ||
        clickId === 'ttclid'
      )
        return 'paid_social';
      if (
        isIn(SEARCH_ENGINES, source) ||
        clickId === 'gclid' ||
        clickId === 'msclkid' ||
        /^(cpc|ppc|sem|paid[-_ ]?search)$/.test(medium ?? '')
      )
        return 'paid_search';
      return 'display';
    }
    if ((medium !== null && EVENT_MEDIUM.test(medium)) || source === 'event' || source === 'events')
      return 'events';
    if ((medium !== null && SOCIAL_MEDIUM.test(medium)) || isIn(SOCIAL_NETWORKS, source)) return 'social';
    if ((medium !== null && SEARCH_MEDIUM.test(medium)) || isIn(SEARCH_ENGINES, source))
      return 'organic_search';
    if (medium !== null && REFERRAL_MEDIUM.test(medium)) return 'referral';
    if (source === '(direct)' && (medium === null || medium === '(none)')) return 'direct';
    return 'other';
  }
  if (clickId === 'gclid' || clickId === 'msclkid') return 'paid_search';
  if (clickId !== null) return 'paid_social';
  if (referrer === undefined || referrer === null || referrer.trim() === '') return 'direct';
  const host = hostOf(referrer.trim());
  if (host === null) return 'other';
  if (WEBMAIL_HOSTS.includes(host)) return 'email';
  if (isIn(SEARCH_ENGINES, host)) return 'organic_search';
  if (isIn(SOCIAL_NETWORKS, host)) return 'social';
  return 'referral';
}
