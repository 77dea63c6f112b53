import { LeadDispositionedHandler } from './lead-dispositioned.handler';
import { LeadErasedHandler } from './lead-erased.handler';
import { LeadsMergedHandler } from './leads-merged.handler';
import { LeadUpsertedHandler } from './lead-upserted.handler';
import { OpportunityUpdatedHandler } from './opportunity-updated.handler';
import { TouchpointRecordedHandler } from './touchpoint-recorded.handler';

/** Every topic scoring consumes. */
export const SCORING_HANDLERS = [
  LeadUpsertedHandler,
  TouchpointRecordedHandler,
  LeadDispositionedHandler,
  OpportunityUpdatedHandler,
  LeadsMergedHandler,
  LeadErasedHandler,
];
