import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Scoring models, per-lead signals/score/lifecycle, and re-scoring jobs. Times of events are epoch ms (bigint). */
export class ScoringTables1764200000000 implements MigrationInterface {
  name = 'ScoringTables1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE scoring_models (
        model_id     text        NOT NULL,
        version      int         NOT NULL CHECK (version >= 1),
        name         text        NOT NULL,
        document     jsonb       NOT NULL,
        is_default   boolean     NOT NULL DEFAULT false,
        source       text        NOT NULL CHECK (source IN ('bundled', 'api')),
        published_by text,
        published_at timestamptz NOT NULL,
        PRIMARY KEY (model_id, version)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX scoring_models_one_default ON scoring_models ((true)) WHERE is_default`,
    );
    await q.query(`
      CREATE TABLE scoring_leads (
        lead_id              text    PRIMARY KEY,
        first_seen_at_ms     bigint  NOT NULL,
        profile              jsonb,
        profile_at_ms        bigint,
        touchpoints          jsonb   NOT NULL DEFAULT '{}',
        score                jsonb,
        model_id             text,
        model_version        int,
        total                numeric(10, 2),
        band                 text,
        lifecycle            jsonb   NOT NULL,
        stage                text    NOT NULL,
        outcome              text,
        merged_into          text,
        erasure_id           text,
        erasure_requested_by text,
        erased_at_ms         bigint
      )`);
    await q.query(
      `CREATE INDEX scoring_leads_merged_into ON scoring_leads (merged_into) WHERE merged_into IS NOT NULL`,
    );
    await q.query(`CREATE INDEX scoring_leads_stage ON scoring_leads (stage)`);
    await q.query(`
      CREATE TABLE scoring_rescore_jobs (
        job_id        uuid        PRIMARY KEY,
        model_id      text        NOT NULL,
        model_version int         NOT NULL,
        status        text        NOT NULL CHECK (status IN ('running', 'done', 'superseded')),
        cursor_lead   text,
        processed     int         NOT NULL DEFAULT 0,
        changed       int         NOT NULL DEFAULT 0,
        created_at    timestamptz NOT NULL,
        finished_at   timestamptz,
        lease_until   timestamptz
      )`);
    await q.query(
      `CREATE INDEX scoring_rescore_jobs_running ON scoring_rescore_jobs (created_at) WHERE status = 'running'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE scoring_rescore_jobs`);
    await q.query(`DROP TABLE scoring_leads`);
    await q.query(`DROP TABLE scoring_models`);
  }
}
