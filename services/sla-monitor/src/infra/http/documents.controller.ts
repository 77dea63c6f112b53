import { Body, Controller, Get, Inject, Param, Post, Req } from '@nestjs/common';
import { ConflictError, InvalidInputError, NotFoundError, Route, Scopes } from '@smarketing/http';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Stored } from '../../app/ports/document-store.port';
import type { PublishResult } from '../../app/use-cases/publish-documents.use-case';
import { PublishCalendar, PublishPolicy } from '../../app/use-cases/publish-documents.use-case';
import {
  GetCalendar,
  GetPolicy,
  ListCalendars,
  ListPolicies,
  type DocumentSummary,
} from '../../app/use-cases/read-documents.use-case';
import { businessCalendarSchema } from '../../domain/business-calendar.schema';
import { slaPolicySchema } from '../../domain/sla-policy.schema';
import { documentParams, documentVersionParams } from './request-schemas';

const objectBody = (body: unknown, what: string): unknown => {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new InvalidInputError([{ path: '(root)', message: `must be a JSON object (${what})` }]);
  return body;
};

const published = <T extends { id: string; version: number }>(result: PublishResult<T>, what: string) => {
  switch (result.kind) {
    case 'invalid':
      throw new InvalidInputError(result.errors, `the ${what} is invalid`);
    case 'conflict':
      throw new ConflictError(result.message);
    case 'published':
      return {
        id: result.document.id,
        version: result.document.version,
        publishedAt: new Date(result.publishedAt).toISOString(),
      };
  }
};

const summary = (s: DocumentSummary) => ({ ...s, publishedAt: new Date(s.publishedAt).toISOString() });

const shown = <T>(s: Stored<T>) => ({
  source: s.source,
  publishedAt: new Date(s.publishedAt).toISOString(),
  publishedBy: s.publishedBy,
  document: s.document,
});

/** SLA policies and business calendars: publish new versions (admin), list and read (read). */
@Controller('v1')
export class DocumentsController {
  constructor(
    @Inject(PublishPolicy) private readonly publishPolicy: PublishPolicy,
    @Inject(PublishCalendar) private readonly publishCalendar: PublishCalendar,
    @Inject(ListPolicies) private readonly listPolicies: ListPolicies,
    @Inject(GetPolicy) private readonly getPolicy: GetPolicy,
    @Inject(ListCalendars) private readonly listCalendars: ListCalendars,
    @Inject(GetCalendar) private readonly getCalendar: GetCalendar,
  ) {}

  @Post('policies')
  @Scopes('admin')
  @Route({
    summary: 'Publish an SLA policy version (response, disposition or volume); new clocks use the latest.',
    // The use case validates the document (its rules are the domain's), with each field's path.
    validatedByApp: { body: slaPolicySchema },
    responses: { 201: 'Published.' },
  })
  async postPolicy(@Body() body: unknown, @Req() request: FastifyRequest) {
    const result = await this.publishPolicy.execute({
      document: objectBody(body, 'an SLA policy document'),
      publishedBy: request.principal?.keyId ?? 'unknown',
    });
    return published(result, 'policy document');
  }

  @Get('policies')
  @Scopes('read')
  @Route({ summary: 'Every policy version, with a latest flag.', responses: { 200: 'The policies.' } })
  async policies() {
    return { policies: (await this.listPolicies.execute()).map(summary) };
  }

  @Get('policies/:id')
  @Scopes('read')
  @Route({
    summary: "A policy's latest version.",
    params: documentParams,
    responses: { 200: 'The version.' },
  })
  async policy(@Param() { id }: z.output<typeof documentParams>) {
    const found = await this.getPolicy.execute(id);
    if (!found) throw new NotFoundError(`no policy ${id}`);
    return shown(found);
  }

  @Get('policies/:id/versions/:v')
  @Scopes('read')
  @Route({
    summary: 'One policy version.',
    params: documentVersionParams,
    responses: { 200: 'The version.' },
  })
  async policyVersion(@Param() { id, v }: z.output<typeof documentVersionParams>) {
    const found = await this.getPolicy.execute(id, v);
    if (!found) throw new NotFoundError(`no policy ${id} version ${v}`);
    return shown(found);
  }

  @Post('calendars')
  @Scopes('admin')
  @Route({
    summary: 'Publish a business calendar version; running clocks keep the version they started on.',
    validatedByApp: { body: businessCalendarSchema },
    responses: { 201: 'Published.' },
  })
  async postCalendar(@Body() body: unknown, @Req() request: FastifyRequest) {
    const result = await this.publishCalendar.execute({
      document: objectBody(body, 'a business calendar document'),
      publishedBy: request.principal?.keyId ?? 'unknown',
    });
    return published(result, 'calendar document');
  }

  @Get('calendars')
  @Scopes('read')
  @Route({ summary: 'Every calendar version, with a latest flag.', responses: { 200: 'The calendars.' } })
  async calendars() {
    return { calendars: (await this.listCalendars.execute()).map(summary) };
  }

  @Get('calendars/:id')
  @Scopes('read')
  @Route({
    summary: "A calendar's latest version.",
    params: documentParams,
    responses: { 200: 'The version.' },
  })
  async calendar(@Param() { id }: z.output<typeof documentParams>) {
    const found = await this.getCalendar.execute(id);
    if (!found) throw new NotFoundError(`no calendar ${id}`);
    return shown(found);
  }

  @Get('calendars/:id/versions/:v')
  @Scopes('read')
  @Route({
    summary: 'One calendar version.',
    params: documentVersionParams,
    responses: { 200: 'The version.' },
  })
  async calendarVersion(@Param() { id, v }: z.output<typeof documentVersionParams>) {
    const found = await this.getCalendar.execute(id, v);
    if (!found) throw new NotFoundError(`no calendar ${id} version ${v}`);
    return shown(found);
  }
}
