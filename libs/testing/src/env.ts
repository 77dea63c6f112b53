import * as path from 'node:path';
import { stackVariables } from '@smarketing/config';

/** Addresses of the test stack (libs/config's `STACKS.test`), never those `./smarketing up` uses. */
export type StackEnv = {
  readonly brokers: string[];
  readonly registryUrl: string;
  readonly databaseUrl: string;
};

// libs/testing/src -> the repository root.
const REPO_ROOT = path.resolve(__dirname, '../../..');

/** The test stack's variables (TEST_KAFKA_BROKERS etc. override its addresses). */
export const testStackVariables = (): Record<string, string> => stackVariables('test', REPO_ROOT);

/**
 * Points this process, and every process it starts, at the test stack: tests (a Jest setup file)
 * and benchmarks call it first, so services built from `process.env` never reach a user's topics.
 */
export function useTestStack(): void {
  Object.assign(process.env, testStackVariables());
}

export function stackEnv(): StackEnv {
  const v = testStackVariables();
  return {
    brokers: (v.KAFKA_BROKERS ?? '')
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean),
    registryUrl: (v.SCHEMA_REGISTRY_URL ?? '').replace(/\/$/, ''),
    databaseUrl: v.DATABASE_URL ?? '',
  };
}

/** True when running in CI, where a missing stack is a failure and never a skip. */
export const isCi = (): boolean => /^(1|true|yes)$/i.test(process.env.CI ?? '');
