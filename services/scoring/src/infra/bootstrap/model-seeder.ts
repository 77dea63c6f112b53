import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { createLogger } from '@smarketing/observability';
import { loadBundledIcps } from '../../app/model-file/bundled-icps';
import { loadBundledModels } from '../../app/model-file/bundled-models';
import { SeedBundledIcps } from '../../app/use-cases/seed-bundled-icps.use-case';
import { SeedBundledModels } from '../../app/use-cases/seed-bundled-models.use-case';

/**
 * Loads services/scoring/models into scoring_models and services/scoring/icp into scoring_icps before
 * the consumers start (onModuleInit runs before bootstrap).
 */
@Injectable()
export class ModelSeeder implements OnModuleInit {
  constructor(
    @Inject(SeedBundledModels) private readonly seed: SeedBundledModels,
    @Inject(SeedBundledIcps) private readonly seedIcps: SeedBundledIcps,
  ) {}

  async onModuleInit(): Promise<void> {
    const { inserted, differing } = await this.seed.execute(loadBundledModels());
    const logger = createLogger({ service: 'scoring' });
    if (inserted.length) logger.info({ inserted }, 'bundled scoring models published');
    if (differing.length)
      logger.warn(
        { differing },
        'stored scoring model versions differ from the files in services/scoring/models and keep scoring ' +
          '(published versions are immutable): publish a new version, or recreate the database of a ' +
          'development stack seeded before the files changed',
      );
    const icps = await this.seedIcps.execute(loadBundledIcps());
    if (icps.inserted.length) logger.info({ inserted: icps.inserted }, 'bundled ICPs published');
    if (icps.differing.length)
      logger.warn(
        { differing: icps.differing },
        'stored ICP versions differ from the files in services/scoring/icp and keep scoring (published ' +
          'versions are immutable): publish a new version, or recreate the database of a development stack',
      );
  }
}
