import { TOPICS, type TopicDef } from '@smarketing/contracts';
import type { LogEntry } from '../../src/app/__tests__/lifecycle-fixture';

/** The topic each log entry goes to (the keys are the in-memory fixture's, `applyLog`). */
export const TOPIC_OF: Record<LogEntry['topic'], TopicDef> = {
  leads: TOPICS.leadUpserted,
  profiles: TOPICS.leadProfile,
  touchpoints: TOPICS.touchpointRecorded,
  activities: TOPICS.salesActivityRecorded,
  dispositions: TOPICS.leadDispositioned,
  opportunities: TOPICS.opportunityUpdated,
  costs: TOPICS.campaignCostRecorded,
  merges: TOPICS.leadsMerged,
  erasures: TOPICS.leadErased,
  scores: TOPICS.leadScored,
  lifecycle: TOPICS.lifecycleChanged,
  accounts: TOPICS.accountScored,
  assignments: TOPICS.leadAssigned,
  sla: TOPICS.slaStatusChanged,
  volume: TOPICS.volumeSlaEvaluated,
  credits: TOPICS.attributionCredited,
};
