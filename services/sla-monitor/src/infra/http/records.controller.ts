import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ConflictError, NotFoundError, Route, Scopes } from '@smarketing/http';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { TimelineEntry } from '../../app/ports/sla-record-store.port';
import { PauseRecord, ResumeRecord, type PauseResult } from '../../app/use-cases/pause-record.use-case';
import { GetAttainment, GetRecord, ListAtRisk } from '../../app/use-cases/read-records.use-case';
import type { SlaRecord } from '../../domain/sla-record';
import type { SlaSchedule } from '../../domain/sla-schedule';
import { atRiskQuery, attainmentQuery, pauseBody, recordParams } from './request-schemas';

const time = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

const recordView = (r: SlaRecord) => ({
  slaRecordId: r.id,
  kind: r.kind,
  leadId: r.leadId,
  repId: r.repId,
  teamId: r.teamId,
  assignmentId: r.assignmentId,
  policy: r.policy,
  calendar: r.calendar,
  matchedOn: r.matchedOn,
  status: r.status,
  startedAt: time(r.startedAt),
  dueAt: time(r.dueAt),
  warnedAt: time(r.warnedAt),
  breachedAt: time(r.breachedAt),
  escalatedAt: time(r.escalatedAt),
  reassignmentRequestedAt: time(r.reassignmentRequestedAt),
  resolvedAt: time(r.resolvedAt),
  resolvedBy: r.resolvedBy,
  firstActionAt: time(r.firstActionAt),
  closedAt: time(r.closedAt),
  pauses: r.pauses.map((p) => ({ from: time(p.from), to: time(p.to), reason: p.reason })),
});

const scheduleView = (s: SlaSchedule) => ({
  warningAt: time(s.warning),
  dueAt: time(s.breach),
  escalationAt: time(s.escalation),
  reassignmentAt: time(s.reassignment),
});

const timelineView = (e: TimelineEntry) => ({
  sequence: e.sequence,
  step: e.step,
  status: e.status,
  at: time(e.at),
  eventId: e.eventId,
  supersedesSequence: e.supersedes,
  elapsedBusinessMs: e.elapsedBusinessMs,
  cause: e.cause,
  firedAt: time(e.firedAt),
});

const changed = (result: PauseResult) => {
  switch (result.kind) {
    case 'not_found':
      throw new NotFoundError('no such SLA record', [
        { path: 'params.recordId', message: 'no such SLA record' },
      ]);
    case 'unchanged':
      throw new ConflictError(result.message);
    case 'changed':
      return recordView(result.record);
  }
};

/** SLA records: one with its timeline, open ones by deadline (read); pause and resume (admin); attainment (read). */
@Controller('v1')
export class RecordsController {
  constructor(
    @Inject(GetRecord) private readonly getRecord: GetRecord,
    @Inject(ListAtRisk) private readonly atRisk: ListAtRisk,
    @Inject(PauseRecord) private readonly pause: PauseRecord,
    @Inject(ResumeRecord) private readonly resume: ResumeRecord,
    @Inject(GetAttainment) private readonly getAttainment: GetAttainment,
  ) {}

  @Get('records/at-risk')
  @Scopes('read')
  @Route({
    summary: 'Open records (running or warned) due within `withinHours` or overdue, soonest deadline first.',
    query: atRiskQuery,
    responses: { 200: 'The records.' },
  })
  async listAtRisk(@Query() q: z.output<typeof atRiskQuery>) {
    const records = await this.atRisk.execute(q.withinHours * 3_600_000, q.limit);
    return { records: records.map(recordView) };
  }

  @Get('records/:recordId')
  @Scopes('read')
  @Route({
    summary: 'An SLA record, its chain of deadlines and its timeline.',
    params: recordParams,
    responses: { 200: 'The record.' },
  })
  async record(@Param() { recordId }: z.output<typeof recordParams>) {
    const found = await this.getRecord.execute(recordId);
    if (!found) throw new NotFoundError(`no SLA record ${recordId}`);
    return {
      ...recordView(found.record),
      schedule: scheduleView(found.schedule),
      timeline: found.timeline.map(timelineView),
    };
  }

  @Post('records/:recordId/pause')
  @HttpCode(200)
  @Scopes('admin')
  @Route({
    summary: "Pause a record's clock (waiting on the customer); paused time does not count.",
    params: recordParams,
    body: pauseBody,
    responses: { 200: 'Paused.' },
  })
  async pauseRecord(
    @Param() { recordId }: z.output<typeof recordParams>,
    @Body() body: z.output<typeof pauseBody>,
    @Req() request: FastifyRequest,
  ) {
    return changed(
      await this.pause.execute({
        recordId,
        reason: body.reason,
        ...(body.at ? { at: Date.parse(body.at) } : {}),
        by: request.principal?.keyId ?? 'unknown',
      }),
    );
  }

  @Post('records/:recordId/resume')
  @HttpCode(200)
  @Scopes('admin')
  @Route({
    summary: "Resume a paused record's clock.",
    params: recordParams,
    body: pauseBody,
    responses: { 200: 'Resumed.' },
  })
  async resumeRecord(
    @Param() { recordId }: z.output<typeof recordParams>,
    @Body() body: z.output<typeof pauseBody>,
    @Req() request: FastifyRequest,
  ) {
    return changed(
      await this.resume.execute({
        recordId,
        reason: body.reason,
        ...(body.at ? { at: Date.parse(body.at) } : {}),
        by: request.principal?.keyId ?? 'unknown',
      }),
    );
  }

  @Get('attainment')
  @Scopes('read')
  @Route({
    summary:
      'Attainment per rep, team or policy (and per day, week or month with `bucket`) over the records started in [from, to): met / (met + breached).',
    query: attainmentQuery,
    responses: { 200: 'One row per group and kind.' },
  })
  async attainment(@Query() q: z.output<typeof attainmentQuery>) {
    const rows = await this.getAttainment.execute({
      groupBy: q.groupBy,
      kind: q.kind ?? null,
      bucket: q.bucket ?? null,
      from: Date.parse(q.from),
      to: Date.parse(q.to),
    });
    return {
      groupBy: q.groupBy,
      bucket: q.bucket ?? null,
      from: q.from,
      to: q.to,
      rows: rows.map((r) => ({ ...r, period: r.period === null ? null : new Date(r.period).toISOString() })),
    };
  }
}
