import type { Api } from '../../bench/lib/api';
import type { Progress } from '../../bench/lib/progress';
import type { Sql } from './database';
import type { Services } from './services';

/** What every scenario shares: one server, the scratch database, the machine's services. */
export interface Suite {
  url: string;
  adminToken: string;
  api: Api;
  sql: Sql;
  services: Services;
  runId: string;
  /** Scratch directory for agent logs and switch files. */
  dir: string;
  tasks: number;
  /** Tasks submitted per second. */
  rate: number;
  leaseColumn: boolean;
  progress: Progress;
  /** False once the server process is gone: scenarios stop waiting for it. */
  serverAlive(): boolean;
  /** The server's process id (to signal it) and its recent output. */
  serverPid: number;
  serverLog(): string;
}

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface ScenarioResult {
  scenario: string;
  tasks: number;
  lost: number;
  duplicated: number;
  recoveryMs: number | null;
  /** What the recovery time measures, for the legend. */
  recoveryWhat: string;
  checks: Check[];
  pass: boolean;
  seconds: number;
  /** The scenario itself broke (not an invariant): the message. */
  error?: string;
}

export interface Scenario {
  name: string;
  /** One line for --list and the README. */
  summary: string;
  run(suite: Suite): Promise<ScenarioResult>;
}

export const check = (name: string, ok: boolean, detail: string): Check => ({ name, ok, detail });
