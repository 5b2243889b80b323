import type { Clock, Logger } from '../ports';
import { maxRetryDelayMs, type RetryPolicy } from '../shared/backoff';
import type {
  Delivery,
  DeliveryAttempt,
  DeliveryStore,
  DeliveryTarget,
  DeliveryTargetKind,
  DeliveryTargetLookup,
  WebhookResponse,
  WebhookSender,
} from './ports';
import { signBody } from './signature';

/** A delivery is tried this often (about half an hour with the default backoff), then marked failed. */
export const MAX_DELIVERY_ATTEMPTS = 12;
/** 1 s doubling to 10 min between attempts (half of each wait is random, so failures spread out). */
export const DELIVERY_RETRY: RetryPolicy = { baseMs: 1_000, factor: 2, capMs: 600_000 };
/** Subjects sent at once; within a subject one at a time, oldest first. */
export const DELIVERY_CONCURRENCY = 8;

export interface DelivererOptions {
  /** `Flightdeck/<version>`. */
  userAgent: string;
  maxAttempts?: number;
  retry?: RetryPolicy;
  concurrency?: number;
  random?: () => number;
}

const ok = (r: WebhookResponse) => r.status !== null && r.status >= 200 && r.status < 300;

/**
 * Sends queued deliveries: signs each body with its target's secret, POSTs it, records what came
 * back, and schedules a retry with backoff until it is delivered or out of attempts. A target that
 * is gone or disabled fails its deliveries at once, with the reason.
 */
export class Deliverer {
  private readonly targets = new Map<DeliveryTargetKind, DeliveryTargetLookup>();
  private readonly maxAttempts: number;
  private readonly retry: RetryPolicy;
  private readonly concurrency: number;
  private readonly random: () => number;

  constructor(
    private readonly store: DeliveryStore,
    private readonly sender: WebhookSender,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly opts: DelivererOptions,
  ) {
    this.maxAttempts = opts.maxAttempts ?? MAX_DELIVERY_ATTEMPTS;
    this.retry = opts.retry ?? DELIVERY_RETRY;
    this.concurrency = opts.concurrency ?? DELIVERY_CONCURRENCY;
    this.random = opts.random ?? Math.random;
  }

  /** Channels and hooks each say where their deliveries go. */
  registerTarget(kind: DeliveryTargetKind, lookup: DeliveryTargetLookup): void {
    this.targets.set(kind, lookup);
  }

  /** One pass: every due delivery (one per subject) sent, a bounded number at once; true when more may be due. */
  async tick(): Promise<boolean> {
    const limit = this.concurrency * 4;
    const due = await this.store.due(limit);
    let next = 0;
    const worker = async () => {
      while (next < due.length) await this.attempt(due[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, due.length) }, worker));
    return due.length > 0;
  }

  /** Sends one delivery and records the attempt; `final` records a failure as given up (a test send). */
  async attempt(d: Delivery, final = false): Promise<DeliveryAttempt> {
    const target = await this.lookup(d);
    const response: WebhookResponse =
      typeof target === 'string'
        ? { status: null, latencyMs: 0, body: '', error: target }
        : await this.sender.post({
            url: target.url,
            body: d.body,
            headers: this.headers(d, target),
            timeoutMs: target.timeoutMs,
          });
    const at = this.clock.now();
    const attempts = d.attempts + 1;
    const giveUp = final || typeof target === 'string' || attempts >= this.maxAttempts;
    const delivered = typeof target !== 'string' && (target.accepts ?? ok)(response);
    const status = delivered ? 'delivered' : giveUp ? 'failed' : 'pending';
    const attempt: DeliveryAttempt = { response, at, status, nextAttemptAt: at + this.delay(attempts) };
    await this.store.recordAttempt(d.id, attempt);
    if (status !== 'delivered')
      this.log.warn(
        { delivery: d.id, target: d.targetId, status: response.status, error: response.error, attempts, next: status },
        'delivery attempt failed',
      );
    return attempt;
  }

  private headers(d: Delivery, target: DeliveryTarget): Record<string, string> {
    return {
      'Content-Type': 'application/json',
      'User-Agent': this.opts.userAgent,
      'Flightdeck-Delivery': d.id,
      'Flightdeck-Event': d.eventName,
      'Flightdeck-Signature': signBody(target.secret, d.body, this.clock.now()),
    };
  }

  /** The target, or why there is none to send to. */
  private async lookup(d: Delivery): Promise<DeliveryTarget | string> {
    const find = this.targets.get(d.targetKind);
    if (!find) return `no ${d.targetKind} deliveries are sent by this server`;
    const target = await find(d.targetId);
    if (!target) return `${d.targetKind} ${d.targetId} was deleted`;
    if (!target.enabled) return `${d.targetKind} ${d.targetId} is disabled`;
    return target;
  }

  /** Half the backoff bound, plus a random share of the other half. */
  private delay(attempts: number): number {
    const bound = maxRetryDelayMs(attempts, this.retry);
    return Math.ceil(bound / 2 + (bound / 2) * this.random());
  }
}
