import { z } from 'zod';
import { parseEnv, platformEnv } from '../index';

const schema = z.object({ ...platformEnv({ service: 'scoring', port: 3002 }), EXTRA: z.string().optional() });

describe('platformEnv and parseEnv', () => {
  it('gives the local stack defaults, named after the service', () => {
    expect(parseEnv(schema, {})).toEqual({
      PORT: 3002,
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/smarketing_scoring',
      KAFKA_BROKERS: ['127.0.0.1:9092'],
      KAFKA_SASL_MECHANISM: 'none',
      KAFKA_TLS: false,
      SCHEMA_REGISTRY_URL: 'http://127.0.0.1:8081/apis/ccompat/v7',
      CONSUMER_GROUP: 'scoring',
      OUTBOX_RELAY_LINGER_MS: 100,
      DB_POOL_SIZE: 10,
      LOG_LEVEL: 'info',
      API_KEYS: '',
    });
  });

  it('names the database after the service, with underscores', () => {
    const sla = z.object(platformEnv({ service: 'sla-monitor', port: 3004 }));
    expect(parseEnv(sla, {}).DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/smarketing_sla_monitor');
  });

  it('reads and coerces the environment', () => {
    const config = parseEnv(schema, { PORT: '0', KAFKA_BROKERS: ' a:1, b:2 ,', EXTRA: 'x' });
    expect(config.PORT).toBe(0);
    expect(config.KAFKA_BROKERS).toEqual(['a:1', 'b:2']);
    expect(config.EXTRA).toBe('x');
  });

  it('names every bad variable in one error', () => {
    expect(() => parseEnv(schema, { PORT: '70000', DATABASE_URL: 'nope', LOG_LEVEL: 'loud' })).toThrow(
      /^invalid configuration: PORT: .*; DATABASE_URL: .*; LOG_LEVEL: /,
    );
  });
});
