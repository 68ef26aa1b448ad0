import pino from 'pino';

export type Logger = pino.Logger;
export const LOGGER = Symbol('LOGGER');

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'switchyard' } });
}
