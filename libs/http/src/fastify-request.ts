import type { Principal } from './auth/principal';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the credential hook when the request carried a valid key. */
    principal?: Principal;
    /** The body as received once its Content-Encoding is undone, for signature verification. */
    rawBody?: Buffer;
  }
  interface FastifyContextConfig {
    /** Set by JsonWhateverContentType: parse the body as JSON whatever its Content-Type says. */
    jsonWhateverContentType?: boolean;
  }
}
