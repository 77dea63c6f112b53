import {
  agingOf,
  attainmentOf,
  channelsOf,
  dispositionsOf,
  funnelOf,
  qualityOf,
  rejectionsOf,
} from '../../domain/dashboard-tables';
import { quarterOf } from '../../domain/period';
import type { DashboardSettings } from '../dashboard/dashboard-settings';
import {
  loadTableRows,
  loadTrend,
  metricValues,
  parsePeriodOrThrow,
  periodView,
} from '../dashboard/period-data';
import type { Transactions } from '../ports/transactions.port';
import { InvalidQueryError } from '../queries';
import type { MetricValue, ReviewSection, WeeklyReview } from '../views';
import { actionItemView } from './add-action-item.use-case';

const BREACHES_SHOWN = 200;

/** The weekly smarketing review: the standing agenda's six sections, from the same roll-up as the dashboard. */
export class GetWeeklyReview {
  constructor(
    private readonly transactions: Transactions,
    private readonly settings: DashboardSettings,
  ) {}

  async execute(q: { readonly week: string }): Promise<WeeklyReview> {
    const week = parsePeriodOrThrow(q.week, 'week');
    if (week.kind !== 'week')
      throw new InvalidQueryError('week', `week must be an ISO week (2026-W48), got "${q.week}"`);
    // The quarter the week ends in: a week spanning two quarters reports on the one it closes.
    const quarter = quarterOf(week.end - 1);
    const money = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: this.settings.currency,
      maximumFractionDigits: 0,
    });
    const pct = (v: number | null) => (v === null ? null : `${(v * 100).toFixed(1)}%`);
    return this.transactions.run(async (tx) => {
      const weekTrend = await loadTrend(tx, week, {}, this.settings);
      const quarterTrend = await loadTrend(tx, quarter, {}, this.settings);
      const weekMetrics = metricValues(weekTrend);
      const quarterMetrics = metricValues(quarterTrend);
      const rows = weekTrend[weekTrend.length - 1]!.inputs.rows;
      const tables = await loadTableRows(tx, week, {});
      const pick = (ms: readonly MetricValue[], ids: readonly string[]) =>
        ids.flatMap((id) => ms.filter((m) => m.id === id));
      const { asOf } = await tx.rollup.freshness();
      const breaches = await tx.sla.breaches(week.start, week.end, BREACHES_SHOWN);
      const items = (await tx.actionItems.ofWeek(week.id)).map(actionItemView);

      const pipeline = quarterMetrics.find((m) => m.id === 'pipeline')!;
      const pipelineHighlight =
        pipeline.target === null
          ? `pipeline is ${money.format(pipeline.actual ?? 0)} with no target set for ${quarter.id}`
          : (pipeline.actual ?? 0) < pipeline.target
            ? `pipeline is ${money.format(pipeline.target - (pipeline.actual ?? 0))} short of the quarter's target`
            : `pipeline is ${money.format((pipeline.actual ?? 0) - pipeline.target)} above the quarter's target`;
      const channels = channelsOf(tables.channels, this.settings.minorPerUnit);
      const rejections = rejectionsOf(tables.detail);
      const owners = new Map<string, number>();
      for (const b of breaches)
        owners.set(b.repId ?? 'unassigned', (owners.get(b.repId ?? 'unassigned') ?? 0) + 1);
      const topOwner = [...owners].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];

      const sections: ReviewSection[] = [
        {
          id: 'pipeline-health',
          title: 'Pipeline health',
          metrics: pick(quarterMetrics, [
            'pipeline',
            'marketing-sourced-pipeline',
            'pipeline-coverage',
            'won-revenue',
          ]),
          tables: [
            {
              title: `${quarter.id} against target`,
              columns: ['Metric', 'Actual', 'Target', 'Gap'],
              rows: pick(quarterMetrics, ['pipeline', 'marketing-sourced-pipeline', 'won-revenue']).map(
                (m) => [
                  m.id,
                  m.actual === null ? null : money.format(m.actual),
                  m.target === null ? null : money.format(m.target),
                  m.target === null || m.actual === null ? null : money.format(m.target - m.actual),
                ],
              ),
            },
          ],
          highlights: [pipelineHighlight],
        },
        {
          id: 'lead-flow',
          title: 'Lead flow',
          metrics: pick(weekMetrics, [
            'mql-volume',
            'mql-acceptance-rate',
            'mql-to-sql-rate',
            'sql-to-opportunity-rate',
          ]),
          tables: [
            {
              title: 'Funnel',
              columns: ['Stage', 'Leads'],
              rows: funnelOf(rows).map((f) => [f.stage, f.count]),
            },
            {
              title: 'Lead aging (MQLs nobody accepted or dispositioned)',
              columns: ['Age', 'MQLs'],
              rows: agingOf(rows, week.end).map((a) => [a.bucket, a.count]),
            },
          ],
          highlights: [
            `${weekMetrics.find((m) => m.id === 'mql-volume')!.actual ?? 0} MQLs this week, ${pct(weekMetrics.find((m) => m.id === 'mql-to-sql-rate')!.actual) ?? 'no'} of them SQL so far`,
          ],
        },
        {
          id: 'campaign-performance',
          title: 'Campaign performance',
          metrics: pick(weekMetrics, ['marketing-spend', 'cost-per-sql', 'marketing-roi']),
          tables: [
            {
              title: 'Channels',
              columns: ['Channel', 'Leads', 'SQLs', 'Pipeline', 'Spend', 'Cost per SQL'],
              rows: channels.map((c) => [
                c.channel,
                c.leads,
                c.sqls,
                money.format(c.pipeline),
                money.format(c.spend),
                c.costPerSql === null ? null : money.format(c.costPerSql),
              ]),
            },
          ],
          highlights: channels[0]
            ? [`top channel by pipeline: ${channels[0].channel} (${money.format(channels[0].pipeline)})`]
            : [],
        },
        {
          id: 'lead-quality',
          title: 'Lead quality feedback',
          metrics: pick(weekMetrics, ['mql-acceptance-rate']),
          tables: [
            {
              title: 'Dispositions',
              columns: ['Disposition', 'Leads'],
              rows: [...dispositionsOf(tables.detail)].sort(),
            },
            {
              title: 'Rejection reasons',
              columns: ['Source', 'Campaign', 'Band', 'Reason', 'Leads'],
              rows: rejections.map((r) => [r.source, r.campaign, r.band, r.reason, r.count]),
            },
            {
              title: 'Calibration by band',
              columns: ['Band', 'MQLs', 'Accepted', 'SQL rate', 'Win rate'],
              rows: qualityOf(rows, 'band').map((b) => [
                b.bucket,
                b.leads,
                pct(b.acceptRate),
                pct(b.sqlRate),
                pct(b.winRate),
              ]),
            },
          ],
          highlights: rejections[0]
            ? [`most rejected: ${rejections[0].reason} from ${rejections[0].source} (${rejections[0].count})`]
            : [],
        },
        {
          id: 'sla-breaches',
          title: 'SLA breaches and who owns them',
          metrics: pick(weekMetrics, [
            'response-sla-attainment',
            'disposition-sla-attainment',
            'response-time-business-avg',
          ]),
          tables: [
            {
              title: 'Breaches',
              columns: ['Lead', 'SLA', 'Rep', 'Team', 'Due'],
              rows: breaches.map((b) => [
                b.leadId,
                b.kind,
                b.repId,
                b.teamId,
                new Date(b.dueAt).toISOString(),
              ]),
            },
            {
              title: 'Response SLA by rep and team',
              columns: ['By', 'Who', 'Met', 'Missed', 'Open', 'Rate'],
              rows: attainmentOf(tables.detail, 'response').map((a) => [
                a.by,
                a.key,
                a.met,
                a.missed,
                a.open,
                pct(a.rate),
              ]),
            },
          ],
          highlights: topOwner
            ? [`${breaches.length} SLA breaches this week; ${topOwner[0]} owns ${topOwner[1]}`]
            : ['no SLA breaches this week'],
        },
        {
          id: 'action-items',
          title: 'Action items',
          metrics: [],
          tables: [
            {
              title: 'Action items',
              columns: ['Item', 'Owner', 'Due', 'Done'],
              rows: items.map((i) => [i.text, i.owner, i.due, i.done ? 'yes' : 'no']),
            },
          ],
          highlights: [`${items.filter((i) => !i.done).length} open of ${items.length}`],
        },
      ];
      return {
        week: week.id,
        period: periodView(week),
        quarter: periodView(quarter),
        currency: this.settings.currency,
        sections,
        asOf: asOf === null ? null : new Date(asOf).toISOString(),
      };
    });
  }
}
