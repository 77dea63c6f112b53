import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { createLogger } from '@smarketing/observability';
import { loadBundledModels } from '../../app/model-file/bundled-models';
import { SeedBundledModels } from '../../app/use-cases/seed-bundled-models.use-case';

/** Loads services/scoring/models into scoring_models before the consumers start (onModuleInit runs before bootstrap). */
@Injectable()
export class ModelSeeder implements OnModuleInit {
  constructor(@Inject(SeedBundledModels) private readonly seed: SeedBundledModels) {}

  async onModuleInit(): Promise<void> {
    const { inserted } = await this.seed.execute(loadBundledModels());
    if (inserted.length)
      createLogger({ service: 'scoring' }).info({ inserted }, 'bundled scoring models published');
  }
}
