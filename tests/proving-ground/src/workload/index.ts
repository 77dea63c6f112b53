export { generateQuarter, generateWorkload, type Quarter, type WorkloadOptions } from './generate-workload';
export type { LeadPlan } from './journey';
export type { CrmEvent, JourneyEvent, SegmentEvent } from './journey-event';
export type { PredictedRoute } from './routing-rules';
export type { Call, IntakeRecord, IntakeTopic, Workload } from './workload.types';
