import type { LoggerService, LogLevel } from '@nestjs/common';
import type { Level, Logger } from 'pino';

const NEST_TO_PINO: Record<LogLevel, Level> = {
  verbose: 'trace',
  debug: 'debug',
  log: 'info',
  warn: 'warn',
  error: 'error',
  fatal: 'fatal',
};

/**
 * Nest `LoggerService` that writes Nest's own messages (bootstrap, route mapping, unhandled
 * exceptions) through the service's pino logger, so every line of the process is JSON.
 *
 * ```ts
 * const app = await NestFactory.create(AppModule, new FastifyAdapter(), { bufferLogs: true });
 * app.useLogger(new PinoNestLogger(logger));
 * ```
 *
 * Nest passes the logger context (e.g. `RoutesResolver`) as the last argument; it becomes the
 * `context` field. For `error`, a string before the context is Nest's stack trace.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params, true);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params, true);
  }

  /** Nest's `logger: [...]` option: the lowest listed level becomes pino's level. */
  setLogLevels(levels: LogLevel[]): void {
    const order: LogLevel[] = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'];
    const lowest = order.find((l) => levels.includes(l));
    this.logger.level = lowest ? NEST_TO_PINO[lowest] : 'silent';
  }

  private write(level: Level, message: unknown, params: unknown[], mayHaveStack = false): void {
    const rest = [...params];
    // Nest appends the context last; with no context it may pass `undefined` in its place.
    const context =
      rest.length > 0 && (typeof rest.at(-1) === 'string' || rest.at(-1) === undefined)
        ? rest.pop()
        : undefined;
    const fields: Record<string, unknown> = {};
    if (typeof context === 'string') fields['context'] = context;

    if (mayHaveStack && typeof rest[0] === 'string' && rest[0].includes('\n')) fields['stack'] = rest.shift();
    const err = message instanceof Error ? message : rest.find((p): p is Error => p instanceof Error);
    if (err) fields['err'] = err;
    const extra = rest.filter((p) => p !== err && p !== undefined);
    if (extra.length > 0) fields['params'] = extra;

    if (message instanceof Error) {
      this.logger[level](fields, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ ...fields, ...(message as Record<string, unknown>) });
    } else {
      this.logger[level](fields, String(message));
    }
  }
}
