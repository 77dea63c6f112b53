/** The slice of a pino-style logger the messaging library writes to. */
export type LoggerPort = {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
};
