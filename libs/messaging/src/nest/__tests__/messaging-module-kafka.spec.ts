import type { FactoryProvider } from '@nestjs/common';
import type * as kafkajs from 'kafkajs';
import { Kafka } from 'kafkajs';
import { KafkaPort } from '../../kafka/kafka-port';
import { MessagingModule } from '../messaging.module';

jest.mock('kafkajs', () => {
  const actual = jest.requireActual<typeof kafkajs>('kafkajs');
  return { ...actual, Kafka: jest.fn((config: unknown) => new actual.Kafka(config as never)) };
});

/** The kafkajs config MessagingModule's KafkaPort is built with. */
function kafkajsConfigOf(config: Parameters<typeof MessagingModule.forRoot>[0]['config']): unknown {
  const providers = MessagingModule.forRoot({ config }).providers ?? [];
  const port = providers.find(
    (p): p is FactoryProvider => typeof p === 'object' && 'provide' in p && p.provide === KafkaPort,
  );
  if (!port) throw new Error('MessagingModule provides no KafkaPort');
  jest.mocked(Kafka).mockClear();
  port.useFactory();
  return jest.mocked(Kafka).mock.calls[0]?.[0];
}

describe("MessagingModule's Kafka client", () => {
  it('connects with the SASL credentials and TLS of its config', () => {
    expect(
      kafkajsConfigOf({
        service: 'scoring',
        brokers: ['k:9093'],
        sasl: { mechanism: 'scram-sha-512', username: 'scoring', password: 'pw' },
        tls: {},
        registryUrl: 'http://registry:8080',
      }),
    ).toMatchObject({
      clientId: 'scoring',
      brokers: ['k:9093'],
      sasl: { mechanism: 'scram-sha-512', username: 'scoring', password: 'pw' },
      ssl: true,
    });
  });

  it('connects in plaintext without authentication when its config has neither', () => {
    const config = kafkajsConfigOf({ service: 'scoring', brokers: ['k:9092'], registryUrl: 'http://r' });
    expect(config).toMatchObject({ brokers: ['k:9092'] });
    expect(config).not.toHaveProperty('sasl');
    expect(config).not.toHaveProperty('ssl');
  });
});
