import type { DeliveryTarget } from '../deliveries/ports';
import type { Hook, HookKind, HookStore, NewHook, SigningHook, TaskAmend } from '../hooks/ports';
import type { Task } from '../model';

/** Hooks in memory; holds and amends act on the given tasks, with the store's backoff rule on `now()`. */
export class MemoryHooks implements HookStore {
  readonly hooks: SigningHook[] = [];
  private readonly holds = new Map<string, number>();

  constructor(
    private readonly now: () => number,
    private readonly tasks: Task[] = [],
  ) {}

  async create(h: NewHook): Promise<Hook | null> {
    if (this.hooks.some((x) => x.name === h.name)) return null;
    const row = { ...h, createdAt: this.now() };
    this.hooks.push(row);
    return strip(row);
  }
  async list(kind?: HookKind) {
    return this.hooks.filter((h) => !kind || h.kind === kind).map(strip);
  }
  async get(id: string) {
    const h = this.hooks.find((x) => x.id === id);
    return h ? strip(h) : null;
  }
  async delete(id: string) {
    const i = this.hooks.findIndex((x) => x.id === id);
    if (i >= 0) this.hooks.splice(i, 1);
    return i >= 0;
  }
  async enabled(kind: HookKind) {
    return this.hooks.filter((h) => h.kind === kind && h.enabled);
  }
  async target(id: string): Promise<DeliveryTarget | null> {
    const h = this.hooks.find((x) => x.id === id);
    return h ? { url: h.url, secret: h.secret, enabled: h.enabled, timeoutMs: h.timeoutMs } : null;
  }
  async hold(taskId: string, reason: string, b: { baseMs: number; maxMs: number }) {
    const t = this.tasks.find((x) => x.id === taskId && x.status === 'queued');
    if (!t) return null;
    const n = this.holds.get(taskId) ?? 0;
    this.holds.set(taskId, n + 1);
    t.hookHold = { until: this.now() + Math.min(b.baseMs * 2 ** n, b.maxMs), reason };
    return t.hookHold.until;
  }
  async amend(taskId: string, a: TaskAmend) {
    const t = this.tasks.find((x) => x.id === taskId && x.status === 'queued');
    if (!t) return false;
    if (a.labels) t.labels = { ...t.labels, ...a.labels };
    if (a.priority) t.priority = a.priority;
    return true;
  }
  /** What the assignment write does: the holds in a row start again. */
  assigned(taskId: string) {
    this.holds.delete(taskId);
    const t = this.tasks.find((x) => x.id === taskId);
    if (t) t.hookHold = null;
  }
}

const strip = ({ secret: _secret, ...h }: SigningHook): Hook => h;
