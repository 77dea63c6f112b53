// Numbers as people read them, one place for the dashboard and the review. The locale is fixed so
// both teams (and the browser test) see the same text.
const LOCALE = 'en-US';

const number = (digits) =>
  new Intl.NumberFormat(LOCALE, { maximumFractionDigits: digits, minimumFractionDigits: 0 });

/** A metric's value with its unit: $1,250,000, 31.5%, 3.5 business h, 2.1 days, 3.2×. */
export function formatValue(value, unit, currency, metric) {
  if (value === null || value === undefined) return '–';
  switch (unit) {
    case 'currency':
      return new Intl.NumberFormat(LOCALE, {
        style: 'currency',
        currency,
        maximumFractionDigits: Math.abs(value) >= 1000 ? 0 : 2,
      }).format(value);
    case 'share':
      return new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 1 }).format(value);
    case 'hours':
      // Response times are business hours unless the metric says wall-clock.
      return `${number(1).format(value)} ${isWallClock(metric) ? 'h' : 'business h'}`;
    case 'days':
      return `${number(1).format(value)} days`;
    case 'ratio':
      return `${number(2).format(value)}×`;
    case 'per-day':
      return `${number(1).format(value)} /day`;
    case 'count':
    default:
      return number(Math.abs(value) >= 100 ? 0 : 1).format(value);
  }
}

const isWallClock = (metric) => /wall/i.test(`${metric?.id ?? ''} ${metric?.name ?? ''}`);

/** ▲ ▼ or ▶ against the previous period, and whether that is good news for this metric. */
export function trendOf(actual, previous, better) {
  if (actual === null || previous === null || actual === undefined || previous === undefined)
    return { arrow: '', mood: 'flat', label: 'no previous period' };
  if (actual === previous) return { arrow: '▶', mood: 'flat', label: 'unchanged' };
  const up = actual > previous;
  const good = up === (better === 'up');
  return { arrow: up ? '▲' : '▼', mood: good ? 'good' : 'bad', label: up ? 'up' : 'down' };
}

/** A rate cell (0..1) or a dash. */
export const pct = (v) => formatValue(v, 'share');
export const count = (v) => formatValue(v, 'count');

/** A text node's worth of element: el('td', {class: 'x'}, 'text', child...). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes))
    if (v !== undefined && v !== null) node.setAttribute(k, String(v));
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c ?? '')));
  return node;
}

/** A table with a caption, a header row and rows of cells (strings, numbers or nodes). */
export function table(caption, columns, rows, attributes = {}) {
  return el(
    'table',
    attributes,
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...columns.map((c) => el('th', { scope: 'col' }, c)))),
    el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((cell) => el('td', {}, cell ?? '–'))))),
  );
}
