import { withMigrationLock } from '../migrate';

/** A query runner that records its statements, failing the ones `fail` matches. */
function recordingRunner(fail?: RegExp) {
  const statements: string[] = [];
  return {
    statements,
    query: async (sql: string) => {
      statements.push(sql);
      if (fail?.test(sql)) throw new Error(`failed: ${sql}`);
      return [];
    },
  };
}

const LOCK = "SELECT pg_advisory_lock(hashtext(current_database() || '.migrations'))";
const UNLOCK = "SELECT pg_advisory_unlock(hashtext(current_database() || '.migrations'))";

describe('withMigrationLock', () => {
  it("takes the database's migration lock, without a statement timeout on the wait, before migrating", async () => {
    const runner = recordingRunner();
    const result = await withMigrationLock(runner, async () => {
      runner.statements.push('-- migrations');
      return ['Baseline1'];
    });
    expect(result).toEqual(['Baseline1']);
    expect(runner.statements).toEqual([
      'SET statement_timeout = 0',
      LOCK,
      'RESET statement_timeout',
      '-- migrations',
      UNLOCK,
    ]);
  });

  it('releases the lock when a migration fails, and reports the migration error', async () => {
    const runner = recordingRunner(/pg_advisory_unlock/);
    await expect(
      withMigrationLock(runner, async () => {
        throw new Error('relation "leads" already exists');
      }),
    ).rejects.toThrow('relation "leads" already exists');
    expect(runner.statements.at(-1)).toBe(UNLOCK);
  });

  it('restores the statement timeout and migrates nothing when the lock cannot be taken', async () => {
    const runner = recordingRunner(/pg_advisory_lock/);
    const fn = jest.fn(async () => []);
    await expect(withMigrationLock(runner, fn)).rejects.toThrow(/failed: SELECT pg_advisory_lock/);
    expect(fn).not.toHaveBeenCalled();
    expect(runner.statements).toEqual(['SET statement_timeout = 0', LOCK, 'RESET statement_timeout']);
  });
});
