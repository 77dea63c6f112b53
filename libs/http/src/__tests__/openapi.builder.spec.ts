import { HealthController, MetricsController, PUBLIC_ROUTES } from '@smarketing/observability';
import { z } from 'zod';
import { buildOpenApiDocument } from '../openapi/openapi.builder';
import { OpenApiController } from '../openapi/openapi.controller';
import { routeTableOf } from '../openapi/route-table';
import { ForgottenController, itemBody, ItemsController, startEdgeApp } from './fixtures/edge-app';

// Documents are read field by field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe('the route table', () => {
  it('lists each route with its path template and what it declared', () => {
    const routes = routeTableOf([ItemsController, ForgottenController]);
    const byName = Object.fromEntries(routes.map((r) => [r.name, r]));
    expect(byName['ItemsController.one']).toMatchObject({
      method: 'get',
      path: '/items/:id',
      access: { kind: 'scopes', scopes: ['read'] },
    });
    expect(byName['ItemsController.create']).toMatchObject({
      method: 'post',
      path: '/items',
      access: { scopes: ['admin'] },
    });
    expect(byName['ItemsController.open']?.access).toEqual({ kind: 'public' });
    expect(byName['ForgottenController.get']?.access).toEqual({ kind: 'undeclared' });
  });

  it('sees the probes as public routes, at the paths of PUBLIC_ROUTES', () => {
    const routes = routeTableOf([HealthController, MetricsController, OpenApiController]);
    expect(
      routes
        .filter((r) => r.access.kind === 'public')
        .map((r) => r.path)
        .sort(),
    ).toEqual([...PUBLIC_ROUTES, '/openapi.json'].sort());
  });
});

describe('the OpenAPI document', () => {
  const doc: Json = buildOpenApiDocument(
    { title: 'Items', version: '2.0.0', schemas: { Item: itemBody } },
    routeTableOf([ItemsController, ForgottenController]),
    { bodyLimitBytes: 1000, rateLimited: false },
  );

  it('is OpenAPI 3.1 with the routes as path templates, and named schemas as components', () => {
    expect(doc).toMatchObject({ openapi: '3.1.0', info: { title: 'Items', version: '2.0.0' } });
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/forgotten',
      '/items',
      '/items/any-type',
      '/items/boom',
      '/items/public',
      '/items/{id}',
    ]);
    expect(doc.components.schemas.Item).toMatchObject({ type: 'object', required: ['name', 'tags'] });
    expect(doc.components.schemas.Item.$schema).toBeUndefined();
    expect(doc.paths['/items'].post.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Item',
    });
  });

  it('documents parameters from the schemas that validate them', () => {
    expect(doc.paths['/items/{id}'].get.parameters).toEqual([
      {
        name: 'id',
        in: 'path',
        required: true,
        schema: expect.objectContaining({ type: 'string', format: 'uuid' }),
      },
      {
        name: 'limit',
        in: 'query',
        required: false,
        schema: expect.objectContaining({ type: 'integer', default: 10, maximum: 50 }),
      },
    ]);
  });

  it('states each route’s security and the errors the edge can answer', () => {
    const create = doc.paths['/items'].post;
    expect(create.security).toEqual([{ bearer: ['admin'] }, { basic: ['admin'] }]);
    expect(Object.keys(create.responses).sort()).toEqual([
      '201',
      '400',
      '401',
      '403',
      '413',
      '415',
      '500',
      '503',
    ]);
    expect(create.responses['413'].description).toContain('1000 bytes');
    expect(create.responses['400'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Error',
    });
    expect(doc.paths['/items/public'].get.security).toEqual([]);
    expect(Object.keys(doc.paths['/items/public'].get.responses)).not.toContain('401');
  });

  it('inlines an unnamed schema, and refers to a named one used inside it', () => {
    const many = z.array(itemBody).max(3);
    const routes = [
      {
        method: 'post',
        path: '/bulk',
        access: { kind: 'scopes' as const, scopes: ['admin' as const] },
        name: 'Bulk.post',
        spec: { summary: 'Bulk.', validatedByApp: { body: many } },
      },
    ];
    const bulk: Json = buildOpenApiDocument(
      { title: 't', version: '1', schemas: { Item: itemBody } },
      routes,
      {
        bodyLimitBytes: 1,
        rateLimited: true,
      },
    );
    expect(bulk.paths['/bulk'].post.requestBody.content['application/json'].schema).toEqual({
      type: 'array',
      maxItems: 3,
      items: { $ref: '#/components/schemas/Item' },
    });
    expect(bulk.paths['/bulk'].post.responses['429']).toBeDefined();
    expect(Object.keys(bulk.components.schemas).sort()).toEqual(['Error', 'Item']);
  });
});

describe('GET /openapi.json', () => {
  it('serves the app’s document without a key', async () => {
    const { app } = await startEdgeApp();
    try {
      const res = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/openapi.json' });
      expect(res.statusCode).toBe(200);
      const served = JSON.parse(res.body) as Json;
      expect(served.info.title).toBe('Edge test');
      expect(served.paths['/openapi.json'].get.security).toEqual([]);
      expect(served.paths['/health/ready'].get.security).toEqual([]);
      expect(served.paths['/items/{id}'].get.summary).toBe('One item.');
    } finally {
      await app.close();
    }
  });
});
