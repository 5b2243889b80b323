import { randomBytes } from 'node:crypto';
import { muxFrame } from '../docker-log-stream';

/** How containers of an image behave once started. */
export interface FakeImage {
  /** The process exits on its own this long after start (0: at once); runs until stopped when absent. */
  exitsAfterMs?: number;
  exitCode?: number;
  /** Written when the container starts. */
  output?: { stream: 'stdout' | 'stderr'; text: string }[];
  /** Exit code after `stop` (0: the worker drained; 137 would be a kill after the grace). */
  stopExitCode?: number;
}

export interface FakeContainer {
  id: string;
  name: string;
  image: string;
  /** The create body as received. */
  config: Record<string, any>;
  created: number;
  status: 'created' | 'running' | 'exited';
  exitCode: number;
  startedAt: number | null;
  finishedAt: number | null;
  frames: Buffer[];
  timer: ReturnType<typeof setTimeout> | null;
}

/** An engine's answer: status code and JSON body (or raw bytes for logs). */
export interface EngineAnswer {
  status: number;
  body?: unknown;
  raw?: Buffer;
  contentType?: string;
}

const NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** `busybox` and `busybox:latest` are the same image, as for Docker. */
export function imageKey(ref: string): string {
  return /:[^/]+$/.test(ref) || ref.includes('@') ? ref : `${ref}:latest`;
}

/** The container state of a fake Docker engine: Docker's rules, answers and messages. */
export class FakeContainers {
  readonly byId = new Map<string, FakeContainer>();
  readonly images = new Map<string, FakeImage>();

