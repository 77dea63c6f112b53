import { attributionSettingsSchema, type AttributionSettings } from '../../domain';
import type { Clock } from '../ports/clock.port';
import type { StoredSettings } from '../ports/settings-store.port';
import type { Transactions } from '../ports/transactions.port';

export type PublishResult =
  | { readonly kind: 'published'; readonly stored: StoredSettings }
  | { readonly kind: 'invalid'; readonly errors: { path: string; message: string }[] }
  | { readonly kind: 'conflict'; readonly message: string };

/**
 * Publishes the next settings version (versions are immutable; `version`, when given, must be the
 * next number). It applies to every conversion credited from then on and to recomputations of
 * older ones; credits already given are not recomputed by the publication itself.
 */
export class PublishSettings {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  execute(document: Record<string, unknown>): Promise<PublishResult> {
    return this.transactions.run(async (tx): Promise<PublishResult> => {
      const latest = await tx.settings.latest();
      const version = (latest?.settings.version ?? 0) + 1;
      if (document.version !== undefined && document.version !== version)
        return {
          kind: 'conflict',
          message: `the next settings version is ${version}, not ${String(document.version)}`,
        };
      const parsed = attributionSettingsSchema.safeParse({ ...document, version });
      if (!parsed.success)
        return {
          kind: 'invalid',
          errors: parsed.error.issues.map((i) => ({
            path: i.path.join('.') || '(root)',
            message: i.message,
          })),
        };
      const stored: StoredSettings = {
        settings: parsed.data as AttributionSettings,
        publishedAt: this.clock.now(),
        source: 'api',
      };
      if (!(await tx.settings.insert(stored)))
        return { kind: 'conflict', message: `settings version ${version} was published meanwhile` };
      return { kind: 'published', stored };
    });
  }
}
