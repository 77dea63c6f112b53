import type { RoutingRules } from '../../domain';

export type StoredRules = {
  readonly rules: RoutingRules;
  readonly source: 'bundled' | 'api';
  readonly publishedAt: number;
  readonly publishedBy: string | null;
};

/** routing_rules: published versions, immutable; the newest one routes. */
export abstract class RulesStore {
  /** False when the version exists already. */
  abstract insert(row: StoredRules): Promise<boolean>;
  abstract get(version: number): Promise<StoredRules | undefined>;
  abstract latest(): Promise<StoredRules | undefined>;
  abstract list(): Promise<{ version: number; name: string; publishedAt: number; source: string }[]>;
}
