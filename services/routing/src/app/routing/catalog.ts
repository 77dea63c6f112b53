import type { RoutingRules, SalesOrg } from '../../domain';
import type { OrgStore } from '../ports/org-store.port';
import type { RulesStore } from '../ports/rules-store.port';

export type Catalog = { readonly org: SalesOrg; readonly rules: RoutingRules; readonly orgVersion: number };

/** The rules are missing: the seeder publishes the bundled ones at start-up, so this is a broken deployment. */
export class NoRulesPublishedError extends Error {
  constructor() {
    super('no routing rules are published (the bundled rules are seeded at start-up)');
    this.name = 'NoRulesPublishedError';
  }
}

/**
 * The sales org and the published rules as of the transaction, parsed once per version: each
 * transaction reads the two version numbers (one row) and reloads only when one moved, so every
 * replica routes on what is committed without re-reading the org per event.
 */
export class CatalogCache {
  private org?: { version: number; org: SalesOrg };
  private rules?: RoutingRules;

  async current(tx: { org: OrgStore; rules: RulesStore }): Promise<Catalog> {
    const versions = await tx.org.versions();
    if (versions.rulesVersion === null) throw new NoRulesPublishedError();
    if (this.org?.version !== versions.orgVersion) {
      // One after the other: the three share the transaction's connection.
      const reps = await tx.org.allReps();
      const teams = await tx.org.allTeams();
      const owners = await tx.org.allAccountOwners();
      this.org = {
        version: versions.orgVersion,
        org: {
          reps: new Map(reps.map((r) => [r.id, r])),
          teams: new Map(teams.map((t) => [t.id, t])),
          accountOwners: new Map(owners.map((o) => [o.accountKey, o])),
        },
      };
    }
    if (this.rules?.version !== versions.rulesVersion) {
      const stored = await tx.rules.get(versions.rulesVersion);
      if (stored === undefined) throw new NoRulesPublishedError();
      this.rules = stored.rules;
    }
    return { org: this.org.org, rules: this.rules, orgVersion: this.org.version };
  }
}
