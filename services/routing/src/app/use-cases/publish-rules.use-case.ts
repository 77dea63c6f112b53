import {
  checkRulesAgainstOrg,
  parseRoutingRules,
  type FieldError,
  type RoutingRules,
  type SalesOrg,
} from '../../domain';
import type { Clock } from '../ports/clock.port';
import type { Transactions } from '../ports/transactions.port';
import type { CatalogCache } from '../routing/catalog';

export type PublishRulesResult =
  | { readonly kind: 'published'; readonly rules: RoutingRules; readonly publishedAt: number }
  | { readonly kind: 'invalid'; readonly errors: FieldError[] }
  | { readonly kind: 'conflict'; readonly message: string };

/** The rules document checked against the org it will route over (pools name reps and teams). */
export const validateRules = (
  document: unknown,
  org: SalesOrg,
): { ok: true; rules: RoutingRules } | { ok: false; errors: FieldError[] } => {
  const parsed = parseRoutingRules(document);
  if (!parsed.ok) return parsed;
  const errors = checkRulesAgainstOrg(parsed.value, org);
  return errors.length ? { ok: false, errors } : { ok: true, rules: parsed.value };
};

/**
 * Publishes a new, immutable rules version (admin); it routes from the next decision on, and every
 * assignment names the version that produced it. Pool state is keyed by pool id, so a new version
 * keeps every pool's turn and counts (editing a rotation does not reset it).
 */
export class PublishRules {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly catalog: CatalogCache,
  ) {}

  async execute(document: unknown, publishedBy: string): Promise<PublishRulesResult> {
    return this.transactions.run(async (tx): Promise<PublishRulesResult> => {
      const { org } = await this.catalog.current(tx);
      const checked = validateRules(document, org);
      if (!checked.ok) return { kind: 'invalid', errors: checked.errors };
      const latest = await tx.rules.latest();
      if (latest !== undefined && checked.rules.version <= latest.rules.version)
        return {
          kind: 'conflict',
          message: `version ${checked.rules.version} is not newer than the published version ${latest.rules.version}`,
        };
      const publishedAt = this.clock.now();
      const inserted = await tx.rules.insert({
        rules: checked.rules,
        source: 'api',
        publishedAt,
        publishedBy,
      });
      if (!inserted)
        return { kind: 'conflict', message: `version ${checked.rules.version} was published concurrently` };
      await tx.held.rearmAll(publishedAt);
      return { kind: 'published', rules: checked.rules, publishedAt };
    });
  }
}
