#!/usr/bin/env node
// Stands in for claude / gemini / codex / aider in tests: replays a recorded session.
//   FAKE_CLI_NAME        which CLI it pretends to be (for --version)
//   FAKE_CLI_RECORDING   recording file(s), comma-separated: the n-th run replays the n-th,
//                        the last one repeats
//   FAKE_CLI_STATE       a file counting runs (needed for more than one recording)
//   FAKE_CLI_ARGV_LOG    a file each run appends {"argv": [...], "cwd": "..."} to, as a JSON line
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { readRecording } from './recording.mjs';

const VERSIONS = {
  claude: '2.1.197 (Claude Code)',
  gemini: '0.61.0',
  codex: 'codex-cli 0.169.0',
  aider: 'aider 0.86.1',
};
const name = process.env.FAKE_CLI_NAME ?? 'claude';
const argv = process.argv.slice(2);

if (argv.includes('--version')) {
  process.stdout.write(`${VERSIONS[name] ?? '0.0.0'}\n`);
  process.exit(0);
}
if (process.env.FAKE_CLI_ARGV_LOG)
  appendFileSync(process.env.FAKE_CLI_ARGV_LOG, `${JSON.stringify({ argv, cwd: process.cwd() })}\n`);

const recordings = (process.env.FAKE_CLI_RECORDING ?? '').split(',').filter(Boolean);
if (!recordings.length) {
  process.stderr.write(`${name} (fake): FAKE_CLI_RECORDING is not set\n`);
  process.exit(2);
}
let run = 0;
const state = process.env.FAKE_CLI_STATE;
if (state) {
  run = existsSync(state) ? Number(readFileSync(state, 'utf8')) || 0 : 0;
  writeFileSync(state, String(run + 1));
}
const { exitCode, steps } = readRecording(recordings[Math.min(run, recordings.length - 1)]);

let delay = 5;
for (const step of steps) {
  if (step.kind === 'delay') delay = Number(step.value);
  else if (step.kind === 'sleep') await sleep(Number(step.value));
  else {
    (step.kind === 'stderr' ? process.stderr : process.stdout).write(`${step.value}\n`);
    await sleep(delay);
  }
}
process.exitCode = exitCode;
