import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { InvalidInputError, RequestBodyError } from '../errors/http-errors';

/**
 * Marks a route whose body is parsed as JSON whatever its Content-Type says: the Segment routes, as
 * Segment's API does (RudderStack's Node SDK labels its gzipped JSON form-urlencoded).
 */
export const JsonWhateverContentType = () => RouteConfig({ jsonWhateverContentType: true });

const mediaTypeOf = (header: string | undefined): string =>
  (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/** Why a body that secure parsing refused is not acceptable (only then is it parsed a second time). */
function jsonProblem(text: string): InvalidInputError {
  try {
    JSON.parse(text);
    return new InvalidInputError(
      [{ path: '(root)', message: 'has a __proto__ or constructor.prototype key, which is not allowed' }],
      'the body is not acceptable JSON',
    );
  } catch (error) {
    return new InvalidInputError(
      [{ path: '(root)', message: `is not valid JSON (${(error as Error).message})` }],
      'the body is not valid JSON',
    );
  }
}

/**
 * The one body parser: JSON (Fastify's secure parse, refusing __proto__ and constructor.prototype
 * keys), for application/json or a route marked JsonWhateverContentType; anything else is 415. It
 * keeps the (decoded) bytes as `rawBody` for signature verification.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  const secureParse = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (request, body: Buffer, done) => {
    const contentType = request.headers['content-type'];
    if (
      request.routeOptions.config.jsonWhateverContentType !== true &&
      mediaTypeOf(contentType) !== 'application/json'
    ) {
      done(
        new RequestBodyError(
          415,
          contentType === undefined
            ? 'a Content-Type of application/json is required'
            : `Content-Type "${contentType}" is not supported: send application/json`,
        ),
      );
      return;
    }
    request.rawBody = body;
    if (body.length === 0) {
      done(
        new InvalidInputError(
          [{ path: '(root)', message: 'is empty: a JSON body is required' }],
          'the body is empty',
        ),
      );
      return;
    }
    const text = body.toString('utf8');
    secureParse(request, text, (error, value) => (error ? done(jsonProblem(text)) : done(null, value)));
  });
}
