import { waitFor } from '@smarketing/testing';
import type { DashboardView } from '../../src/app/views';
import type { ReportingUnderTest } from './reporting-harness';

/** A metric's actual value on the dashboard API. */
export const actualOf = (view: DashboardView, metricId: string): number | null | undefined =>
  view.metrics.find((m) => m.id === metricId)?.actual;

/** The dashboard of `query` once `ready` holds for it (the read models have caught up). */
export async function dashboardWhen(
  s: ReportingUnderTest,
  query: string,
  ready: (view: DashboardView) => boolean,
  description: string,
): Promise<DashboardView> {
  return waitFor(
    async () => {
      const res = await s.get(`/v1/dashboard?${query}`);
      const view = res.body as DashboardView;
      return res.status === 200 && ready(view) && view;
    },
    { description },
  );
}
