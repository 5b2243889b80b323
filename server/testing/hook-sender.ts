import type { WebhookSender } from '@/server/core/deliveries/ports';

/**
 * A plain fetch sender for tests until the safe sender is wired in: no address checks, no
 * redirects followed, the body read whole. Never for production use.
 */
export const plainWebhookSender: WebhookSender = {
  async post(req) {
    const started = Date.now();
    const timeout = AbortSignal.timeout(req.timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    try {
      const res = await fetch(req.url, {
        method: 'POST',
        body: req.body,
        headers: req.headers,
        redirect: 'manual',
        signal,
      });
      return { status: res.status, latencyMs: Date.now() - started, body: await res.text(), error: null };
    } catch (err) {
      return { status: null, latencyMs: Date.now() - started, body: '', error: (err as Error).message };
    }
  },
};
