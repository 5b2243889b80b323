import pino from 'pino';
import type { Logger } from '@/server/core/ports';
import { serializeError } from './error-serializer';

/** Structured JSON logs; fields that could hold a secret are redacted, failed SQL is logged without its values. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({
    level,
    base: { service: 'flightdeck' },
    serializers: { err: serializeError },
    redact: { paths: ['token', '*.token', 'password', '*.password', 'authorization', '*.authorization', 'leaseToken', '*.leaseToken'], censor: '[redacted]' },
  }, destination) as unknown as Logger;
}
