import { ADMIN_KEY, startEdgeApp } from './fixtures/edge-app';

describe('createHttpApp', () => {
  it('leaves Fastify one error handler, Nest’s, which routes to the edge filter (no FSTWRN004)', async () => {
    const emitWarning = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const { app } = await startEdgeApp();
      // An error raised before any route runs (in the body parser) still gets the envelope.
      const res = await app
        .getHttpAdapter()
        .getInstance()
        .inject({
          method: 'POST',
          url: '/items',
          headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'text/csv' },
          payload: 'a,b',
        });
      expect(res.statusCode).toBe(415);
      expect(JSON.parse(res.body)).toMatchObject({ error: 'unsupported_media_type' });
      await app.close();
      expect(emitWarning.mock.calls.map((args) => String(args[0]))).not.toContainEqual(
        expect.stringContaining('errorHandler'),
      );
    } finally {
      emitWarning.mockRestore();
    }
  });

  it('refuses to start with a bad API_KEYS entry, naming it by position', async () => {
    await expect(startEdgeApp({ apiKeys: 'read:too-short' })).rejects.toThrow(
      'invalid configuration: API_KEYS: entry 1 has a key of 9 characters; at least 32 are required',
    );
  });
});
