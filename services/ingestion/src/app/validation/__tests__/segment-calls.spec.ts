import {
  parseGroupCall,
  parseIdentifyCall,
  parsePageCall,
  parseSegmentBatch,
  parseSegmentCall,
  parseTrackCall,
  type ValidationResult,
} from '..';

const track = (fields: Record<string, unknown> = {}) => ({
  type: 'track',
  messageId: 'ajs-1',
  anonymousId: 'anon-1',
  event: 'Demo Requested',
  timestamp: '2024-05-01T12:00:00.000Z',
  ...fields,
});

function errorsOf<T>(result: ValidationResult<T>) {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return result.errors;
}

describe('Segment calls', () => {
  it('accepts a spec track call, ignoring unknown top-level fields and setting default properties', () => {
    const result = parseTrackCall({
      ...track(),
      integrations: { All: true },
      receivedAt: '2020-01-01T00:00:00Z',
      channel: 'server',
    });
    expect(result).toEqual({
      ok: true,
      value: {
        type: 'track',
        messageId: 'ajs-1',
        anonymousId: 'anon-1',
        event: 'Demo Requested',
        timestamp: '2024-05-01T12:00:00.000Z',
        properties: {},
      },
    });
  });

  it('infers the type from the route when the body has none', () => {
    const { type: _type, ...body } = track();
    expect(parseTrackCall(body)).toMatchObject({ ok: true, value: { type: 'track' } });
    expect(parseIdentifyCall({ messageId: 'm', userId: 'u', traits: { email: 'a@b.co' } })).toMatchObject({
      ok: true,
      value: { type: 'identify', traits: { email: 'a@b.co' } },
    });
  });

  it('accepts a call without messageId, as Segment does (the key is then derived from its content)', () => {
    expect(parseIdentifyCall({ userId: 'u', traits: { plan: 'pro' } })).toEqual({
      ok: true,
      value: { type: 'identify', userId: 'u', traits: { plan: 'pro' } },
    });
    expect(parseSegmentBatch({ batch: [{ type: 'track', anonymousId: 'a', event: 'e' }] }).ok).toBe(true);
  });

  it('accepts numeric user ids as strings', () => {
    expect(parseIdentifyCall({ messageId: 'm', userId: 42 })).toMatchObject({
      ok: true,
      value: { userId: '42' },
    });
  });

  it('keeps the context fields we use and drops the rest', () => {
    const context = {
      ip: '203.0.113.7',
      userAgent: 'Mozilla/5.0',
      page: {
        url: 'https://acme.com/pricing?utm_source=google',
        path: '/pricing',
        referrer: 'https://www.google.com/',
        title: 'Pricing',
      },
      campaign: { name: 'spring', source: 'google', medium: 'cpc', term: 'crm', content: 'a' },
      library: { name: 'analytics.js', version: '2.0' },
      os: { name: 'macOS' },
    };
    const result = parsePageCall({ type: 'page', messageId: 'm', userId: 'u', name: 'Pricing', context });
    const { os: _os, ...kept } = context;
    expect(result).toEqual({
      ok: true,
      value: { type: 'page', messageId: 'm', userId: 'u', name: 'Pricing', context: kept, properties: {} },
    });
  });

  it.each<[string, unknown, string, string]>([
    ['no user', { type: 'identify', messageId: 'm' }, 'userId', 'userId or anonymousId is required'],
    ['empty messageId', { type: 'identify', userId: 'u', messageId: '' }, 'messageId', 'must not be empty'],
    ['empty event', track({ event: '  ' }), 'event', 'must not be empty'],
    ['missing event', track({ event: undefined }), 'event', 'is required'],
    ['event too long', track({ event: 'x'.repeat(201) }), 'event', 'must be at most 200 characters'],
    ['no groupId', { type: 'group', messageId: 'm', userId: 'u' }, 'groupId', 'is required'],
    [
      'local timestamp',
      track({ timestamp: '2024-05-01T12:00:00' }),
      'timestamp',
      'must be an ISO-8601 date-time with a time zone, e.g. 2024-05-01T12:00:00Z',
    ],
    [
      'bad sentAt',
      track({ sentAt: 'yesterday' }),
      'sentAt',
      'must be an ISO-8601 date-time with a time zone, e.g. 2024-05-01T12:00:00Z',
    ],
    ['properties array', track({ properties: [1, 2] }), 'properties', 'must be an object'],
    [
      'traits null',
      { type: 'identify', messageId: 'm', userId: 'u', traits: null },
      'traits',
      'must be an object',
    ],
    ['bad ip', track({ context: { ip: 'localhost' } }), 'context.ip', 'must be an IPv4 or IPv6 address'],
    [
      'long page url',
      track({ context: { page: { url: 'x'.repeat(1001) } } }),
      'context.page.url',
      'must be at most 1000 characters',
    ],
    [
      'campaign not an object',
      track({ context: { campaign: 'spring' } }),
      'context.campaign',
      'must be an object',
    ],
    [
      'unsupported type',
      { type: 'alias', messageId: 'm', userId: 'u' },
      'type',
      'must be one of "identify", "track", "page", "group"',
    ],
    ['not an object', 'hello', '(root)', 'must be an object'],
    [
      'no type',
      { messageId: 'm', userId: 'u' },
      'type',
      'must be one of "identify", "track", "page", "group"',
    ],
    [
      'impossible date',
      track({ timestamp: '2023-02-29T00:00:00Z' }),
      'timestamp',
      'must be an ISO-8601 date-time with a time zone, e.g. 2024-05-01T12:00:00Z',
    ],
  ])('rejects a call with %s, naming the field', (_case, body, path, message) => {
    expect(errorsOf(parseSegmentCall(body))).toContainEqual({ path, message });
  });

  it('reports every problem of a call at once', () => {
    const errors = errorsOf(parseGroupCall({ type: 'group', timestamp: 'soon' }));
    expect(errors.map((e) => e.path).sort()).toEqual(['groupId', 'timestamp', 'userId']);
  });

  it('rejects a single-call body that is not an object at the root', () => {
    expect(errorsOf(parseTrackCall([1]))).toEqual([{ path: '(root)', message: 'must be an object' }]);
  });
});

