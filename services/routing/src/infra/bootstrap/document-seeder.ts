import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { createLogger } from '@smarketing/observability';
import { loadBundledOrg, loadBundledRules } from '../../app/bundled-documents';
import { SeedBundledDocuments } from '../../app/use-cases/seed-bundled-documents.use-case';

/** Seeds services/routing/org and services/routing/rules before the consumers start (onModuleInit runs before bootstrap). */
@Injectable()
export class DocumentSeeder implements OnModuleInit {
  constructor(@Inject(SeedBundledDocuments) private readonly seed: SeedBundledDocuments) {}

  async onModuleInit(): Promise<void> {
    const { org, rules } = await this.seed.execute(loadBundledOrg(), loadBundledRules());
    const logger = createLogger({ service: 'routing' });
    if (org.length) logger.info({ inserted: org.length }, 'bundled sales org seeded');
    if (rules.length) logger.info({ versions: rules }, 'bundled routing rules published');
  }
}
