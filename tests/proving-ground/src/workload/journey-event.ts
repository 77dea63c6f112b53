/** A Segment call of a journey, before it is given a transport (HTTP or the intake topic). */
export type SegmentEvent = {
  readonly kind: 'segment';
  readonly type: 'identify' | 'track' | 'page' | 'group';
  readonly at: number;
  readonly body: Readonly<Record<string, unknown>>;
  /** Anonymous browsing before the first identify: what a browser SDK may send as one batch. */
  readonly anonymous: boolean;
};

/** A CRM fact of a journey (or a campaign's cost), in the HTTP API's shape. */
export type CrmEvent = {
  readonly kind: 'crm';
  readonly fact: 'sales-activity' | 'disposition' | 'opportunity' | 'campaign-cost';
  readonly at: number;
  readonly body: Readonly<Record<string, unknown>>;
  /** The record's natural key on the intake topic: the opportunity for its versions, else the fact's id. */
  readonly key: string;
};

export type JourneyEvent = SegmentEvent | CrmEvent;

/** The HTTP route of a CRM fact kind (POST /v1/crm/<route>). */
export const CRM_ROUTES: Readonly<Record<CrmEvent['fact'], string>> = {
  'sales-activity': 'sales-activities',
  disposition: 'dispositions',
  opportunity: 'opportunities',
  'campaign-cost': 'campaign-costs',
};
