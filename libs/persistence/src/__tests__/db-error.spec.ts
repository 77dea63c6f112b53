import { runInNewContext } from 'node:vm';
import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { classifyDbError } from '../db-error';

/** What PostgreSQL sends, as node-postgres builds it. */
const pgError = (code: string, message = `error ${code}`): DatabaseError =>
  Object.assign(new DatabaseError(message, message.length, 'error'), { code, severity: 'ERROR' });

/** What TypeORM's query runner throws around it. */
const typeorm = (driverError: Error): QueryFailedError => new QueryFailedError('SELECT 1', [], driverError);

const nodeError = (code: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: 'connect' });

describe('classifyDbError', () => {
  it.each([
    ['08006 connection_failure', pgError('08006')],
    ['08001 unable to connect', pgError('08001')],
    ['57P01 admin shutdown', pgError('57P01', 'terminating connection due to administrator command')],
    ['57P02 crash shutdown', pgError('57P02')],
    ['57P03 cannot connect now (starting up)', pgError('57P03', 'the database system is starting up')],
    ['53300 too many connections', pgError('53300')],
    ['ECONNREFUSED on connect', nodeError('ECONNREFUSED')],
    ['ECONNRESET inside a QueryFailedError', typeorm(nodeError('ECONNRESET'))],
    ['ETIMEDOUT', nodeError('ETIMEDOUT')],
    ['EPIPE', nodeError('EPIPE')],
    ["pg's code-less lost connection", typeorm(new Error('Connection terminated unexpectedly'))],
    [
      "pg-pool's connection timeout (with its cause)",
      new Error('Connection terminated due to connection timeout', { cause: new Error('timeout expired') }),
    ],
    ["pg-pool's wait for a free client", new Error('timeout exceeded when trying to connect')],
    [
      "node's AggregateError of every address refusing",
      Object.assign(new AggregateError([nodeError('ECONNREFUSED'), nodeError('ECONNREFUSED')], ''), {
        code: 'ECONNREFUSED',
      }),
    ],
    [
      // Node's socket layer builds its errors in its own realm, not a test runner's VM context.
      'ECONNREFUSED from another realm',
      Object.assign(runInNewContext('new Error("connect ECONNREFUSED 127.0.0.1:5432")') as Error, {
        code: 'ECONNREFUSED',
      }),
    ],
  ])('%s: unavailable', (_, error) => {
    expect(classifyDbError(error)).toBe('unavailable');
  });

  it.each([
    ['40001 serialization failure', typeorm(pgError('40001'))],
    ['40P01 deadlock', typeorm(pgError('40P01'))],
  ])('%s: conflict', (_, error) => {
    expect(classifyDbError(error)).toBe('conflict');
  });

  it.each([
    ['57014 statement timeout', typeorm(pgError('57014', 'canceling statement due to statement timeout'))],
    ['55P03 lock timeout', typeorm(pgError('55P03', 'canceling statement due to lock timeout'))],
    ['25P03 idle-in-transaction timeout', pgError('25P03')],
  ])('%s: timeout (bounded retries, not forever)', (_, error) => {
    expect(classifyDbError(error)).toBe('timeout');
  });

  it.each([
    ['23505 unique violation', typeorm(pgError('23505', 'duplicate key value violates unique constraint'))],
    ['23502 not null violation', typeorm(pgError('23502'))],
    ['22P02 invalid text representation', typeorm(pgError('22P02'))],
    ['42703 undefined column', typeorm(pgError('42703'))],
    ['42601 syntax error', typeorm(pgError('42601'))],
    ['57P04 database dropped', pgError('57P04')],
  ])('%s: rejected (a bug or bad data)', (_, error) => {
    expect(classifyDbError(error)).toBe('rejected');
  });

  it('does not read the text of errors that are not code-less pg connection errors', () => {
    // A handler's own error that happens to mention a timeout is not a database error.
    expect(classifyDbError(new Error('Timeout while computing the score'))).toBeUndefined();
    expect(classifyDbError(new TypeError('Connection terminated unexpectedly'))).toBeUndefined();
    expect(classifyDbError(new Error('boom'))).toBeUndefined();
    expect(classifyDbError({ code: 'ECONNREFUSED' })).toBeUndefined(); // not an Error
    expect(classifyDbError(null)).toBeUndefined();
    expect(classifyDbError('text')).toBeUndefined();
  });
});
