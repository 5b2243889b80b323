import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/**
 * Where CPU time goes during a scenario, from /proc (Linux): the bench client itself, the
 * server process, PostgreSQL and Redis processes, and the whole machine, so "throughput is
 * low" can be traced to the side that is saturated. Absent values mean "not measurable here".
 */
export interface CpuReport {
  wallSeconds: number;
  cores: number;
  clientSeconds: number;
  serverSeconds: number | null;
  postgresSeconds: number | null;
  redisSeconds: number | null;
  machineBusySeconds: number | null;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function statTicks(pid: number | string): { comm: string; ticks: number } | null {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = raw.lastIndexOf(')');
    const comm = raw.slice(raw.indexOf('(') + 1, close);
    const fields = raw.slice(close + 2).split(' ');
    // fields[0] is field 3 (state): utime and stime are fields 14 and 15.
    return { comm, ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

function ticksByName(names: string[]): Map<string, Map<number, number>> {
  const out = new Map(names.map((n) => [n, new Map<number, number>()]));
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return out;
  }
  for (const pid of pids) {
    const s = statTicks(pid);
    if (s && out.has(s.comm)) out.get(s.comm)!.set(Number(pid), s.ticks);
  }
  return out;
}

function machineBusyTicks(): number | null {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = cpu;
    return user + nice + system + irq + softirq + (steal ?? 0);
  } catch {
    return null;
  }
}

/** Starts measuring; call the returned function to get the report. */
export function measureCpu(serverPid: number | null): () => CpuReport {
  const started = performance.now();
  const client = process.cpuUsage();
  const server = serverPid ? (statTicks(serverPid)?.ticks ?? null) : null;
  const others = ticksByName(['postgres', 'redis-server']);
  const machine = machineBusyTicks();
  return () => {
    const sec = (ticks: number) => Math.round((ticks / TICKS_PER_SECOND) * 100) / 100;
    const after = ticksByName(['postgres', 'redis-server']);
    // Processes that started during the run count from zero; ones that ended are lost.
    const delta = (name: string) => {
      const now = after.get(name)!;
      if (!now.size && !others.get(name)!.size) return null;
      let sum = 0;
      for (const [pid, t] of now) sum += t - (others.get(name)!.get(pid) ?? 0);
      return sec(sum);
    };
    const serverNow = serverPid ? (statTicks(serverPid)?.ticks ?? null) : null;
    const machineNow = machineBusyTicks();
    const c = process.cpuUsage(client);
    return {
      wallSeconds: Math.round((performance.now() - started) / 10) / 100,
      cores: cpus().length,
      clientSeconds: Math.round((c.user + c.system) / 1e4) / 100,
      serverSeconds: server !== null && serverNow !== null ? sec(serverNow - server) : null,
      postgresSeconds: delta('postgres'),
      redisSeconds: delta('redis-server'),
      machineBusySeconds: machine !== null && machineNow !== null ? sec(machineNow - machine) : null,
    };
  };
}
