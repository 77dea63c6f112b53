import type { AttributionSettings } from '../../domain';

export type StoredSettings = {
  readonly settings: AttributionSettings;
  readonly publishedAt: number;
  readonly source: 'bundled' | 'api';
};

/** attribution_settings: versioned, immutable once published; the latest version is in force. */
export abstract class SettingsStore {
  abstract latest(): Promise<StoredSettings | undefined>;
  abstract get(version: number): Promise<StoredSettings | undefined>;
  abstract list(): Promise<StoredSettings[]>;
  /** Inserts a version; false when that version exists already (nothing written). */
  abstract insert(s: StoredSettings): Promise<boolean>;
}
