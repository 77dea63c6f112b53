import type { Principal } from '../../app/keys/api-key';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the credential hook when the request carried a valid key. */
    principal?: Principal;
    /** The body as received (Nest `rawBody: true`), for signature verification. */
    rawBody?: Buffer;
  }
}
