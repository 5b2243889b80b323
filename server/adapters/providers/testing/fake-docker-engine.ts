import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {
  fail,
  FakeContainers,
  imageKey,
  type EngineAnswer,
  type FakeContainer,
  type FakeImage,
} from './fake-docker-containers';

export type { FakeImage } from './fake-docker-containers';

/** One request as the engine received it (version prefix removed). */
export interface RecordedCall {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
}

const API_VERSION = '1.46';

/**
 * A Docker Engine API endpoint for tests: a real HTTP server on a unix socket answering the
 * calls dockerode makes with Docker's paths, status codes and body shapes, and recording them.
 * Containers run no process; an image's `FakeImage` says what they print and when they exit.
 */
export class FakeDockerEngine {
  readonly calls: RecordedCall[] = [];
  readonly state = new FakeContainers();

  private constructor(
    private readonly server: Server,
    private readonly dir: string,
    readonly socketPath: string,
  ) {}

  static async start(images: Record<string, FakeImage> = {}): Promise<FakeDockerEngine> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fake-docker-'));
    const socketPath = path.join(dir, 'docker.sock');
    let engine: FakeDockerEngine | null = null;
    const server = createServer((req, res) => void engine!.handle(req, res));
    engine = new FakeDockerEngine(server, dir, socketPath);
    for (const [name, image] of Object.entries(images)) engine.addImage(name, image);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, resolve);
    });
    return engine;
  }

  addImage(name: string, image: FakeImage = {}): void {
    this.state.images.set(imageKey(name), image);
  }

  container(idOrName: string): FakeContainer | undefined {
    return this.state.find(idOrName);
  }

  /** Recorded calls whose method and path match (`POST`, `/containers/create`). */
  callsTo(method: string, pathPattern: RegExp): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && pathPattern.test(c.path));
  }

  async close(): Promise<void> {
    for (const c of this.state.byId.values()) if (c.timer) clearTimeout(c.timer);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://docker');
    const route = url.pathname.replace(/^\/v\d+\.\d+(?=\/)/, '');
    const query = Object.fromEntries(url.searchParams);
    const text = await readBody(req);
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      return send(res, fail(400, 'invalid JSON body'));
    }
    this.calls.push({ method: req.method ?? 'GET', path: route, query, body });
    send(res, this.answer(req.method ?? 'GET', route, query, body), req.method === 'HEAD');
  }

  private answer(method: string, route: string, query: Record<string, string>, body: unknown): EngineAnswer {
    if (route === '/_ping' && (method === 'GET' || method === 'HEAD'))
      return { status: 200, raw: Buffer.from('OK'), contentType: 'text/plain; charset=utf-8' };
    if (route === '/version' && method === 'GET') {
      return {
        status: 200,
        body: {
          Version: '27.0.0-fake',
          ApiVersion: API_VERSION,
          MinAPIVersion: '1.24',
          Os: 'linux',
          Arch: 'amd64',
          KernelVersion: os.release(),
          GitCommit: 'fake',
          GoVersion: 'go1.22',
        },
      };
    }
    if (route === '/containers/create' && method === 'POST')
      return this.state.create(query.name ?? null, (body ?? {}) as Record<string, any>);
    if (route === '/containers/json' && method === 'GET') {
      const filters = query.filters
        ? (JSON.parse(query.filters) as { label?: string[] | Record<string, boolean> })
        : {};
      // Old clients send `{"label":{"k=v":true}}`, newer ones `{"label":["k=v"]}`.
      const label = Array.isArray(filters.label) ? filters.label : Object.keys(filters.label ?? {});
      return { status: 200, body: this.state.list(truthy(query.all), label) };
    }
    const m = /^\/containers\/([^/]+)(\/[a-z]+)?$/.exec(route);
    if (!m) return fail(404, 'page not found');
    const c = this.state.find(decodeURIComponent(m[1]!));
    if (!c) return fail(404, `No such container: ${decodeURIComponent(m[1]!)}`);
    const action = `${method} ${m[2] ?? ''}`;
    switch (action) {
      case 'GET /json':
        return { status: 200, body: this.state.inspect(c) };
      case 'POST /start':
        return this.state.start(c);
      case 'POST /stop':
        return this.state.stop(c);
      case 'DELETE ':
        return this.state.remove(c, truthy(query.force));
      case 'GET /logs': {
        const tail = query.tail === undefined || query.tail === 'all' ? null : Number(query.tail);
        const contentType = c.config.Tty
          ? 'application/vnd.docker.raw-stream'
          : 'application/vnd.docker.multiplexed-stream';
        return { status: 200, raw: this.state.logs(c, truthy(query.stdout), truthy(query.stderr), tail), contentType };
      }
      default:
        return fail(404, 'page not found');
    }
  }
}

function truthy(v: string | undefined): boolean {
  return v === '1' || v === 'true' || v === 'True';
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, answer: EngineAnswer, headOnly = false): void {
  res.setHeader('Api-Version', API_VERSION);
  res.setHeader('Server', 'Docker/27.0.0-fake (linux)');
  if (answer.raw) {
    res.writeHead(answer.status, { 'Content-Type': answer.contentType ?? 'application/octet-stream' });
    res.end(headOnly ? undefined : answer.raw);
  } else if (answer.body === undefined) {
    res.writeHead(answer.status);
    res.end();
  } else {
    res.writeHead(answer.status, { 'Content-Type': 'application/json' });
    res.end(headOnly ? undefined : `${JSON.stringify(answer.body)}\n`);
  }
}