  find(idOrName: string): FakeContainer | undefined {
    const name = idOrName.replace(/^\//, '');
    const exact = this.byId.get(idOrName) ?? [...this.byId.values()].find((c) => c.name === name);
    if (exact) return exact;
    const byPrefix = [...this.byId.values()].filter((c) => c.id.startsWith(idOrName));
    return byPrefix.length === 1 ? byPrefix[0] : undefined;
  }

  create(name: string | null, body: Record<string, any>): EngineAnswer {
    const chosen = name ?? `fake_${randomBytes(4).toString('hex')}`;
    if (!NAME.test(chosen))
      return fail(400, `Invalid container name (${chosen}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    if (typeof body?.Image !== 'string' || !body.Image)
      return fail(400, 'config cannot be empty in order to create a container');
    if (!this.images.has(imageKey(body.Image))) return fail(404, `No such image: ${imageKey(body.Image)}`);
    const clash = this.find(chosen.replace(/^\//, ''));
    if (clash && clash.name === chosen.replace(/^\//, '')) {
      return fail(
        409,
        `Conflict. The container name "/${clash.name}" is already in use by container "${clash.id}". You have to remove (or rename) that container to be able to reuse that name.`,
      );
    }
    const id = randomBytes(32).toString('hex');
    this.byId.set(id, {
      id,
      name: chosen.replace(/^\//, ''),
      image: body.Image,
      config: body,
      created: Date.now(),
      status: 'created',
      exitCode: 0,
      startedAt: null,
      finishedAt: null,
      frames: [],
      timer: null,
    });
    return { status: 201, body: { Id: id, Warnings: [] } };
  }

  start(c: FakeContainer): EngineAnswer {
    if (c.status === 'running') return { status: 304 };
    const image = this.images.get(imageKey(c.image)) ?? {};
    c.status = 'running';
    c.startedAt = Date.now();
    c.finishedAt = null;
    // One frame per line, as the engine's log driver stores them.
    for (const o of image.output ?? [])
      for (const line of o.text.replace(/\n$/, '').split('\n')) c.frames.push(muxFrame(o.stream, `${line}\n`));
    if (image.exitsAfterMs !== undefined) {
      c.timer = setTimeout(() => this.exit(c, image.exitCode ?? 1), image.exitsAfterMs);
      c.timer.unref();
    }
    return { status: 204 };
  }

  stop(c: FakeContainer): EngineAnswer {
    if (c.status !== 'running') return { status: 304 };
    this.exit(c, this.images.get(imageKey(c.image))?.stopExitCode ?? 0);
    return { status: 204 };
  }

  remove(c: FakeContainer, force: boolean): EngineAnswer {
    if (c.status === 'running' && !force) {
      return fail(
        409,
        `You cannot remove a running container ${c.id}. Stop the container before attempting removal or force remove`,
      );
    }
    this.exit(c, 137);
    this.byId.delete(c.id);
    return { status: 204 };
  }

  /** The process inside ends (on its own, stopped, or killed). */
  exit(c: FakeContainer, code: number): void {
    if (c.timer) clearTimeout(c.timer);
    c.timer = null;
    if (c.status !== 'running') return;
    c.status = 'exited';
    c.exitCode = code;
    c.finishedAt = Date.now();
  }

  inspect(c: FakeContainer): Record<string, unknown> {
    const iso = (t: number | null) => (t ? new Date(t).toISOString() : '0001-01-01T00:00:00Z');
    return {
      Id: c.id,
      Created: iso(c.created),
      Path: c.config.Cmd?.[0] ?? '',
      Args: c.config.Cmd?.slice(1) ?? [],
      Name: `/${c.name}`,
      State: {
        Status: c.status,
        Running: c.status === 'running',
        Paused: false,
        Restarting: false,
        OOMKilled: false,
        Dead: false,
        Pid: c.status === 'running' ? 4242 : 0,
        ExitCode: c.exitCode,
        Error: '',
        StartedAt: iso(c.startedAt),
        FinishedAt: iso(c.finishedAt),
      },
      Image: `sha256:${Buffer.from(imageKey(c.image)).toString('hex').padEnd(64, '0').slice(0, 64)}`,
      RestartCount: 0,
      HostConfig: c.config.HostConfig ?? {},
      Config: {
        Image: c.image,
        Env: c.config.Env ?? [],
        Cmd: c.config.Cmd ?? null,
        Labels: c.config.Labels ?? {},
        Tty: c.config.Tty ?? false,
      },
      NetworkSettings: { Networks: {} },
    };
  }

  /** `GET /containers/json`: running ones unless `all`, matching every `label` filter (`key` or `key=value`). */
  list(all: boolean, labels: string[]): Record<string, unknown>[] {
    return [...this.byId.values()]
      .filter((c) => all || c.status === 'running')
      .filter((c) =>
        labels.every((f) => {
          const [k, ...v] = f.split('=');
          const have = c.config.Labels?.[k!];
          return v.length ? have === v.join('=') : have !== undefined;
        }),
      )
      .map((c) => ({
        Id: c.id,
        Names: [`/${c.name}`],
        Image: c.image,
        Command: (c.config.Cmd ?? []).join(' '),
        Created: Math.floor(c.created / 1000),
        State: c.status,
        Status: describeStatus(c),
        Labels: c.config.Labels ?? {},
        Ports: [],
        HostConfig: { NetworkMode: c.config.HostConfig?.NetworkMode ?? 'bridge' },
      }));
  }

  /** The multiplexed log stream (raw text for a TTY container), last `tail` lines per stream. */
  logs(c: FakeContainer, stdout: boolean, stderr: boolean, tail: number | null): Buffer {
    const wanted = c.frames.filter((f) => (f[0] === 1 && stdout) || (f[0] === 2 && stderr));
    const kept = tail === null ? wanted : tail === 0 ? [] : wanted.slice(-tail);
    return c.config.Tty ? Buffer.concat(kept.map((f) => f.subarray(8))) : Buffer.concat(kept);
  }
}

export function fail(status: number, message: string): EngineAnswer {
  return { status, body: { message } };
}

function describeStatus(c: FakeContainer): string {
  if (c.status === 'running') return 'Up Less than a second';
  if (c.status === 'created') return 'Created';
  return `Exited (${c.exitCode}) Less than a second ago`;
}
