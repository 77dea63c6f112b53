import { parseEnv, platformEnv } from '@smarketing/config';
import { z } from 'zod';

/** The only reader of process.env in this service: validated once at start-up, typed everywhere else. */
const schema = z.object({
  ...platformEnv({ service: '__name__', port: __port__ }),
});

export type Config = z.infer<typeof schema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return parseEnv(schema, env);
}
