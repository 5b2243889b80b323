import { TRPCError } from '@trpc/server';
import type { Env } from '@/server/env';
import { refusal, type Refusal } from './refusal';

export interface RequestLimits {
  maxBodyBytes: number;
  maxBatchCalls: number;
}

export function requestLimits(env: Env): RequestLimits {
  return { maxBodyBytes: env.FLIGHTDECK_MAX_BODY_BYTES, maxBatchCalls: env.FLIGHTDECK_MAX_BATCH_CALLS };
}

/** A declared Content-Length over the limit is refused before a byte of the body is read. */
export function refuseDeclaredBody(headers: Headers, limits: RequestLimits): Refusal | null {
  const declared = Number(headers.get('content-length') ?? 0);
  return declared > limits.maxBodyBytes ? refusal('PAYLOAD_TOO_LARGE', bodyTooLarge(limits, declared)) : null;
}

/** `a,b,c?batch=1`: one HTTP request running several procedures. */
export function refuseLargeBatch(path: string, search: URLSearchParams, limits: RequestLimits): Refusal | null {
  if (search.get('batch') !== '1') return null;
  const calls = path.split(',').length;
  if (calls <= limits.maxBatchCalls) return null;
  return refusal(
    'PAYLOAD_TOO_LARGE',
    `a batched request may hold at most ${limits.maxBatchCalls} calls (FLIGHTDECK_MAX_BATCH_CALLS); this one holds ${calls}`,
  );
}

export function bodyTooLarge(limits: RequestLimits, bytes?: number): string {
  const size = bytes === undefined ? 'the request body' : `a request body of ${bytes} bytes`;
  return `${size} exceeds the limit of ${limits.maxBodyBytes} bytes (FLIGHTDECK_MAX_BODY_BYTES)`;
}

/** A streamed (chunked) body that passes the limit errors as soon as it does; tRPC answers 413. */
export function capBody(body: ReadableStream<Uint8Array>, limits: RequestLimits): ReadableStream<Uint8Array> {
  let seen = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > limits.maxBodyBytes)
          controller.error(new TRPCError({ code: 'PAYLOAD_TOO_LARGE', message: bodyTooLarge(limits) }));
        else controller.enqueue(chunk);
      },
    }),
  );
}
