import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { createLogger } from '@smarketing/observability';
import { SeedBundledSettings } from '../../app/use-cases/seed-bundled-settings.use-case';
import { loadBundledSettings } from './bundled-settings';

/** Loads services/attribution/models into attribution_settings before the consumers start. */
@Injectable()
export class SettingsSeeder implements OnModuleInit {
  constructor(@Inject(SeedBundledSettings) private readonly seed: SeedBundledSettings) {}

  async onModuleInit(): Promise<void> {
    const { inserted, differing } = await this.seed.execute(loadBundledSettings());
    const logger = createLogger({ service: 'attribution' });
    if (inserted.length) logger.info({ inserted }, 'bundled attribution settings published');
    if (differing.length)
      logger.warn(
        { differing },
        'stored attribution settings versions differ from the files in services/attribution/models and stay ' +
          'in force (published versions are immutable): publish a new version instead',
      );
  }
}
