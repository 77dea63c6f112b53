import { checkRulesAgainstOrg, type OrgFile, type RoutingRules } from '../../domain';
import type { Clock } from '../ports/clock.port';
import type { Transactions } from '../ports/transactions.port';

/**
 * Start-up: inserts the shipped org (reps, teams, named accounts) that the database does not have
 * yet, leaving what admins changed alone, and publishes the shipped rules versions it lacks
 * (published versions are immutable). So sample MQLs are routed from the first minute.
 */
export class SeedBundledDocuments {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async execute(org: OrgFile, bundled: readonly RoutingRules[]): Promise<{ org: string[]; rules: number[] }> {
    return this.transactions.run(async (tx) => {
      const inserted = await tx.org.insertMissing(org);
      if (inserted.length) await tx.org.bumpVersion();
      const stored = {
        reps: new Map((await tx.org.allReps()).map((r) => [r.id, r])),
        teams: new Map((await tx.org.allTeams()).map((t) => [t.id, t])),
        accountOwners: new Map(),
      };
      const published: number[] = [];
      for (const rules of bundled) {
        const errors = checkRulesAgainstOrg(rules, stored);
        if (errors.length)
          throw new Error(
            `bundled rules v${rules.version} name what the org lacks: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
          );
        if (
          await tx.rules.insert({
            rules,
            source: 'bundled',
            publishedAt: this.clock.now(),
            publishedBy: null,
          })
        )
          published.push(rules.version);
      }
      return { org: inserted, rules: published };
    });
  }
}
