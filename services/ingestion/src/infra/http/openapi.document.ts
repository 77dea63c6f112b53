import { z } from 'zod';
import { createKeySchema } from '../../app/keys/create-key.schema';
import {
  campaignCostSchema,
  dispositionSchema,
  groupCallSchema,
  identifyCallSchema,
  opportunitySchema,
  pageCallSchema,
  salesActivitySchema,
  segmentBatchSchema,
  trackCallSchema,
} from '../../app/validation';

const jsonSchema = (schema: z.ZodType): Record<string, unknown> => {
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
};

const errorResponses = {
  '400': {
    description:
      'Invalid input (including a body that is not JSON or not gzip); `errors` lists each field path (`(root)` for the body itself) and problem.',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  },
  '401': { description: 'Missing, unknown or revoked key, or a bad signature.' },
  '403': { description: 'The key lacks the scope.' },
  '413': { description: 'Body larger than the limit (500 KB), counted after gzip decompression.' },
  '415': {
    description:
      'A Content-Encoding other than gzip, or (outside the Segment routes) a Content-Type other than application/json.',
  },
  '429': { description: 'The source exceeded its rate; see Retry-After.' },
  '503': { description: 'Temporarily unavailable (database or broker); retry after Retry-After.' },
};

const ingest = (summary: string, schema: string, many: boolean, security: string) => ({
  summary,
  security: [{ [security]: [] }],
  requestBody: {
    required: true,
    content: {
      'application/json': {
        schema: many
          ? {
              oneOf: [
                { $ref: `#/components/schemas/${schema}` },
                { type: 'array', maxItems: 500, items: { $ref: `#/components/schemas/${schema}` } },
              ],
            }
          : { $ref: `#/components/schemas/${schema}` },
      },
    },
  },
  responses: {
    '200': {
      description:
        'Durable: committed to the outbox. Repeats (same messageId or fact id) count as duplicates.',
    },
    ...errorResponses,
  },
});

/** OpenAPI 3.1 of the HTTP API, generated from the same zod schemas that validate requests. */
export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Smarketing ingestion',
      version: '1.0.0',
      description: 'Segment-spec tracking API, CRM facts, erasure and source keys.',
    },
    components: {
      securitySchemes: {
        writeKey: {
          type: 'http',
          scheme: 'basic',
          description: 'Segment convention: the write key is the username, the password empty.',
        },
        apiKey: { type: 'http', scheme: 'bearer', description: 'API key with scopes ingest, admin, read.' },
      },
      schemas: {
        Error: {
          type: 'object',
          properties: {
            error: { type: 'string' },
            message: { type: 'string' },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                properties: { path: { type: 'string' }, message: { type: 'string' } },
              },
            },
          },
        },
        IdentifyCall: jsonSchema(identifyCallSchema),
        TrackCall: jsonSchema(trackCallSchema),
        PageCall: jsonSchema(pageCallSchema),
        GroupCall: jsonSchema(groupCallSchema),
        Batch: jsonSchema(segmentBatchSchema),
        SalesActivity: jsonSchema(salesActivitySchema),
        Disposition: jsonSchema(dispositionSchema),
        Opportunity: jsonSchema(opportunitySchema),
        CampaignCost: jsonSchema(campaignCostSchema),
        CreateKey: jsonSchema(createKeySchema),
      },
    },
    paths: {
      '/v1/identify': {
        post: ingest(
          'Segment identify: lead-upserted (and leads-merged).',
          'IdentifyCall',
          false,
          'writeKey',
        ),
      },
      '/v1/track': { post: ingest('Segment track: touchpoint-recorded.', 'TrackCall', false, 'writeKey') },
      '/v1/page': {
        post: ingest(
          'Segment page: touchpoint-recorded (page view or pricing page view).',
          'PageCall',
          false,
          'writeKey',
        ),
      },
      '/v1/group': {
        post: ingest('Segment group: account association (lead-upserted).', 'GroupCall', false, 'writeKey'),
      },
      '/v1/batch': {
        post: ingest('Segment batch of up to 500 calls, all or nothing.', 'Batch', false, 'writeKey'),
      },
      '/v1/crm/sales-activities': {
        post: ingest('Sales activities: sales-activity-recorded.', 'SalesActivity', true, 'apiKey'),
      },
      '/v1/crm/dispositions': {
        post: ingest('Dispositions: lead-dispositioned.', 'Disposition', true, 'apiKey'),
      },
      '/v1/crm/opportunities': {
        post: ingest('Opportunities (full state): opportunity-updated.', 'Opportunity', true, 'apiKey'),
      },
      '/v1/crm/campaign-costs': {
        post: ingest('Campaign costs: campaign-cost-recorded.', 'CampaignCost', true, 'apiKey'),
      },
      '/v1/leads/{leadId}': {
        delete: {
          summary: 'Erase a person by leadId (admin): lead-erased.',
          security: [{ apiKey: [] }],
          parameters: [
            { name: 'leadId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
          ],
          responses: { '202': { description: 'Erased.' }, ...errorResponses },
        },
      },
      '/v1/leads': {
        delete: {
          summary: 'Erase a person by email (admin): lead-erased.',
          security: [{ apiKey: [] }],
          parameters: [{ name: 'email', in: 'query', required: true, schema: { type: 'string' } }],
          responses: { '202': { description: 'Erased.' }, ...errorResponses },
        },
      },
      '/v1/admin/keys': {
        get: {
          summary: 'List keys (admin); never secrets or hashes.',
          security: [{ apiKey: [] }],
          responses: { '200': { description: 'Keys.' }, ...errorResponses },
        },
        post: {
          summary: 'Create a write key or an API key (admin); the token is shown once.',
          security: [{ apiKey: [] }],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateKey' } } },
          },
          responses: { '201': { description: 'Created.' }, ...errorResponses },
        },
      },
      '/v1/admin/keys/{keyId}/rotate': {
        post: {
          summary: 'Rotate a key (admin).',
          security: [{ apiKey: [] }],
          parameters: [{ name: 'keyId', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'New token.' }, ...errorResponses },
        },
      },
      '/v1/admin/keys/{keyId}': {
        delete: {
          summary: 'Revoke a key (admin).',
          security: [{ apiKey: [] }],
          parameters: [{ name: 'keyId', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '204': { description: 'Revoked.' }, ...errorResponses },
        },
      },
    },
  };
}
