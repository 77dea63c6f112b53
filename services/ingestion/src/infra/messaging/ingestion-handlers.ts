import type { AnyEventHandler } from '@smarketing/messaging';
import type { ApplyCrmFacts } from '../../app/use-cases/apply-crm-facts.use-case';
import type { ApplySegmentCalls } from '../../app/use-cases/apply-segment-calls.use-case';
import { CrmIntakeHandler } from './crm-intake.handler';
import { SegmentIntakeHandler } from './segment-intake.handler';

/** Every topic ingestion consumes, each with its use case (the module passes them in: kafkaHandlers). */
export const ingestionHandlers = (
  applySegmentCalls: ApplySegmentCalls,
  applyCrmFacts: ApplyCrmFacts,
): AnyEventHandler[] => [
  // intake.segment.v1: Segment calls produced to Kafka directly, applied as over HTTP.
  new SegmentIntakeHandler(applySegmentCalls),
  // intake.crm.v1: CRM facts, one per record.
  new CrmIntakeHandler(applyCrmFacts),
];
