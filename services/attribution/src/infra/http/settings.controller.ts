import { Body, Controller, Get, Inject, Post } from '@nestjs/common';
import { ConflictError, InvalidInputError, Route, Scopes } from '@smarketing/http';
import type { StoredSettings } from '../../app/ports/settings-store.port';
import { ListSettings } from '../../app/use-cases/get-settings.use-case';
import { PublishSettings } from '../../app/use-cases/publish-settings.use-case';
import { attributionSettingsSchema } from '../../domain';

const view = (s: StoredSettings) => ({
  ...s.settings,
  publishedAt: new Date(s.publishedAt).toISOString(),
  source: s.source,
});

/** The attribution settings documents: list (read), publish the next version (admin). */
@Controller('v1/settings')
export class SettingsController {
  constructor(
    @Inject(ListSettings) private readonly list: ListSettings,
    @Inject(PublishSettings) private readonly publish: PublishSettings,
  ) {}

  @Get()
  @Scopes('read')
  @Route({ summary: 'Every settings version, newest (in force) first.', responses: { 200: 'The versions.' } })
  async all() {
    return { settings: (await this.list.execute()).map(view) };
  }

  @Post()
  @Scopes('admin')
  @Route({
    summary: 'Publish the next settings version (admin): models, lookback, buying group, data-driven models.',
    // The use case validates the document (its rules are the domain's), with each field's path.
    validatedByApp: { body: attributionSettingsSchema },
    responses: { 201: 'Published.' },
  })
  async publishSettings(@Body() body: unknown) {
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new InvalidInputError([
        { path: '(root)', message: 'must be a JSON object (a settings document)' },
      ]);
    const result = await this.publish.execute(body as Record<string, unknown>);
    switch (result.kind) {
      case 'invalid':
        throw new InvalidInputError(result.errors, 'the settings document is invalid');
      case 'conflict':
        throw new ConflictError(result.message);
      case 'published':
        return view(result.stored);
    }
  }
}
