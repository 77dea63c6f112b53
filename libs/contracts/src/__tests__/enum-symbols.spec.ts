import { DISPOSITION_SYMBOLS, OPPORTUNITY_STATUS_SYMBOLS } from '../generated';
import { symbolsWithout } from '../enum-symbols';

describe('symbolsWithout', () => {
  it('drops the named symbols and keeps the schema order', () => {
    expect(symbolsWithout(DISPOSITION_SYMBOLS, 'unknown')).toEqual([
      'accepted',
      'rejected',
      'qualified',
      'disqualified',
      'recycled',
    ]);
    expect(symbolsWithout(OPPORTUNITY_STATUS_SYMBOLS, 'unknown', 'open')).toEqual(['won', 'lost']);
  });
});
