import { expect, type APIRequestContext } from '@playwright/test';

export const ADMIN_TOKEN = 'e2e-admin-token-0123456789';
export const ADMIN_USER = { username: 'admin', password: 'e2e-password' };

/**
 * tRPC over plain JSON, as any program or agent would call it: POST for mutations,
 * GET with `?input=` for queries, `{ result: { data } }` back.
 */
export class FlightdeckApi {
  constructor(private readonly request: APIRequestContext) {}

  async mutate<T = unknown>(proc: string, input: unknown, token = ADMIN_TOKEN): Promise<T> {
    const res = await this.request.post(`/api/trpc/${proc}`, {
      data: input ?? {},
      headers: { authorization: `Bearer ${token}` },
    });
    const body = await res.json();
    expect(res.ok(), `${proc} failed: ${JSON.stringify(body)}`).toBe(true);
    return body.result.data as T;
  }

  /** One procedure called once per input in a single HTTP request (tRPC's batch form); every call must succeed. */
  async mutateBatch<T = unknown>(proc: string, inputs: unknown[], token = ADMIN_TOKEN): Promise<T[]> {
    const paths = inputs.map(() => proc).join(',');
    const data = Object.fromEntries(inputs.map((input, i) => [i, input ?? {}]));
    const res = await this.request.post(`/api/trpc/${paths}?batch=1`, {
      data,
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await res.json()) as Array<{ result?: { data: T }; error?: unknown }>;
    expect(res.ok(), `${proc} ×${inputs.length} failed: ${JSON.stringify(body.find((b) => b.error))}`).toBe(true);
    return body.map((b) => b.result!.data);
  }

  async query<T = unknown>(proc: string, input: unknown, token = ADMIN_TOKEN): Promise<T> {
    const res = await this.request.get(`/api/trpc/${proc}?input=${encodeURIComponent(JSON.stringify(input))}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = await res.json();
    expect(res.ok(), `${proc} failed: ${JSON.stringify(body)}`).toBe(true);
    return body.result.data as T;
  }

  /** Registers an agent with the admin token and sends its first heartbeat with the agent token. */
  async startAgent(spec: {
    name: string;
    capabilities: Array<string | { name: string; level: number }>;
    maxConcurrency?: number;
    runtime?: string;
  }) {
    const agent = await this.mutate<{ agentId: string; token: string }>('agents.register', {
      maxConcurrency: 1,
      runtime: 'e2e',
      ...spec,
    });
    return agent;
  }

  heartbeat(agentToken: string, report: Record<string, number> = {}) {
    return this.mutate<{ status: string }>('agents.heartbeat', report, agentToken);
  }

  submitTask(spec: { title: string; capabilities: string[]; priority?: string; payload?: unknown }) {
    return this.mutate<{ ids: string[] }>('tasks.submit', spec);
  }
}

/** A name no other test (or earlier run against the same database) uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}
