import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import {
  DependencyUnavailableError,
  InvalidEventError,
  PermanentEventError,
  UndecodableEventError,
} from '../errors';
import { classifyFailure } from '../failure';

const pg = (code: string): QueryFailedError =>
  new QueryFailedError(
    'SELECT 1',
    [],
    Object.assign(new DatabaseError(`error ${code}`, 0, 'error'), { code }),
  );

// The Kafka and registry adapters' own cases: kafkajs-errors.spec.ts, schema-registry.spec.ts.
describe('classifyFailure', () => {
  it.each([
    [
      'the broker unavailable (adapter-marked)',
      new DependencyUnavailableError('broker', new Error('Connection error')),
    ],
    [
      'the registry unavailable (adapter-marked)',
      new DependencyUnavailableError('registry', new TypeError('fetch failed')),
    ],
    ['08006 connection failure', pg('08006')],
    ['57P01 admin shutdown', pg('57P01')],
    ['53300 too many connections', pg('53300')],
    ['40001 serialization failure', pg('40001')],
    ['40P01 deadlock', pg('40P01')],
    [
      "pg's lost connection",
      new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly')),
    ],
  ])('%s: transient', (_, error) => {
    expect(classifyFailure(error)).toBe('transient');
  });

  it.each([
    ['57014 statement timeout', pg('57014')],
    ['55P03 lock timeout', pg('55P03')],
  ])('%s: timeout', (_, error) => {
    expect(classifyFailure(error)).toBe('timeout');
  });

  it.each([
    ['undecodable bytes', new UndecodableEventError('unknown magic byte 7')],
    ['an invalid value', new InvalidEventError('t', ['leadId'])],
    ['a handler rejecting the event', new PermanentEventError('unknown lead', 'UnknownLeadError')],
  ])('%s: permanent', (_, error) => {
    expect(classifyFailure(error)).toBe('permanent');
  });

  it.each([
    ['23505 unique violation', pg('23505')],
    ['22P02 bad input', pg('22P02')],
    ['42P01 undefined table', pg('42P01')],
    ['a bug in a handler', new TypeError("Cannot read properties of undefined (reading 'id')")],
    // No text is read: what used to be retried for its words is a bug unless an adapter marked it.
    ['an unmarked error saying ECONNREFUSED', new Error('connect ECONNREFUSED 127.0.0.1:8081')],
    ['an unmarked error saying Timeout', new Error('Timeout while scoring')],
    ['an object with a 503 status', Object.assign(new Error('x'), { status: 503 })],
    ['not an error', 'text'],
  ])('%s: bug', (_, error) => {
    expect(classifyFailure(error)).toBe('bug');
  });
});
