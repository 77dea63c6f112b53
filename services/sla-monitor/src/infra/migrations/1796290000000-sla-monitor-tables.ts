import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Policies and calendars (versioned documents), SLA records and their timelines, durable timers, lead facts, MQLs. */
export class SlaMonitorTables1796290000000 implements MigrationInterface {
  name = 'SlaMonitorTables1796290000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sla_monitor_policies (
        policy_id    text        NOT NULL,
        version      integer     NOT NULL,
        kind         text        NOT NULL,
        document     jsonb       NOT NULL,
        source       text        NOT NULL,
        published_by text,
        published_at timestamptz NOT NULL,
        PRIMARY KEY (policy_id, version)
      )`);
    await q.query(`
      CREATE TABLE sla_monitor_calendars (
        calendar_id  text        NOT NULL,
        version      integer     NOT NULL,
        document     jsonb       NOT NULL,
        source       text        NOT NULL,
        published_by text,
        published_at timestamptz NOT NULL,
        PRIMARY KEY (calendar_id, version)
      )`);
    // The record's whole state is the JSON document; the columns beside it serve the queries.
    await q.query(`
      CREATE TABLE sla_monitor_records (
        record_id                uuid        PRIMARY KEY,
        lead_id                  text        NOT NULL,
        rep_id                   text        NOT NULL,
        team_id                  text,
        kind                     text        NOT NULL,
        policy_id                text        NOT NULL,
        policy_version           integer     NOT NULL,
        status                   text        NOT NULL,
        started_at               timestamptz NOT NULL,
        due_at                   timestamptz,
        closed_at                timestamptz,
        first_action_business_ms bigint,
        state                    jsonb       NOT NULL
      )`);
    await q.query(`CREATE INDEX sla_monitor_records_lead ON sla_monitor_records (lead_id)`);
    await q.query(`CREATE INDEX sla_monitor_records_started ON sla_monitor_records (started_at)`);
    await q.query(`
      CREATE INDEX sla_monitor_records_open_due ON sla_monitor_records (due_at)
      WHERE status IN ('running', 'warning') AND closed_at IS NULL`);
    await q.query(`
      CREATE TABLE sla_monitor_timeline (
        record_id           uuid        NOT NULL,
        sequence            integer     NOT NULL,
        step                text        NOT NULL,
        status              text        NOT NULL,
        occurred_at         timestamptz NOT NULL,
        event_id            uuid        NOT NULL,
        supersedes          integer,
        elapsed_business_ms bigint      NOT NULL,
        cause               jsonb       NOT NULL,
        fired_at            timestamptz,
        PRIMARY KEY (record_id, sequence)
      )`);
    // Durable timers: claimed by due time (FOR UPDATE SKIP LOCKED), cancelled by subject.
    await q.query(`
      CREATE TABLE sla_monitor_timers (
        timer_id   bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        subject    text        NOT NULL,
        subject_id text        NOT NULL,
        kind       text        NOT NULL,
        due_at     timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX sla_monitor_timers_due ON sla_monitor_timers (due_at)`);
    await q.query(`CREATE INDEX sla_monitor_timers_subject ON sla_monitor_timers (subject_id)`);
    await q.query(`
      CREATE TABLE sla_monitor_lead_facts (
        lead_id     text        NOT NULL,
        event_id    text        NOT NULL,
        kind        text        NOT NULL,
        rep_id      text        NOT NULL,
        occurred_at timestamptz NOT NULL,
        disposition text,
        PRIMARY KEY (lead_id, event_id)
      )`);
    await q.query(`
      CREATE TABLE sla_monitor_lead_profiles (
        lead_id text PRIMARY KEY,
        band    text,
        region  text,
        source  text
      )`);
    await q.query(`
      CREATE TABLE sla_monitor_mqls (
        lead_id     text        NOT NULL,
        cycle       integer     NOT NULL,
        mql_at      timestamptz NOT NULL,
        region      text,
        source      text,
        accepted_at timestamptz,
        PRIMARY KEY (lead_id, cycle)
      )`);
    await q.query(`CREATE INDEX sla_monitor_mqls_at ON sla_monitor_mqls (mql_at)`);
    await q.query(`
      CREATE TABLE sla_monitor_volume_evaluations (
        policy_id     text        NOT NULL,
        period_start  timestamptz NOT NULL,
        period_end    timestamptz NOT NULL,
        evaluation_id uuid        NOT NULL,
        final         boolean     NOT NULL,
        evaluated_at  timestamptz NOT NULL,
        PRIMARY KEY (policy_id, period_start)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'sla_monitor_volume_evaluations',
      'sla_monitor_mqls',
      'sla_monitor_lead_profiles',
      'sla_monitor_lead_facts',
      'sla_monitor_timers',
      'sla_monitor_timeline',
      'sla_monitor_records',
      'sla_monitor_calendars',
      'sla_monitor_policies',
    ])
      await q.query(`DROP TABLE ${table}`);
  }
}
