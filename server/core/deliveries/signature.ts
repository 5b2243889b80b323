import { createHmac, timingSafeEqual } from 'node:crypto';

/** Receivers refuse a signature whose timestamp is older than this (a replayed request). */
export const SIGNATURE_TOLERANCE_S = 300;

/**
 * `Flightdeck-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: the timestamp is
 * signed with the body, so a captured request cannot be replayed later with a fresh `t`.
 */
export function signBody(secret: string, body: string, nowMs: number): string {
  const t = Math.floor(nowMs / 1000);
  return `t=${t},v1=${hmac(secret, `${t}.${body}`)}`;
}

/** What a receiver does (the README shows the same in Node and Python); true when genuine and fresh. */
export function verifySignature(secret: string, body: string, header: string, nowMs: number): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1) return false;
  if (Math.abs(nowMs / 1000 - t) > SIGNATURE_TOLERANCE_S) return false;
  const expected = Buffer.from(hmac(secret, `${t}.${body}`), 'hex');
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const hmac = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest('hex');
