import type { ScoringModel } from '../../domain';
import type { ModelStore } from '../ports/model-store.port';
import type { LeadRecord } from './lead-record';

/** An event at or before the lead's erasure belongs to the erased person: it is dropped. */
export const isErasedFor = (lead: LeadRecord, at: number): boolean =>
  lead.erasure !== null && at <= lead.erasure.at;

export const seen = (lead: LeadRecord, at: number): void => {
  if (at < lead.firstSeenAt) lead.firstSeenAt = at;
};

/** Seeded at start-up, so a missing default is a broken installation, not bad input. */
export const requireDefaultModel = async (models: ModelStore): Promise<ScoringModel> => {
  const model = await models.defaultModel();
  if (model === undefined) throw new Error('no default scoring model: the bundled models were not seeded');
  return model;
};
