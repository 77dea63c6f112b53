import {
  Global,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { HealthIndicator, HealthRegistry, type HealthCheckResult } from '@smarketing/observability';
import { DataSource } from 'typeorm';
import { createDataSource, type DataSourceOptions } from '../data-source';

@Injectable()
export class PostgresHealth extends HealthIndicator implements OnModuleInit {
  readonly name = 'postgres';
  constructor(
    private readonly db: DataSource,
    private readonly health: HealthRegistry,
  ) {
    super();
  }
  onModuleInit(): void {
    this.health.register(this);
  }
  async check(): Promise<HealthCheckResult> {
    await this.db.query('SELECT 1');
    return { ok: true };
  }
}

@Injectable()
class DataSourceCloser implements OnApplicationShutdown {
  constructor(private readonly db: DataSource) {}
  async onApplicationShutdown(): Promise<void> {
    if (this.db.isInitialized) await this.db.destroy();
  }
}

/**
 * The service's own database as the `DataSource` provider (global), with its readiness check.
 * Initialises the pool at start-up; it never runs migrations (the `migrate` command does).
 */
@Global()
@Module({})
export class PersistenceModule {
  static forRoot(options: DataSourceOptions): DynamicModule {
    return {
      module: PersistenceModule,
      providers: [
        {
          provide: DataSource,
          useFactory: async () => {
            const ds = createDataSource(options);
            await ds.initialize();
            return ds;
          },
        },
        PostgresHealth,
        DataSourceCloser,
      ],
      exports: [DataSource],
    };
  }
}
