import type { Adapter } from './adapters/adapter';
import { runCli } from './adapters/run-cli';
import type { Logger } from './logger';

export interface Consolidated {
  sessionId: string | null;
  contextUsed: number;
}

/**
 * Shrinks a nearly full context window before the next task: the adapter's own command
 * (claude `/compact`) when it has one, else a fresh session. A compaction that fails also
 * falls back to a fresh session: a full window is worse than a lost conversation.
 */
export async function consolidateSession(
  adapter: Adapter,
  sessionId: string | null,
  opts: { workdir: string; stallAfterMs: number; logger: Logger; kill: AbortSignal },
): Promise<Consolidated> {
  const cmd = sessionId ? adapter.consolidationCommand(sessionId) : null;
  if (!cmd) {
    opts.logger.info({ sessionId }, 'context consolidated: starting a fresh session');
    return { sessionId: null, contextUsed: 0 };
  }
  let used = 0;
  let next = sessionId;
  let failed = false;
  const run = runCli(cmd, {
    cwd: opts.workdir,
    parser: adapter.createParser(),
    stallAfterMs: opts.stallAfterMs,
    onEvent: (e) => {
      if (e.type === 'context' && e.used !== undefined) used = e.used;
      if (e.type === 'session') next = e.sessionId;
      if (e.type === 'error' || e.type === 'rate-limited') failed = true;
    },
  });
  const onKill = () => run.kill();
  opts.kill.addEventListener('abort', onKill, { once: true });
  const exit = await run.done;
  opts.kill.removeEventListener('abort', onKill);
  if (failed || exit.code !== 0) {
    opts.logger.warn(
      { sessionId, code: exit.code, stderr: exit.stderrTail.slice(-3) },
      'compaction failed: starting a fresh session',
    );
    return { sessionId: null, contextUsed: 0 };
  }
  opts.logger.info({ sessionId: next, contextUsed: used }, 'context compacted');
  return { sessionId: next, contextUsed: used };
}
