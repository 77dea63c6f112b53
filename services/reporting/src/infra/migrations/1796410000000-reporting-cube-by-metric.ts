import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The channel table reads one dimension's cube rows for a few metrics over a period, every value of
 * the dimension at once: the primary key (dim, value, day, …) has the day after the value, so that
 * read walked every day of every channel. By (dim, metric, day) it reads only the period's rows.
 */
export class ReportingCubeByMetric1796410000000 implements MigrationInterface {
  name = 'ReportingCubeByMetric1796410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX reporting_cube_daily_dim_metric_day ON reporting_cube_daily (dim, metric, day)`,
    );
    await q.query(
      `CREATE INDEX reporting_cube_monthly_dim_metric_day ON reporting_cube_monthly (dim, metric, day)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX reporting_cube_monthly_dim_metric_day`);
    await q.query(`DROP INDEX reporting_cube_daily_dim_metric_day`);
  }
}
