import { scoreLead, type LeadOutcome, type LeadScore, type LifecycleState } from '../../domain';
import { hasSignals } from '../lead/lead-record';
import { signalsOf } from '../lead/rescore-lead';
import type { Transactions } from '../ports/transactions.port';

export type LeadScoreView = {
  leadId: string;
  /** Set when the requested lead was merged: the survivor's score is returned. */
  mergedInto: string | null;
  score: LeadScore;
  lifecycle: LifecycleState;
  outcome: LeadOutcome | null;
};

export type GetLeadScoreResult =
  { kind: 'found'; view: LeadScoreView } | { kind: 'lead_not_found' } | { kind: 'model_not_found' };

/**
 * The lead's current score under the default model, with its explanation and lifecycle stage. With a
 * model id (and optionally a version), the lead is scored on demand under that model at the same
 * evaluation time: only the default model is kept up to date on the data path.
 */
export class GetLeadScore {
  constructor(private readonly transactions: Transactions) {}

  async execute(leadId: string, model?: { modelId: string; version?: number }): Promise<GetLeadScoreResult> {
    return this.transactions.run(async (tx): Promise<GetLeadScoreResult> => {
      let lead = await tx.leads.find(leadId);
      if (lead?.mergedInto) lead = await tx.leads.find(lead.mergedInto);
      if (lead === undefined || lead.score === null || !hasSignals(lead)) return { kind: 'lead_not_found' };
      let score = lead.score;
      if (model !== undefined) {
        const stored =
          model.version === undefined
            ? await tx.models.latest(model.modelId)
            : await tx.models.get(model.modelId, model.version);
        if (stored === undefined) return { kind: 'model_not_found' };
        score = scoreLead(stored.model, signalsOf(lead), score.at);
      }
      const mergedInto = lead.leadId === leadId ? null : lead.leadId;
      return {
        kind: 'found',
        view: { leadId, mergedInto, score, lifecycle: lead.lifecycle, outcome: lead.outcome },
      };
    });
  }
}
