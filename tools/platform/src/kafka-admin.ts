import { Kafka, logLevel, type Admin } from 'kafkajs';

/** Runs `fn` with a connected kafkajs admin client, always disconnecting. */
export async function withAdmin<T>(brokers: readonly string[], fn: (admin: Admin) => Promise<T>): Promise<T> {
  const kafka = new Kafka({
    clientId: 'smarketing-platform-tools',
    brokers: [...brokers],
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
