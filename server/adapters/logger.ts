import pino from 'pino';
import type { Logger } from '@/server/core/ports';

/**
 * Structured JSON logs on stdout; fields that could hold a secret are redacted. Written
 * synchronously: the server ends with process.exit, which would drop or reorder the lines an
 * asynchronous write still holds (the shutdown's own, an exit-1 reason).
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'flightdeck' },
    redact: { paths: ['token', '*.token', 'password', '*.password', 'authorization', '*.authorization', 'leaseToken', '*.leaseToken'], censor: '[redacted]' },
  }, pino.destination({ dest: 1, sync: true })) as unknown as Logger;
}
