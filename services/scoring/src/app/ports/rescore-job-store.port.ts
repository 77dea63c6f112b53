export type RescoreJob = {
  jobId: string;
  modelId: string;
  modelVersion: number;
  status: 'running' | 'done' | 'superseded';
  /** Last lead id re-scored; the next chunk starts after it. */
  cursor: string | null;
  processed: number;
  changed: number;
  createdAt: number;
  finishedAt: number | null;
};

/** Re-scoring jobs started by model publications, bound to one transaction. */
export abstract class RescoreJobStore {
  abstract create(job: RescoreJob): Promise<void>;
  abstract get(jobId: string): Promise<RescoreJob | undefined>;
  /** Locks a running job and extends its lease until `leaseUntil`; undefined when it is not running. */
  abstract lockRunning(jobId: string, leaseUntil: number): Promise<RescoreJob | undefined>;
  /** Claims a running job nobody holds (no lease or an expired one) and leases it. */
  abstract claim(now: number, leaseUntil: number): Promise<RescoreJob | undefined>;
  abstract update(job: RescoreJob): Promise<void>;
  /** Marks every running job superseded (a newer default version replaces them). */
  abstract supersedeRunning(): Promise<void>;
}
