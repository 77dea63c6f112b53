import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { Route, Scopes } from '@smarketing/http';
import type { z } from 'zod';
import { DashboardQueries } from '../../app/queries';
import { fieldsOf } from './query-errors';
import { dashboardQuery, weekParams } from './request-schemas';

/** The shared dashboard, its filters and catalog, the weekly review and the rebuild's progress (read scope). */
@Controller('v1')
@Scopes('read')
export class DashboardController {
  constructor(@Inject(DashboardQueries) private readonly queries: DashboardQueries) {}

  @Get('dashboard')
  @Route({
    summary:
      "The dashboard of a period (2026-Q4, 2026-11, 2026-W48): every catalog metric's actual, target, previous period, trend and owner, with the funnel, channels, SLA attainment and lead quality.",
    query: dashboardQuery,
    responses: { 200: 'The dashboard (DashboardView).' },
  })
  dashboard(@Query() { period, ...filters }: z.output<typeof dashboardQuery>) {
    return fieldsOf('query', () => this.queries.dashboard({ period, filters: withoutUndefined(filters) }));
  }

  @Get('filters')
  @Route({
    summary: 'The values each dashboard filter can take.',
    responses: { 200: 'Segments, regions, channels, teams.' },
  })
  filters() {
    return this.queries.filterOptions();
  }

  @Get('metrics')
  @Route({
    summary: 'The metrics catalog: each metric’s definition, sources, unit, default owner and caveat.',
    responses: { 200: 'The catalog.' },
  })
  metrics() {
    return { metrics: this.queries.catalog() };
  }

  @Get('reviews/:week')
  @Route({
    summary: 'The weekly smarketing review of an ISO week (2026-W48), in the order of the standing agenda.',
    params: weekParams,
    responses: { 200: 'The review (WeeklyReview).' },
  })
  review(@Param() { week }: z.output<typeof weekParams>) {
    return fieldsOf('params', () => this.queries.weeklyReview({ week }));
  }

  @Get('rebuild')
  @Route({
    summary: 'Progress of the last rebuild of the read models from the topics.',
    responses: { 200: 'The status.' },
  })
  rebuild() {
    return this.queries.rebuildStatus();
  }
}

const withoutUndefined = <T extends Record<string, string | undefined>>(o: T): Record<string, string> =>
  Object.fromEntries(Object.entries(o).filter((e): e is [string, string] => e[1] !== undefined));
