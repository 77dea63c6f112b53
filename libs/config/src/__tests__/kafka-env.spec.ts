import { z } from 'zod';
import { kafkaClientConfig, parseEnv, platformEnv } from '../index';

const schema = z.object(platformEnv({ service: 'routing', port: 3003 }));
const parse = (env: NodeJS.ProcessEnv) => parseEnv(schema, env);

describe('Kafka credentials in the platform config', () => {
  it('connects without authentication or TLS by default (the local stack)', () => {
    expect(kafkaClientConfig(parse({}))).toEqual({ brokers: ['127.0.0.1:9092'] });
  });

  it.each(['scram-sha-512', 'scram-sha-256', 'plain'] as const)(
    'reads %s with its username and password',
    (m) => {
      const config = parse({
        KAFKA_BROKERS: 'k:9092',
        KAFKA_SASL_MECHANISM: m,
        KAFKA_SASL_USERNAME: 'routing',
        KAFKA_SASL_PASSWORD: 's3cret',
      });
      expect(kafkaClientConfig(config)).toEqual({
        brokers: ['k:9092'],
        sasl: { mechanism: m, username: 'routing', password: 's3cret' },
      });
    },
  );

  it('names the username and the password when a mechanism has neither', () => {
    expect(() => parse({ KAFKA_SASL_MECHANISM: 'scram-sha-512' })).toThrow(
      /^invalid configuration: KAFKA_SASL_USERNAME: required when KAFKA_SASL_MECHANISM is scram-sha-512; KAFKA_SASL_PASSWORD: required/,
    );
  });

  it('names an empty password', () => {
    expect(() =>
      parse({ KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: '' }),
    ).toThrow(/^invalid configuration: KAFKA_SASL_PASSWORD: required when KAFKA_SASL_MECHANISM is plain$/);
  });

  it('names an unknown mechanism', () => {
    expect(() => parse({ KAFKA_SASL_MECHANISM: 'gssapi' })).toThrow(
      /^invalid configuration: KAFKA_SASL_MECHANISM: [^;]*$/,
    );
  });

  it('still names every bad variable when the credentials are missing too', () => {
    expect(() => parse({ PORT: 'x', KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'u' })).toThrow(
      /^invalid configuration: PORT: .*; KAFKA_SASL_PASSWORD: required/,
    );
  });

  it('turns TLS on, with or without a CA file', () => {
    expect(kafkaClientConfig(parse({ KAFKA_TLS: 'true' })).tls).toEqual({});
    expect(
      kafkaClientConfig(parse({ KAFKA_TLS: 'true', KAFKA_TLS_CA_FILE: '/etc/kafka/ca.crt' })).tls,
    ).toEqual({
      caFile: '/etc/kafka/ca.crt',
    });
  });

  it('names KAFKA_TLS when it is not a boolean, and a CA file given with TLS off', () => {
    expect(() => parse({ KAFKA_TLS: 'yes' })).toThrow(/^invalid configuration: KAFKA_TLS: /);
    expect(() => parse({ KAFKA_TLS_CA_FILE: '/ca.crt' })).toThrow(
      /^invalid configuration: KAFKA_TLS_CA_FILE: set, but KAFKA_TLS is not true$/,
    );
  });

  it('refuses to build anonymous settings from a config that skipped parseEnv', () => {
    const unchecked = schema.parse({ KAFKA_SASL_MECHANISM: 'scram-sha-256', KAFKA_SASL_USERNAME: 'u' });
    expect(() => kafkaClientConfig(unchecked)).toThrow(/KAFKA_SASL_PASSWORD: required/);
  });
});
