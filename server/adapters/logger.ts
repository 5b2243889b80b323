import pino from 'pino';
import type { Logger } from '@/server/core/ports';

/** Structured JSON logs; fields that could hold a secret are redacted. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'flightdeck' },
    redact: { paths: ['token', '*.token', 'password', '*.password', 'authorization', '*.authorization', 'leaseToken', '*.leaseToken'], censor: '[redacted]' },
  }) as unknown as Logger;
}
