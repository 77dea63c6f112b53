import { withDatabase } from '../data-source';

describe('withDatabase', () => {
  it('swaps only the database name of a URL', () => {
    expect(
      withDatabase('postgres://postgres:pw@127.0.0.1:5432/postgres?sslmode=disable', 'smarketing_scoring'),
    ).toBe('postgres://postgres:pw@127.0.0.1:5432/smarketing_scoring?sslmode=disable');
  });
});
