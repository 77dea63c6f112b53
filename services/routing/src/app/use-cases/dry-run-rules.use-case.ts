import {
  accountIdsOf,
  compareRules,
  leadFactsOf,
  type FieldError,
  type PublicHolidayLookup,
  type RoutingComparison,
} from '../../domain';
import type { CatalogCache } from '../routing/catalog';
import type { Transactions } from '../ports/transactions.port';
import { validateRules } from './publish-rules.use-case';

export type DryRunInput = {
  readonly draft: unknown;
  readonly from: number;
  readonly to: number;
  readonly maxChanges: number;
};

export type DryRunResult =
  | {
      readonly kind: 'compared';
      readonly comparison: RoutingComparison;
      readonly from: number;
      readonly to: number;
      readonly truncated: boolean;
    }
  | { readonly kind: 'invalid'; readonly errors: FieldError[] };

/**
 * Dry run (admin): the leads that became sales-ready in [from, to), replayed through the draft
 * and through the published rules from fresh pool state, side by side. Runs in a read-only
 * transaction: nothing is written or emitted.
 */
export class DryRunRules {
  constructor(
    private readonly transactions: Transactions,
    private readonly catalog: CatalogCache,
    private readonly publicHoliday: PublicHolidayLookup,
    private readonly maxLeads: number,
  ) {}

  async execute(input: DryRunInput): Promise<DryRunResult> {
    return this.transactions.read(async (tx): Promise<DryRunResult> => {
      const { org, rules } = await this.catalog.current(tx);
      const checked = validateRules(input.draft, org);
      if (!checked.ok)
        return {
          kind: 'invalid',
          errors: checked.errors.map((e) => ({
            ...e,
            path: `draft.${e.path}`.replace('draft.(root)', 'draft'),
          })),
        };
      const entries = await tx.leads.salesReadyBetween(input.from, input.to, this.maxLeads + 1);
      const truncated = entries.length > this.maxLeads;
      const replayed = entries.slice(0, this.maxLeads);
      // The accounts as scored now, like the leads' other attributes: one read for the whole replay.
      const scores = await tx.accounts.findMany(accountIdsOf(replayed.map((e) => e.facts)));
      const leads = replayed.map((e) => ({
        leadId: `${e.leadId}#${e.cycle}`,
        at: e.enteredAt,
        facts: leadFactsOf(e.facts, scores),
      }));
      const comparison = compareRules(org, rules, checked.rules, leads, this.publicHoliday, input.maxChanges);
      return { kind: 'compared', comparison, from: input.from, to: input.to, truncated };
    });
  }
}
