import { describe, expect, it } from 'vitest';
import { demuxDockerLogs, lastLines, muxFrame } from './docker-log-stream';

describe('Docker log stream', () => {
  it('joins the payloads of multiplexed frames, stdout and stderr in order', () => {
    const data = Buffer.concat([
      muxFrame('stdout', 'one\n'),
      muxFrame('stderr', 'two\n'),
      muxFrame('stdout', 'thrée\n'),
    ]);
    expect(demuxDockerLogs(data)).toBe('one\ntwo\nthrée\n');
  });

  it('passes raw (TTY) output through, and survives a truncated frame', () => {
    expect(demuxDockerLogs(Buffer.from('plain text\n'))).toBe('plain text\n');
    expect(demuxDockerLogs(Buffer.alloc(0))).toBe('');
    const cut = Buffer.concat([muxFrame('stdout', 'whole\n'), muxFrame('stderr', 'partial line\n').subarray(0, 12)]);
    expect(demuxDockerLogs(cut)).toBe('whole\npart');
  });

  it('keeps the last lines', () => {
    expect(lastLines('a\nb\nc\n', 2)).toBe('b\nc');
    expect(lastLines('a\r\nb', 5)).toBe('a\nb');
    expect(lastLines('a\nb', 0)).toBe('');
  });
});
