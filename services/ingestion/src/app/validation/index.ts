export { campaignCostSchema, parseCampaignCost, type CampaignCost } from './campaign-cost.schema';
export {
  DISPOSITION_OUTCOMES,
  DISPOSITION_REASONS,
  dispositionSchema,
  parseDisposition,
  type Disposition,
  type DispositionOutcome,
  type DispositionReason,
} from './disposition.schema';
export { checkInputShape, type InputShapeOptions } from './input-shape.guard';
export {
  OPPORTUNITY_STATUSES,
  opportunitySchema,
  parseOpportunity,
  type Opportunity,
  type OpportunityStatus,
} from './opportunity.schema';
export {
  parseSalesActivity,
  SALES_ACTIVITY_KINDS,
  salesActivitySchema,
  type SalesActivity,
  type SalesActivityKind,
} from './sales-activity.schema';
export { parseSegmentBatch, segmentBatchSchema, type SegmentBatch } from './segment-batch.schema';
export { parseSegmentCall, segmentCallSchema, type SegmentCall } from './segment-call.schema';
export type { SegmentCallType } from './segment-common.schema';
export { segmentContextSchema, type SegmentContext } from './segment-context.schema';
export { groupCallSchema, parseGroupCall, type GroupCall } from './segment-group.schema';
export { identifyCallSchema, parseIdentifyCall, type IdentifyCall } from './segment-identify.schema';
export { pageCallSchema, parsePageCall, type PageCall } from './segment-page.schema';
export { parseTrackCall, trackCallSchema, type TrackCall } from './segment-track.schema';
export { VALIDATION_LIMITS, type ValidationError, type ValidationResult } from './validation-result';
