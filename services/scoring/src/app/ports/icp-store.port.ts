import type { Icp } from '../../domain';

export type StoredIcp = {
  icp: Icp;
  isCurrent: boolean;
  source: 'bundled' | 'api';
  publishedAt: number;
  publishedBy: string | null;
};

/** Published ICP versions (immutable), bound to one transaction; one of them is current. */
export abstract class IcpStore {
  /** Inserts a version; false when (id, version) already exists. */
  abstract insert(icp: StoredIcp): Promise<boolean>;
  abstract get(icpId: string, version: number): Promise<StoredIcp | undefined>;
  abstract latest(icpId: string): Promise<StoredIcp | undefined>;
  abstract list(): Promise<StoredIcp[]>;
  /** The ICP accounts are scored under (the hot path reads it once per batch). */
  abstract current(): Promise<Icp | undefined>;
  abstract setCurrent(icpId: string, version: number): Promise<void>;
}
