/** A body refused before it is parsed: 413 (over the limit) or 415 (an encoding or type we cannot read). */
export class RequestBodyError extends Error {
  constructor(
    readonly statusCode: 413 | 415,
    message: string,
  ) {
    super(message);
    this.name = 'RequestBodyError';
  }
}
