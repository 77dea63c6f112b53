import { parseEnv, platformEnv } from '@smarketing/config';
import { z } from 'zod';

/** The only reader of process.env in this service: validated once at start-up, typed everywhere else. */
const schema = z.object({
  ...platformEnv({ service: 'reporting', port: 3006 }),
  /** ISO 4217 code of the platform's money; amounts in other currencies are left out of the dashboard. */
  REPORTING_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('USD'),
  /** Minor units per unit of REPORTING_CURRENCY (2 decimals: 100). */
  REPORTING_MINOR_PER_UNIT: z.coerce.number().int().positive().default(100),
  /** Average customer life for CLV: churn is not among the inputs. */
  REPORTING_CUSTOMER_LIFE_MONTHS: z.coerce.number().int().positive().max(600).default(36),
  /** Signs the page's session cookies; unset, a random one per process (sessions end on restart). */
  SESSION_SECRET: z.string().min(32).optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(720).default(12),
  /** Secure cookies need HTTPS: on behind TLS, off for plain-HTTP local use. */
  SESSION_COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export type Config = z.infer<typeof schema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return parseEnv(schema, env);
}
