import type { TouchpointClassification, TouchpointType } from './touchpoint-type';

// Names compared after lower-casing and folding "_", "-" and runs of spaces into one space.
const SYNONYMS: Readonly<Record<string, TouchpointType>> = {
  'demo requested': 'demo_request',
  'request demo': 'demo_request',
  'demo request': 'demo_request',
  'request a demo': 'demo_request',
  'demo booked': 'demo_request',
  'book demo': 'demo_request',
  'book a demo': 'demo_request',
  'demo scheduled': 'demo_request',
  'contact sales': 'demo_request',
  'sales contact requested': 'demo_request',
  'whitepaper downloaded': 'content_download',
  'white paper downloaded': 'content_download',
  'content downloaded': 'content_download',
  'ebook downloaded': 'content_download',
  'e book downloaded': 'content_download',
  'case study downloaded': 'content_download',
  'report downloaded': 'content_download',
  'asset downloaded': 'content_download',
  'form submitted': 'form_submit',
  'form submit': 'form_submit',
  'form submission': 'form_submit',
  'form completed': 'form_submit',
  'webinar registered': 'webinar',
  'webinar attended': 'webinar',
  'webinar registration': 'webinar',
  'webinar joined': 'webinar',
  'registered for webinar': 'webinar',
  'attended webinar': 'webinar',
  'email link clicked': 'email_click',
  'email clicked': 'email_click',
  'email click': 'email_click',
  'ad clicked': 'ad_click',
  'ad click': 'ad_click',
  'event attended': 'event',
  'event registered': 'event',
  'booth visited': 'event',
  'trade show attended': 'event',
  'page viewed': 'page_view',
  'viewed page': 'page_view',
  'pricing viewed': 'pricing_page_view',
  'pricing page viewed': 'pricing_page_view',
  'viewed pricing page': 'pricing_page_view',
};

const FORM_TYPE_KEYS = ['form_type', 'formType', 'form_name', 'formName', 'form_id', 'formId'] as const;

function key(name: string): string {
  return name
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

// A generic "Form Submitted" whose form is the demo form is a demo request.
function isDemoForm(properties: Readonly<Record<string, unknown>>): boolean {
  return FORM_TYPE_KEYS.some((k) => {
    const value = properties[k];
    return typeof value === 'string' && /\bdemo\b/i.test(value.replace(/[_-]+/g, ' '));
  });
}

/** Touchpoint type of a Segment `track` call; unknown names are 'other', never dropped. */
export function classifyTrack(
  eventName: string,
  properties: Readonly<Record<string, unknown>> = {},
): TouchpointClassification {
  const type = SYNONYMS[key(eventName)] ?? 'other';
  if (type === 'form_submit' && isDemoForm(properties)) return { type: 'demo_request', eventName };
  return { type, eventName };
}
