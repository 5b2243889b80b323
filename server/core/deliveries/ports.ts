/**
 * Outgoing HTTP deliveries (notification channels and webhook hooks) share one queue and one
 * sender: rows are written before they are sent, sent by the leader, oldest first per subject.
 */

export type DeliveryTargetKind = 'channel' | 'hook';
export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface NewDelivery {
  targetKind: DeliveryTargetKind;
  targetId: string;
  /** Orders deliveries: only the oldest pending one of a (target, subject) is sent. */
  subject: string;
  /** Creation is idempotent per (targetKind, targetId, dedupeKey): a re-read event adds nothing. */
  dedupeKey: string;
  eventName: string;
  eventPosition: number | null;
  /** The exact JSON body to send. */
  body: string;
  replayOf?: string | null;
  /** When it is first due (default now); later keeps the deliverer off a row sent by its caller (a test send). */
  nextAttemptAt?: number;
}

export interface Delivery extends NewDelivery {
  /** The `Flightdeck-Delivery` header: the same on every retry. */
  id: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: number;
  lastAttemptAt: number | null;
  responseStatus: number | null;
  latencyMs: number | null;
  responseExcerpt: string | null;
  error: string | null;
  createdAt: number;
}

/** One POST and what came back; never throws for an HTTP or network failure (they are answers). */
export interface WebhookResponse {
  /** null when no response came (refused address, timeout, connection error). */
  status: number | null;
  latencyMs: number;
  /** The response body, read up to a bound. */
  body: string;
  error: string | null;
}

export interface WebhookRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  signal?: AbortSignal;
}

/**
 * Sends webhooks safely: refuses loopback, link-local and private addresses (checked on the
 * address actually connected to) unless allowed, follows no redirects, reads bounded bodies.
 */
export interface WebhookSender {
  post(req: WebhookRequest): Promise<WebhookResponse>;
}

/** The outcome of one attempt, and what happens next. */
export interface DeliveryAttempt {
  response: WebhookResponse;
  at: number;
  /** delivered (2xx), pending again at `nextAttemptAt` (retry), or failed (gave up). */
  status: DeliveryStatus;
  nextAttemptAt: number;
}

export interface DeliveryStore {
  /** Writes the deliveries whose (targetKind, targetId, dedupeKey) is new; returns the ids written. */
  enqueue(rows: NewDelivery[]): Promise<string[]>;
  /** Pending deliveries due now, each the oldest pending one of its (target, subject), oldest first. */
  due(limit: number): Promise<Delivery[]>;
  recordAttempt(id: string, attempt: DeliveryAttempt): Promise<void>;
  get(id: string): Promise<Delivery | null>;
  /** A target's deliveries, newest first. */
  list(
    targetId: string,
    page: { cursor?: string | null; limit: number },
  ): Promise<{ items: Delivery[]; nextCursor: string | null }>;
}

/** Where a target's deliveries go and how they are signed; null when the target is gone or disabled. */
export interface DeliveryTarget {
  url: string;
  secret: string;
  enabled: boolean;
  timeoutMs: number;
  /** Whether an answer means delivered (default: any 2xx). */
  accepts?: (response: WebhookResponse) => boolean;
}

export type DeliveryTargetLookup = (targetId: string) => Promise<DeliveryTarget | null>;