describe('Segment batch', () => {
  it('hands batch-level sentAt and context down to each call', () => {
    const result = parseSegmentBatch({
      sentAt: '2024-05-01T12:00:05Z',
      context: { library: { name: 'analytics-node' }, ip: '10.0.0.1' },
      batch: [
        track(),
        track({ messageId: 'ajs-2', sentAt: '2024-05-01T12:00:06Z', context: { ip: '10.0.0.2' } }),
      ],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.batch.map((call) => [call.sentAt, call.context])).toEqual([
      ['2024-05-01T12:00:05Z', { library: { name: 'analytics-node' }, ip: '10.0.0.1' }],
      ['2024-05-01T12:00:06Z', { library: { name: 'analytics-node' }, ip: '10.0.0.2' }],
    ]);
  });

  it('names the call and field of each error', () => {
    const errors = errorsOf(
      parseSegmentBatch({
        batch: [
          track(),
          track(),
          track({ event: '' }),
          track({ userId: undefined, anonymousId: undefined }),
          { type: 'screen', messageId: 'x', userId: 'u' },
          7,
        ],
      }),
    );
    expect(errors).toEqual([
      { path: 'batch[2].event', message: 'must not be empty' },
      { path: 'batch[3].userId', message: 'userId or anonymousId is required' },
      { path: 'batch[4].type', message: 'must be one of "identify", "track", "page", "group"' },
      { path: 'batch[5]', message: 'must be an object' },
    ]);
  });

  it('accepts 500 calls and rejects 501', () => {
    const calls = Array.from({ length: 501 }, (_, i) => track({ messageId: `m-${i}` }));
    expect(parseSegmentBatch({ batch: calls.slice(0, 500) }).ok).toBe(true);
    expect(errorsOf(parseSegmentBatch({ batch: calls }))).toContainEqual({
      path: 'batch',
      message: 'must contain at most 500 calls',
    });
  });

  it('rejects an empty or missing batch', () => {
    expect(errorsOf(parseSegmentBatch({ batch: [] }))).toEqual([
      { path: 'batch', message: 'must contain at least one call' },
    ]);
    expect(errorsOf(parseSegmentBatch({}))).toEqual([{ path: 'batch', message: 'is required' }]);
  });
});

describe('input shape', () => {
  const nest = (levels: number): unknown => (levels === 0 ? 'leaf' : { n: nest(levels - 1) });

  it('accepts properties nested up to the limit and rejects one level more, with a clear error', () => {
    // The call is level 1 and properties level 2: it can hold 8 more nested objects.
    expect(parseTrackCall(track({ properties: nest(9) })).ok).toBe(true);
    expect(errorsOf(parseTrackCall(track({ properties: nest(10) })))).toEqual([
      { path: `properties${'.n'.repeat(9)}`, message: 'nested deeper than 10 levels' },
    ]);
  });

  it('counts depth from each call in a batch', () => {
    expect(parseSegmentBatch({ batch: [track({ properties: nest(9) })] }).ok).toBe(true);
    expect(errorsOf(parseSegmentBatch({ batch: [track(), track({ properties: nest(10) })] }))[0]).toEqual({
      path: `batch[1].properties${'.n'.repeat(9)}`,
      message: 'nested deeper than 10 levels',
    });
  });

  it('rejects __proto__ keys anywhere', () => {
    const body = JSON.parse(
      '{"type":"track","messageId":"m","userId":"u","event":"x","properties":{"a":{"__proto__":{"admin":true}}}}',
    );
    expect(errorsOf(parseSegmentCall(body))).toEqual([
      { path: 'properties.a.__proto__', message: 'the key __proto__ is not allowed' },
    ]);
    expect(({} as Record<string, unknown>)['admin']).toBeUndefined();
  });

  it('quotes keys that are not identifiers in paths', () => {
    expect(errorsOf(parseTrackCall(track({ properties: { 'plan name': nest(10) } })))[0]?.path).toBe(
      `properties["plan name"]${'.n'.repeat(8)}`,
    );
  });
});
