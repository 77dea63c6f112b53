import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The formula cube (src/domain/cube.ts): the counters once per filter dimension with only their
 * bounded breakdowns, so the dashboard's period totals read a few rows per metric; and an index
 * by metric on the detailed counters for the tables that need the full detail (SLA by rep,
 * rejections), so those read only their metrics' rows.
 */
export class ReportingCube1796349533985 implements MigrationInterface {
  name = 'ReportingCube1796349533985';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reporting_cube_daily (
        dim    text             NOT NULL,
        value  text             NOT NULL,
        day    date             NOT NULL,
        metric text             NOT NULL,
        bucket text             NOT NULL,
        sum    double precision NOT NULL,
        count  bigint           NOT NULL,
        PRIMARY KEY (dim, value, day, metric, bucket)
      )`);
    // By month (day = the month's first day), as reporting_monthly is to reporting_daily.
    await q.query(`CREATE TABLE reporting_cube_monthly (LIKE reporting_cube_daily INCLUDING ALL)`);
    await q.query(`CREATE INDEX reporting_daily_metric_day ON reporting_daily (metric, day)`);
    await q.query(`CREATE INDEX reporting_monthly_metric_day ON reporting_monthly (metric, day)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX reporting_monthly_metric_day`);
    await q.query(`DROP INDEX reporting_daily_metric_day`);
    await q.query(`DROP TABLE reporting_cube_monthly`);
    await q.query(`DROP TABLE reporting_cube_daily`);
  }
}
