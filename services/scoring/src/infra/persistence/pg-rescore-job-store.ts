import { RescoreJobStore, type RescoreJob } from '../../app/ports/rescore-job-store.port';
import type { Sql } from './sql';

type JobRow = {
  job_id: string;
  model_id: string;
  model_version: number;
  status: RescoreJob['status'];
  cursor_lead: string | null;
  processed: number;
  changed: number;
  created_at: Date;
  finished_at: Date | null;
};

const toJob = (r: JobRow): RescoreJob => ({
  jobId: r.job_id,
  modelId: r.model_id,
  modelVersion: r.model_version,
  status: r.status,
  cursor: r.cursor_lead,
  processed: r.processed,
  changed: r.changed,
  createdAt: r.created_at.getTime(),
  finishedAt: r.finished_at?.getTime() ?? null,
});

/**
 * scoring_rescore_jobs: progress is committed with each chunk; a lease lets another replica resume a job whose runner died. */
export class PgRescoreJobStore extends RescoreJobStore {
  constructor(private readonly sql: Sql) {
    super();
  }

  async create(job: RescoreJob): Promise<void> {
    await this.sql.query(
      `INSERT INTO scoring_rescore_jobs (job_id, model_id, model_version, status, cursor_lead, processed, changed, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        job.jobId,
        job.modelId,
        job.modelVersion,
        job.status,
        job.cursor,
        job.processed,
        job.changed,
        new Date(job.createdAt),
      ],
    );
  }

  async get(jobId: string): Promise<RescoreJob | undefined> {
    const [row] = await this.sql.query<JobRow>(`SELECT * FROM scoring_rescore_jobs WHERE job_id = $1`, [
      jobId,
    ]);
    return row && toJob(row);
  }

  async lockRunning(jobId: string, leaseUntil: number): Promise<RescoreJob | undefined> {
    const [row] = await this.sql.query<JobRow>(
      `UPDATE scoring_rescore_jobs SET lease_until = $2 WHERE job_id = $1 AND status = 'running' RETURNING *`,
      [jobId, new Date(leaseUntil)],
    );
    return row && toJob(row);
  }

  async claim(now: number, leaseUntil: number): Promise<RescoreJob | undefined> {
    const [row] = await this.sql.query<JobRow>(
      `UPDATE scoring_rescore_jobs SET lease_until = $2
       WHERE job_id = (SELECT job_id FROM scoring_rescore_jobs
                       WHERE status = 'running' AND (lease_until IS NULL OR lease_until < $1)
                       ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [new Date(now), new Date(leaseUntil)],
    );
    return row && toJob(row);
  }

  async update(job: RescoreJob): Promise<void> {
    await this.sql.query(
      `UPDATE scoring_rescore_jobs SET status = $2, cursor_lead = $3, processed = $4, changed = $5, finished_at = $6,
         lease_until = CASE WHEN $2 = 'running' THEN lease_until END
       WHERE job_id = $1`,
      [
        job.jobId,
        job.status,
        job.cursor,
        job.processed,
        job.changed,
        job.finishedAt === null ? null : new Date(job.finishedAt),
      ],
    );
  }

  async supersedeRunning(): Promise<void> {
    await this.sql.query(
      `UPDATE scoring_rescore_jobs SET status = 'superseded', lease_until = NULL WHERE status = 'running'`,
    );
  }
}
