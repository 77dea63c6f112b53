export type TouchpointType =
  | 'page_view'
  | 'pricing_page_view'
  | 'content_download'
  | 'demo_request'
  | 'form_submit'
  | 'webinar'
  | 'email_click'
  | 'ad_click'
  | 'event'
  | 'other';

export const TOUCHPOINT_TYPES: readonly TouchpointType[] = [
  'page_view',
  'pricing_page_view',
  'content_download',
  'demo_request',
  'form_submit',
  'webinar',
  'email_click',
  'ad_click',
  'event',
  'other',
];

/** A classified touchpoint keeps the name the source used, so reports can show it verbatim. */
export type TouchpointClassification = { type: TouchpointType; eventName: string | null };
