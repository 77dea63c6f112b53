import { catalogDefinitions, type MetricDefinition } from '../../domain/metrics-catalog';

const UNIT: Record<MetricDefinition['unit'], string> = {
  count: 'count',
  share: 'share (0–1)',
  currency: 'money (REPORTING_CURRENCY)',
  hours: 'hours',
  days: 'days',
  ratio: 'ratio (×)',
  'per-day': 'money per day',
};

/** docs/metrics.md: the metrics catalog rendered, so BI reads the same definitions the API serves. */
export function renderMetricsDoc(catalog: readonly MetricDefinition[] = catalogDefinitions()): string {
  const lines = [
    '# Reporting: the metrics catalog',
    '',
    '<!-- Generated from services/reporting/src/domain/metrics-catalog.ts by scripts/render-metrics-doc.ts. Do not edit. -->',
    '',
    'Every number of the shared dashboard and the weekly review, defined once. Periods are UTC',
    '(quarters `2026-Q4`, months `2026-11`, ISO weeks `2026-W48`); an event counts in the period',
    'its event time (`occurredAt`) falls in. Rates are cohorts: the leads that entered the first',
    'stage in the period, and whether they reached the second by now. Money in another currency',
    'than REPORTING_CURRENCY is left out.',
    '',
  ];
  for (const m of catalog) {
    lines.push(`## ${m.name} (\`${m.id}\`)`, '', m.definition, '');
    lines.push(
      `- Unit: ${UNIT[m.unit]}; owner by default: ${m.defaultOwner}; ${m.better === 'up' ? 'higher' : 'lower'} is better.`,
    );
    lines.push(`- Sources: ${m.sources.map((s) => `\`${s}\``).join(', ')}.`);
    if (m.caveat) lines.push(`- Caveat: ${m.caveat}`);
    lines.push('');
  }
  return lines.join('\n');
}
