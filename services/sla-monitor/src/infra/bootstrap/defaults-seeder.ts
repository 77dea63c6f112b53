import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { createLogger } from '@smarketing/observability';
import { loadBundledDefaults } from '../../app/defaults/bundled-defaults';
import { SeedDefaults } from '../../app/use-cases/seed-defaults.use-case';

/** Publishes services/sla-monitor/defaults before the consumers and the timer worker start (onModuleInit runs first). */
@Injectable()
export class DefaultsSeeder implements OnModuleInit {
  constructor(@Inject(SeedDefaults) private readonly seed: SeedDefaults) {}

  async onModuleInit(): Promise<void> {
    const { inserted, differing } = await this.seed.execute(loadBundledDefaults());
    const logger = createLogger({ service: 'sla-monitor' });
    if (inserted.length) logger.info({ inserted }, 'default SLA calendars and policies published');
    if (differing.length)
      logger.warn(
        { differing },
        'stored calendar or policy versions differ from the files in services/sla-monitor/defaults and stay in ' +
          'force (published versions are immutable): publish a new version instead',
      );
  }
}
