import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The sales org, routing rules versions, leads, assignments with traces, pool state, loads, held-lead timers. */
export class RoutingTables1796287483408 implements MigrationInterface {
  name = 'RoutingTables1796287483408';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE routing_meta (
        id          int    PRIMARY KEY CHECK (id = 1),
        org_version bigint NOT NULL
      )`);
    await q.query(`INSERT INTO routing_meta (id, org_version) VALUES (1, 0)`);
    await q.query(`
      CREATE TABLE routing_teams (
        team_id    text        PRIMARY KEY,
        document   jsonb       NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE routing_reps (
        rep_id     text        PRIMARY KEY,
        team_id    text        NOT NULL,
        active     boolean     NOT NULL,
        document   jsonb       NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE routing_account_owners (
        account_key text        PRIMARY KEY,
        rep_id      text        NOT NULL,
        segment     text,
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE routing_rules (
        version      int         PRIMARY KEY,
        document     jsonb       NOT NULL,
        source       text        NOT NULL,
        published_at timestamptz NOT NULL,
        published_by text
      )`);
    await q.query(`
      CREATE TABLE routing_leads (
        lead_id        text        PRIMARY KEY,
        country        text,
        region         text,
        industry       text,
        employees      int,
        account_id     text,
        account_domain text,
        source         text,
        facts_at       timestamptz,
        cycle          int         NOT NULL,
        status         text        NOT NULL,
        owner_rep_id   text,
        queue_id       text,
        pool_id        text,
        rule_id        text,
        held_before    text[]      NOT NULL,
        reassignments  int         NOT NULL
      )`);
    await q.query(`
      CREATE TABLE routing_sales_ready (
        lead_id    text        NOT NULL,
        cycle      int         NOT NULL,
        entered_at timestamptz NOT NULL,
        PRIMARY KEY (lead_id, cycle)
      )`);
    await q.query(`CREATE INDEX routing_sales_ready_entered_at ON routing_sales_ready (entered_at)`);
    await q.query(`
      CREATE TABLE routing_assignments (
        assignment_id   uuid        PRIMARY KEY,
        lead_id         text        NOT NULL,
        cause_key       text        NOT NULL,
        cause_event_id  text,
        cycle           int         NOT NULL,
        kind            text        NOT NULL,
        outcome         text        NOT NULL,
        via             text,
        rep_id          text,
        queue_id        text,
        previous_rep_id text,
        team_id         text,
        rule_id         text,
        rules_version   int         NOT NULL,
        pool_id         text,
        position        bigint,
        candidates      jsonb       NOT NULL,
        reason          text        NOT NULL,
        occurred_at     timestamptz NOT NULL,
        UNIQUE (lead_id, cause_key)
      )`);
    // The dashboard's per-day figures (held and queued per pool) read a period of decisions.
    await q.query(`CREATE INDEX routing_assignments_occurred_at ON routing_assignments (occurred_at)`);
    await q.query(`
      CREATE TABLE routing_pools (
        pool_id       text   PRIMARY KEY,
        turn          bigint NOT NULL,
        cursor_pass   int    NOT NULL,
        cursor_index  int    NOT NULL,
        cursor_rep_id text
      )`);
    await q.query(`
      CREATE TABLE routing_pool_members (
        pool_id      text    NOT NULL,
        rep_id       text    NOT NULL,
        period_key   text    NOT NULL,
        period_count int     NOT NULL,
        owed         int     NOT NULL,
        away         boolean NOT NULL,
        assigned     bigint  NOT NULL,
        PRIMARY KEY (pool_id, rep_id)
      )`);
    await q.query(`
      CREATE TABLE routing_rep_loads (
        rep_id     text PRIMARY KEY,
        day_key    text NOT NULL,
        day_count  int  NOT NULL,
        week_key   text NOT NULL,
        week_count int  NOT NULL
      )`);
    await q.query(`
      CREATE TABLE routing_rep_days (
        rep_id   text NOT NULL,
        day      date NOT NULL,
        assigned int  NOT NULL,
        capped   int  NOT NULL,
        skipped  int  NOT NULL,
        PRIMARY KEY (rep_id, day)
      )`);
    await q.query(`CREATE INDEX routing_rep_days_day ON routing_rep_days (day)`);
    await q.query(`
      CREATE TABLE routing_held (
        lead_id text        PRIMARY KEY,
        cycle   int         NOT NULL,
        pool_id text        NOT NULL,
        due_at  timestamptz,
        held_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX routing_held_due_at ON routing_held (due_at) WHERE due_at IS NOT NULL`);
    await q.query(`CREATE INDEX routing_held_pool ON routing_held (pool_id, held_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'routing_held',
      'routing_rep_days',
      'routing_rep_loads',
      'routing_pool_members',
      'routing_pools',
      'routing_assignments',
      'routing_sales_ready',
      'routing_leads',
      'routing_rules',
      'routing_account_owners',
      'routing_reps',
      'routing_teams',
      'routing_meta',
    ])
      await q.query(`DROP TABLE ${table}`);
  }
}
