import type { KafkaClientConfig } from '@smarketing/config';
import { kafkajsConnection } from '@smarketing/messaging';
import { Kafka, logLevel, type Admin } from 'kafkajs';

/** Runs `fn` with a connected kafkajs admin client (the services' brokers, SASL and TLS), always disconnecting. */
export async function withAdmin<T>(
  connection: KafkaClientConfig,
  fn: (admin: Admin) => Promise<T>,
): Promise<T> {
  const kafka = new Kafka({
    ...kafkajsConnection({ ...connection, clientId: 'smarketing-platform-tools' }),
    logLevel: logLevel.WARN,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.disconnect();
  }
}
