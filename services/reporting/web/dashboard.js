// The shared dashboard: filters in the URL, tiles from the catalog and the dashboard view, charts
// with chart.js, tables for the detail, and a re-fetch whenever the read models move.
import { getJson, isoWeekOf, onFreshness, signOut } from './api.js';
import { count, el, formatValue, pct, table, trendOf } from './format.js';

const FILTERS = ['segment', 'region', 'channel', 'team'];
const $ = (id) => document.getElementById(id);
const charts = {};
let catalog = new Map();
let view = null;

/** The current quarter and the periods around it, for the picker. */
function periodChoices(now = new Date()) {
  const y = now.getUTCFullYear();
  const q = Math.floor(now.getUTCMonth() / 3) + 1;
  const quarters = [];
  for (let i = 0; i < 6; i++) {
    const n = y * 4 + (q - 1) - i;
    quarters.push(`${Math.floor(n / 4)}-Q${(n % 4) + 1}`);
  }
  const months = [];
  for (let i = 0; i < 12; i++) {
    const d = new Date(Date.UTC(y, now.getUTCMonth() - i, 1));
    months.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  const weeks = [];
  for (let i = 0; i < 8; i++) weeks.push(isoWeekOf(new Date(now.getTime() - i * 7 * 86_400_000)));
  return [...quarters, ...months, ...weeks];
}

function readUrl() {
  const params = new URLSearchParams(location.search);
  const choices = periodChoices();
  $('periods').replaceChildren(...choices.map((p) => el('option', { value: p })));
  $('period').value = params.get('period') ?? choices[0];
  for (const f of FILTERS) $(f).dataset.wanted = params.get(f) ?? '';
}

function query() {
  const params = new URLSearchParams({ period: $('period').value.trim() });
  for (const f of FILTERS) if ($(f).value) params.set(f, $(f).value);
  return params;
}

async function loadFilters() {
  const options = await getJson('/v1/filters');
  const lists = {
    segment: options.segments,
    region: options.regions,
    channel: options.channels,
    team: options.teams,
  };
  for (const f of FILTERS) {
    const select = $(f);
    select.replaceChildren(
      el('option', { value: '' }, 'All'),
      ...lists[f].map((v) => el('option', { value: v }, v)),
    );
    select.value = lists[f].includes(select.dataset.wanted) ? select.dataset.wanted : '';
  }
}

async function load() {
  const params = query();
  history.replaceState(null, '', `/?${params}`);
  $('status').textContent = 'Loading…';
  try {
    view = await getJson(`/v1/dashboard?${params}`);
  } catch (e) {
    $('status').textContent = `Could not load the dashboard: ${e.message}`;
    $('status').className = 'status error';
    return;
  }
  render(view);
}

function render(v) {
  const asOf = v.asOf
    ? new Date(v.asOf).toLocaleString('en-US', { timeZone: 'UTC', timeZoneName: 'short' })
    : 'no events yet';
  $('status').textContent = `Numbers as of ${asOf} · live`;
  $('status').className = 'status';
  $('period-label').textContent = `${v.period.id} (previous: ${v.previousPeriod.id})`;
  document.body.dataset.period = v.period.id;
  $('tiles').replaceChildren(...v.metrics.map((m) => tile(m, v.currency)));
  renderCharts(v);
  renderTables(v);
}

function tile(m, currency) {
  const def = catalog.get(m.id) ?? { id: m.id, name: m.id, unit: 'count', better: 'up', definition: '' };
  const f = (x) => formatValue(x, def.unit, currency, def);
  const trend = trendOf(m.actual, m.previous, def.better);
  return el(
    'article',
    { class: 'tile', 'data-metric': m.id, 'data-value': m.actual ?? '', title: def.definition },
    el('h3', {}, def.name),
    el(
      'p',
      { class: 'actual' },
      f(m.actual),
      ' ',
      el('span', { class: `trend ${trend.mood}`, 'aria-label': trend.label }, trend.arrow),
    ),
    el(
      'dl',
      {},
      el('dt', {}, 'Target'),
      el('dd', { class: 'target' }, f(m.target)),
      el('dt', {}, 'Previous'),
      el('dd', { class: 'previous' }, f(m.previous)),
      el('dt', {}, 'Owner'),
      el('dd', { class: 'owner' }, m.owner),
    ),
    ...(def.caveat ? [el('p', { class: 'caveat' }, def.caveat)] : []),
  );
}

function chart(id, config) {
  const Chart = window.Chart;
  if (!charts[id]) {
    charts[id] = new Chart($(id), {
      ...config,
      options: { animation: false, responsive: true, ...config.options },
    });
    return;
  }
  charts[id].data = config.data;
  charts[id].update();
}

function renderCharts(v) {
  chart('funnel-chart', {
    type: 'bar',
    data: {
      labels: v.funnel.map((s) => s.stage.toUpperCase()),
      datasets: [{ label: 'Leads', data: v.funnel.map((s) => s.count), backgroundColor: '#3b6fd8' }],
    },
    options: { plugins: { legend: { display: false } } },
  });

  const select = $('trend-metric');
  const chosen = select.value || v.metrics[0]?.id;
  select.replaceChildren(
    ...v.metrics.map((m) => el('option', { value: m.id }, catalog.get(m.id)?.name ?? m.id)),
  );
  select.value = chosen ?? '';
  renderTrend(v);

  const rows = [
    ...v.attainment.response.map((r) => ['response', r]),
    ...v.attainment.disposition.map((r) => ['disposition', r]),
  ];
  const keys = [...new Set(rows.map(([, r]) => r.key))];
  const rateOf = (kind, key) => {
    const found = rows.find(([k, r]) => k === kind && r.key === key);
    return found && found[1].rate !== null ? Math.round(found[1].rate * 1000) / 10 : null;
  };
  chart('attainment-chart', {
    type: 'bar',
    data: {
      labels: keys,
      datasets: [
        { label: 'Response met %', data: keys.map((k) => rateOf('response', k)), backgroundColor: '#3b6fd8' },
        {
          label: 'Disposition met %',
          data: keys.map((k) => rateOf('disposition', k)),
          backgroundColor: '#e29a2d',
        },
      ],
    },
    options: { scales: { y: { min: 0, max: 100 } } },
  });

  chart('channel-chart', {
    type: 'doughnut',
    data: {
      labels: v.channels.map((c) => c.channel),
      datasets: [
        {
          data: v.channels.map((c) => c.leads),
          backgroundColor: ['#3b6fd8', '#e29a2d', '#2e9e6b', '#b24c9e', '#7a7a7a', '#d64545', '#4cb2c9'],
        },
      ],
    },
    options: { aspectRatio: 2, plugins: { legend: { position: 'right' } } },
  });
}

function renderTrend(v) {
  const m = v.metrics.find((x) => x.id === $('trend-metric').value);
  if (!m) return;
  const def = catalog.get(m.id);
  chart('trend-chart', {
    type: 'line',
    data: {
      labels: m.trend.map((t) => t.period),
      datasets: [
        { label: def?.name ?? m.id, data: m.trend.map((t) => t.value), borderColor: '#3b6fd8', tension: 0.2 },
      ],
    },
  });
}

function renderTables(v) {
  const money = (x) => formatValue(x, 'currency', v.currency);
  const bucketRows = (rows) =>
    rows.map((b) => [
      b.bucket,
      count(b.leads),
      count(b.accepted),
      count(b.rejected),
      pct(b.acceptRate),
      pct(b.sqlRate),
      pct(b.winRate),
    ]);
  const bucketCols = ['', 'Leads', 'Accepted', 'Rejected', 'Accept rate', 'SQL rate', 'Win rate'];
  $('tables').replaceChildren(
    table(
      'Channels',
      ['Channel', 'Leads', 'SQLs', 'Pipeline', 'Spend', 'Attributed revenue', 'Cost per SQL'],
      v.channels.map((c) => [
        c.channel,
        count(c.leads),
        count(c.sqls),
        money(c.pipeline),
        money(c.spend),
        money(c.attributedRevenue),
        money(c.costPerSql),
      ]),
      { id: 'channels-table' },
    ),
    table('Lead quality by score band', bucketCols, bucketRows(v.quality.byBand), {
      id: 'quality-band-table',
    }),
    table('Lead quality by score decile', bucketCols, bucketRows(v.quality.byDecile), {
      id: 'quality-decile-table',
    }),
    table(
      'Rejections',
      ['Source', 'Campaign', 'Band', 'Reason', 'Count'],
      v.quality.rejections.map((r) => [r.source, r.campaign, r.band, r.reason, count(r.count)]),
      { id: 'rejections-table' },
    ),
    table(
      'Volume SLA per segment',
      ['Policy', 'Segment', 'Target', 'Actual', 'Quality rate', 'Status'],
      v.attainment.volume.map((r) => [
        r.policyId,
        r.segment,
        count(r.target),
        count(r.actual),
        pct(r.qualityRate),
        r.status,
      ]),
      { id: 'volume-table' },
    ),
  );
}

/** Live: one re-fetch at a time, and one more if the read models moved meanwhile. */
let inFlight = null;
let again = false;
function refresh() {
  if (inFlight) {
    again = true;
    return;
  }
  inFlight = load().finally(() => {
    inFlight = null;
    if (again) {
      again = false;
      refresh();
    }
  });
}

async function main() {
  readUrl();
  $('review-link').href = `/reviews/${isoWeekOf(new Date())}`;
  $('sign-out').addEventListener('click', () => void signOut());
  $('filters').addEventListener('change', () => refresh());
  $('filters').addEventListener('submit', (e) => {
    e.preventDefault();
    refresh();
  });
  $('trend-metric').addEventListener('change', () => view && renderTrend(view));
  const [metrics] = await Promise.all([getJson('/v1/metrics'), loadFilters()]);
  catalog = new Map(metrics.metrics.map((m) => [m.id, m]));
  await load();
  onFreshness(() => refresh());
}

main().catch((e) => {
  $('status').textContent = `Could not load the dashboard: ${e.message}`;
  $('status').className = 'status error';
});
