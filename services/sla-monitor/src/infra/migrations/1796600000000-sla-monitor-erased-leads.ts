import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ids of erased leads (ids only, no personal data), so a touch, a disposition or a profile
 * update read after the erasure (each topic is read on its own) is not kept for them.
 */
export class SlaMonitorErasedLeads1796600000000 implements MigrationInterface {
  name = 'SlaMonitorErasedLeads1796600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE sla_monitor_erased_leads (lead_id text PRIMARY KEY)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sla_monitor_erased_leads`);
  }
}
