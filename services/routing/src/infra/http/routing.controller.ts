import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { NotFoundError, Route, Scopes } from '@smarketing/http';
import type { z } from 'zod';
import type { AssignmentRecord } from '../../app/ports/assignment-store.port';
import type { LeadRecord } from '../../app/ports/lead-store.port';
import { GetLeadRouting } from '../../app/use-cases/get-lead-routing.use-case';
import { GetPoolState } from '../../app/use-cases/get-pool-state.use-case';
import { GetRepLoad } from '../../app/use-cases/get-rep-load.use-case';
import { heldQuery, leadParams, loadQuery, poolParams } from './request-schemas';

const isoOf = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const ownerView = (lead: LeadRecord) => ({
  leadId: lead.leadId,
  status: lead.status,
  cycle: lead.cycle,
  repId: lead.ownerRepId,
  queueId: lead.queueId,
  poolId: lead.poolId,
  ruleId: lead.ruleId,
  heldBefore: lead.heldBefore,
});

const assignmentView = (a: AssignmentRecord) => ({ ...a, occurredAt: isoOf(a.occurredAt) });

/** Assignments, owners, pools and load (read scope). */
@Controller('v1')
@Scopes('read')
export class RoutingController {
  constructor(
    @Inject(GetLeadRouting) private readonly leadRouting: GetLeadRouting,
    @Inject(GetPoolState) private readonly poolState: GetPoolState,
    @Inject(GetRepLoad) private readonly repLoad: GetRepLoad,
  ) {}

  @Get('leads/:leadId/owner')
  @Route({
    summary: "A lead's current owner, queue or hold.",
    params: leadParams,
    responses: { 200: 'The owner.' },
  })
  async owner(@Param() { leadId }: z.output<typeof leadParams>) {
    const found = await this.leadRouting.execute(leadId);
    if (found === undefined) throw new NotFoundError(`no lead ${leadId}`);
    return ownerView(found.lead);
  }

  @Get('leads/:leadId/assignments')
  @Route({
    summary:
      "A lead's full routing history, each decision with its trace (rules version, rule, pool, candidates, turn).",
    params: leadParams,
    responses: { 200: 'The history, oldest first.' },
  })
  async assignments(@Param() { leadId }: z.output<typeof leadParams>) {
    const found = await this.leadRouting.execute(leadId);
    if (found === undefined) throw new NotFoundError(`no lead ${leadId}`);
    return { current: ownerView(found.lead), assignments: found.history.map(assignmentView) };
  }

  @Get('pools/:poolId')
  @Route({
    summary: "A pool's state: turn, cursor, each member's counts and catch-up debt, held leads.",
    params: poolParams,
    query: heldQuery,
    responses: { 200: 'The pool.' },
  })
  async pool(
    @Param() { poolId }: z.output<typeof poolParams>,
    @Query() { held }: z.output<typeof heldQuery>,
  ) {
    const view = await this.poolState.execute(poolId, held);
    if (view === undefined)
      throw new NotFoundError(`no state for pool ${poolId} (it has routed no lead yet)`);
    return {
      ...view,
      heldLeads: view.heldLeads.map((h) => ({ ...h, dueAt: isoOf(h.dueAt), heldAt: isoOf(h.heldAt) })),
    };
  }

  @Get('load')
  @Route({
    summary:
      'Fairness and load per rep over time (UTC days): assigned, passed over for a cap, for another reason, share.',
    query: loadQuery,
    responses: { 200: 'Per rep.' },
  })
  load(@Query() query: z.output<typeof loadQuery>) {
    return this.repLoad.execute(query);
  }
}
