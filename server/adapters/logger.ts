import pino from 'pino';
import type { Logger } from '@/server/core/ports';
import { serializeError } from './error-serializer';

/**
 * Structured JSON logs on stdout; fields that could hold a secret are redacted, failed SQL is
 * logged without its values. Written synchronously: the server ends with process.exit, which
 * would drop or reorder the lines an asynchronous write still holds (the shutdown's own).
 */
export function createLogger(
  level: string,
  destination: pino.DestinationStream = pino.destination({ dest: 1, sync: true }),
): Logger {
  return pino(
    {
      level,
      base: { service: 'flightdeck' },
      serializers: { err: serializeError },
      redact: {
        paths: [
          'token',
          '*.token',
          'password',
          '*.password',
          'authorization',
          '*.authorization',
          'leaseToken',
          '*.leaseToken',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  ) as unknown as Logger;
}
