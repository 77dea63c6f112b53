import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { Route, Scopes } from '@smarketing/http';
import type { z } from 'zod';
import { explanationOf } from '../../app/lead/score-explanation';
import { GetLeadScore } from '../../app/use-cases/get-lead-score.use-case';
import { leadScoreParams, leadScoreQuery } from './request-schemas';

/** A lead's current score with its explanation and lifecycle stage (read scope). */
@Controller('v1/leads')
@Scopes('read')
export class LeadsController {
  constructor(@Inject(GetLeadScore) private readonly getScore: GetLeadScore) {}

  @Get(':leadId/score')
  @Route({
    summary:
      "A lead's current score, its explanation, lifecycle stage and outcome (a merged id answers with its survivor).",
    params: leadScoreParams,
    query: leadScoreQuery,
    responses: { 200: 'The score.' },
  })
  async score(
    @Param() { leadId }: z.output<typeof leadScoreParams>,
    @Query() { modelId, version }: z.output<typeof leadScoreQuery>,
  ) {
    const result = await this.getScore.execute(
      leadId,
      modelId === undefined ? undefined : { modelId, ...(version === undefined ? {} : { version }) },
    );
    if (result.kind === 'lead_not_found')
      throw new NotFoundException({ error: 'not_found', message: `no score for lead ${leadId}` });
    if (result.kind === 'model_not_found')
      throw new NotFoundException({
        error: 'not_found',
        errors: [{ path: 'query.modelId', message: 'no such published model' }],
      });
    const { view } = result;
    const { score, lifecycle } = view;
    return {
      leadId: view.leadId,
      mergedInto: view.mergedInto,
      modelId: score.modelId,
      modelVersion: score.modelVersion,
      at: score.at,
      fit: score.fit,
      engagement: score.engagement,
      total: score.total,
      band: score.band,
      disqualifiedBy: score.disqualifiedBy ?? null,
      // The same explanation, field for field, as the lead-scored event.
      ...explanationOf(score),
      lifecycle: {
        stage: lifecycle.stage,
        enteredAt: lifecycle.enteredAt,
        mqlCycle: lifecycle.mqlCycle,
        openOpportunityIds: lifecycle.openOpportunityIds,
        reason: lifecycle.reason ?? null,
      },
      outcome: view.outcome,
    };
  }
}
