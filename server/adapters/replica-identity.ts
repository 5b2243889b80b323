import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import packageJson from '@/package.json';
import type { ReplicaIdentity } from '@/server/core/cluster/cluster-module';

/**
 * This server process as the replica list shows it. The id is new on every start (host, pid and
 * a random tail): a restarted process, or one in a container where every pid is 1, is a new
 * replica and can never renew a lease its predecessor held.
 */
export function replicaIdentity(startedAt: number): ReplicaIdentity {
  const host = hostname();
  return {
    id: `${host}-${process.pid}-${randomBytes(3).toString('hex')}`,
    host,
    pid: process.pid,
    version: packageJson.version,
    startedAt,
  };
}
