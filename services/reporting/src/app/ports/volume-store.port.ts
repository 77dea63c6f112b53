import type { VolumeRecord } from '../../domain/fact-records';
import { RecordStore } from './record-store.port';

/** reporting_volume: the latest evaluation per volume policy and period. */
export abstract class VolumeStore extends RecordStore<VolumeRecord> {
  /** The evaluations of policy periods starting in [start, end). */
  abstract startingIn(start: number, end: number): Promise<VolumeRecord[]>;
}
