import { formatValue, trendOf } from '../../../../web/format.js';

describe("the page's numbers", () => {
  it.each([
    [1_250_000, 'currency', '$1,250,000'],
    [1_377.05, 'currency', '$1,377'],
    [500, 'currency', '$500.00'],
    [412, 'count', '412'],
    [12_345.6, 'count', '12,346'],
    [0.315, 'share', '31.5%'],
    [1, 'share', '100%'],
    [3.5, 'hours', '3.5 business h'],
    [2.14, 'days', '2.1 days'],
    [3.2, 'ratio', '3.2×'],
    [12.5, 'per-day', '12.5 /day'],
    [null, 'currency', '–'],
  ] as const)('shows %p (%s) as %p', (value, unit, text) => {
    expect(formatValue(value, unit, 'USD', { id: 'x', name: 'X' })).toBe(text);
  });

  it('formats money in the dashboard’s currency', () => {
    expect(formatValue(98_000, 'currency', 'EUR')).toBe('€98,000');
  });

  it('says wall-clock hours without "business"', () => {
    expect(
      formatValue(26, 'hours', 'USD', { id: 'response-time-wall-avg', name: 'Response time (wall-clock)' }),
    ).toBe('26 h');
  });

  it('colours a trend by whether the move is good for the metric', () => {
    expect(trendOf(412, 390, 'up')).toMatchObject({ arrow: '▲', mood: 'good' });
    expect(trendOf(3.5, 4.25, 'down')).toMatchObject({ arrow: '▼', mood: 'good' });
    expect(trendOf(5, 4.25, 'down')).toMatchObject({ arrow: '▲', mood: 'bad' });
    expect(trendOf(0.3, 0.3, 'up')).toMatchObject({ arrow: '▶', mood: 'flat' });
    expect(trendOf(1, null, 'up')).toMatchObject({ arrow: '', mood: 'flat' });
  });
});
