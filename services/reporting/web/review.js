// The weekly review: one section per item of the standing agenda, in its order, printable.
import { getJson } from './api.js';
import { el, formatValue, table, trendOf } from './format.js';

const $ = (id) => document.getElementById(id);
const week = decodeURIComponent(location.pathname.split('/').pop() ?? '');

/** The ISO week `delta` weeks from `id` (2026-W48 → 2026-W49). */
function shiftWeek(id, delta) {
  const [y, w] = id.split('-W').map(Number);
  const jan4 = new Date(Date.UTC(y, 0, 4));
  const monday = Date.UTC(y, 0, 4 - ((jan4.getUTCDay() || 7) - 1) + (w - 1 + delta) * 7);
  const d = new Date(monday + 3 * 86_400_000);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const n = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(n).padStart(2, '0')}`;
}

function metricRow(m, catalog, currency) {
  const def = catalog.get(m.id) ?? { name: m.id, unit: 'count', better: 'up' };
  const f = (x) => formatValue(x, def.unit, currency, def);
  const trend = trendOf(m.actual, m.previous, def.better);
  return [
    def.name,
    el('span', { 'data-metric': m.id, 'data-value': m.actual ?? '' }, f(m.actual)),
    f(m.target),
    f(m.previous),
    el('span', { class: `trend ${trend.mood}`, 'aria-label': trend.label }, trend.arrow),
    m.owner,
  ];
}

function section(s, catalog, currency) {
  return el(
    'section',
    { class: 'review-section', 'data-section': s.id },
    el('h2', {}, s.title),
    ...(s.highlights.length
      ? [el('ul', { class: 'highlights' }, ...s.highlights.map((h) => el('li', {}, h)))]
      : []),
    ...(s.metrics.length
      ? [
          table(
            'Metrics',
            ['Metric', 'Actual', 'Target', 'Previous', 'Trend', 'Owner'],
            s.metrics.map((m) => metricRow(m, catalog, currency)),
          ),
        ]
      : []),
    ...s.tables.map((t) => table(t.title, t.columns, t.rows)),
    ...(s.metrics.length || s.tables.length || s.highlights.length
      ? []
      : [el('p', { class: 'muted' }, 'Nothing this week.')]),
  );
}

async function main() {
  $('print').addEventListener('click', () => window.print());
  $('previous-week').href = `/reviews/${shiftWeek(week, -1)}`;
  $('next-week').href = `/reviews/${shiftWeek(week, 1)}`;
  const [review, metrics] = await Promise.all([
    getJson(`/v1/reviews/${encodeURIComponent(week)}`),
    getJson('/v1/metrics'),
  ]);
  const catalog = new Map(metrics.metrics.map((m) => [m.id, m]));
  document.title = `Weekly smarketing review ${review.week}`;
  $('title').textContent = `Weekly smarketing review · ${review.week}`;
  const asOf = review.asOf
    ? new Date(review.asOf).toISOString().replace('T', ' ').slice(0, 16) + ' UTC'
    : 'no events yet';
  $('status').textContent =
    `${review.period.start.slice(0, 10)} to ${review.period.end.slice(0, 10)} (end exclusive) · quarter ${review.quarter.id} · numbers as of ${asOf}`;
  $('sections').replaceChildren(...review.sections.map((s) => section(s, catalog, review.currency)));
  document.body.dataset.loaded = 'true';
}

main().catch((e) => {
  $('status').textContent = `Could not load the review: ${e.message}`;
  $('status').className = 'status error';
});
