import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { createLogger } from '@smarketing/observability';
import { loadBundledModels } from '../../app/model-file/bundled-models';
import { SeedBundledModels } from '../../app/use-cases/seed-bundled-models.use-case';

/** Loads services/scoring/models into scoring_models before the consumers start (onModuleInit runs before bootstrap). */
@Injectable()
export class ModelSeeder implements OnModuleInit {
  constructor(@Inject(SeedBundledModels) private readonly seed: SeedBundledModels) {}

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
  }
}
