import {
  creditJourney,
  fingerprint,
  journeyOf,
  nextVersion,
  ruleModel,
  type AttributionSettings,
  type Conversion,
  type RuleModel,
} from '../../domain';
import type { CreditVersion } from '../ports/credit-store.port';
import type { AttributionTx } from '../ports/transactions.port';
import { conversionJourneys } from './conversion-journeys';
import { creditedEvent } from './credited-event';

/** `<conversionId>/<modelId>/v<version>`: readable, and the same however often a batch is retried. */
export const creditIdOf = (conversionId: string, modelId: string, version: number): string =>
  `${conversionId}/${modelId}/v${version}`;

/** The rule models of a settings document, resolved once per document version. */
const modelsCache = new WeakMap<AttributionSettings, RuleModel[]>();
export const modelsOf = (settings: AttributionSettings): RuleModel[] => {
  let models = modelsCache.get(settings);
  if (!models) modelsCache.set(settings, (models = settings.models.map(ruleModel)));
  return models;
};

/**
 * Recomputes the credits of conversions under every model in force and, where the numbers differ
 * from the latest stored version (or there is none), stores and emits a new version that
 * supersedes it. The journeys of the whole batch are read in a few set-based queries
 * (conversionJourneys).
 */
export class Recredit {
  async execute(conversionIds: readonly string[], tx: AttributionTx): Promise<number> {
    if (!conversionIds.length) return 0;
    const stored = await tx.settings.latest();
    if (!stored) throw new Error('no attribution settings: the bundled settings are seeded at start-up');
    const settings = stored.settings;
    const conversions = [...(await tx.conversions.get([...new Set(conversionIds)])).values()];
    if (!conversions.length) return 0;
    const journeys = await conversionJourneys(conversions, settings, tx);
    const latest = await tx.credits.latest(conversions.map((c) => c.id));
    const models = modelsOf(settings);
    const versions: CreditVersion[] = [];
    for (const { conversion: c, scope, touches, milestones } of journeys) {
      const revenueKey = c.revenue ? `${c.revenue.amountMinor} ${c.revenue.currency}` : '';
      for (const model of models) {
        const journey = journeyOf(touches, c.at, milestones, settings, model.touches);
        const credit = creditJourney(model, journey, c.revenue);
        const print = fingerprint(credit, revenueKey);
        const next = nextVersion(latest.get(c.id)?.get(model.id), print);
        if (!next) continue;
        versions.push(versionOf(c, model, next, print, scope, stored.settings.version, credit));
      }
    }
    await tx.credits.save(versions);
    const byId = new Map(conversions.map((c) => [c.id, c]));
    for (const v of versions) {
      const c = byId.get(v.conversionId);
      tx.events.credited(
        creditedEvent(v, {
          leadId: c?.leadId ?? null,
          opportunityId: c?.opportunityId ?? null,
          accountId: c?.accountId ?? null,
        }),
      );
    }
    return versions.length;
  }
}

const versionOf = (
  c: Conversion,
  model: RuleModel,
  next: { version: number; supersedes: string | null },
  print: string,
  scope: CreditVersion['scope'],
  settingsVersion: number,
  credit: CreditVersion['credit'],
): CreditVersion => ({
  conversionId: c.id,
  conversionKind: c.kind,
  convertedAt: c.at,
  modelId: model.id,
  family: model.family,
  creditId: creditIdOf(c.id, model.id, next.version),
  version: next.version,
  supersedes: next.supersedes,
  fingerprint: print,
  scope,
  currency: c.revenue?.currency ?? null,
  revenueMinor: c.revenue?.amountMinor ?? null,
  settingsVersion,
  credit,
});
