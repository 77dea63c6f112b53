import type { ScoringModel } from '../../domain';

export type StoredModel = {
  model: ScoringModel;
  isDefault: boolean;
  source: 'bundled' | 'api';
  publishedAt: number;
  publishedBy: string | null;
};

/** Published scoring models (immutable versions), bound to one transaction. */
export abstract class ModelStore {
  /** Inserts a version; false when (id, version) already exists. */
  abstract insert(model: StoredModel): Promise<boolean>;
  abstract get(modelId: string, version: number): Promise<StoredModel | undefined>;
  abstract latest(modelId: string): Promise<StoredModel | undefined>;
  abstract list(): Promise<StoredModel[]>;
  /** The model lifecycle decisions use (the hot path reads it once per batch). */
  abstract defaultModel(): Promise<ScoringModel | undefined>;
  abstract setDefault(modelId: string, version: number): Promise<void>;
}
