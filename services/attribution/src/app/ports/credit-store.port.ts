import type { ConversionKind, JourneyCredit, JourneyScope, StoredVersion } from '../../domain';

/** One version of a conversion's credits under one model, as stored for the read APIs. */
export type CreditVersion = {
  readonly conversionId: string;
  readonly conversionKind: ConversionKind;
  readonly convertedAt: number;
  readonly modelId: string;
  readonly family: string;
  readonly creditId: string;
  readonly version: number;
  readonly supersedes: string | null;
  readonly fingerprint: string;
  readonly scope: JourneyScope;
  readonly currency: string | null;
  readonly revenueMinor: bigint | null;
  readonly settingsVersion: number;
  readonly credit: JourneyCredit;
};

/** A group (channel or campaign) of credits over a period under one model and currency. */
export type CreditTotal = {
  readonly modelId: string;
  readonly key: string;
  readonly conversionKind: ConversionKind;
  readonly currency: string | null;
  readonly conversions: number;
  readonly amountMinor: bigint;
};

export type PeriodQuery = {
  readonly from: number;
  readonly to: number;
  readonly modelIds: readonly string[];
  readonly by: 'channel' | 'campaign';
  readonly kinds: readonly ConversionKind[];
};

/** attribution_credits (the latest version per conversion and model) and its lines, in one transaction. */
export abstract class CreditStore {
  abstract latest(conversionIds: readonly string[]): Promise<Map<string, Map<string, StoredVersion>>>;
  /** Writes a new latest version (its lines replace the previous version's). */
  abstract save(versions: readonly CreditVersion[]): Promise<void>;
  abstract ofConversions(conversionIds: readonly string[], modelId?: string): Promise<CreditVersion[]>;
  abstract totals(q: PeriodQuery): Promise<CreditTotal[]>;
}
