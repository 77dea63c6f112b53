import type { RebuildStatus } from '../views';

/** reporting_rebuild: the progress of the latest rebuild from the topics (written by the rebuild command). */
export abstract class RebuildStore {
  abstract status(): Promise<RebuildStatus>;
}
