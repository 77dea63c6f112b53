import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KafkajsAdapter, kafkajsConnection } from '../kafkajs-adapter';

const base = { brokers: ['k1:9092', 'k2:9092'], clientId: 'scoring' } as const;

describe('kafkajsConnection', () => {
  it('connects in plaintext without authentication when no credentials are given', () => {
    expect(kafkajsConnection(base)).toEqual({ clientId: 'scoring', brokers: ['k1:9092', 'k2:9092'] });
  });

  it.each(['scram-sha-512', 'scram-sha-256', 'plain'] as const)(
    'passes %s credentials to kafkajs',
    (mechanism) => {
      expect(
        kafkajsConnection({ ...base, sasl: { mechanism, username: 'scoring', password: 'pw' } }).sasl,
      ).toEqual({
        mechanism,
        username: 'scoring',
        password: 'pw',
      });
    },
  );

  it("turns TLS on with Node's trusted CAs when no CA file is given", () => {
    expect(kafkajsConnection({ ...base, tls: {} }).ssl).toBe(true);
  });

  it('trusts the CA file instead, read once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kafka-ca-'));
    const caFile = join(dir, 'ca.crt');
    writeFileSync(caFile, '-----BEGIN CERTIFICATE-----\nAAA\n-----END CERTIFICATE-----\n');
    const options = kafkajsConnection({
      ...base,
      sasl: { mechanism: 'scram-sha-512', username: 'u', password: 'p' },
      tls: { caFile },
    });
    expect(options.ssl).toEqual({ ca: ['-----BEGIN CERTIFICATE-----\nAAA\n-----END CERTIFICATE-----\n'] });
    expect(options.sasl).toEqual({ mechanism: 'scram-sha-512', username: 'u', password: 'p' });
  });

  it('fails at construction, naming the path, when the CA file is missing', () => {
    expect(() => new KafkajsAdapter({ ...base, tls: { caFile: '/nonexistent/kafka-ca.crt' } })).toThrow(
      /\/nonexistent\/kafka-ca\.crt/,
    );
  });
});
