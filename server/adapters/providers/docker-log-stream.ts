/**
 * Docker's log stream for a container without a TTY is multiplexed: frames of an 8-byte
 * header (stream 0 stdin, 1 stdout, 2 stderr; three zero bytes; payload size, big-endian
 * uint32) then the payload. With a TTY it is raw text, which `demuxDockerLogs` passes through.
 */
export function demuxDockerLogs(data: Buffer): string {
  if (!looksMultiplexed(data)) return data.toString('utf8');
  const parts: Buffer[] = [];
  let at = 0;
  while (at + 8 <= data.length) {
    const size = data.readUInt32BE(at + 4);
    parts.push(data.subarray(at + 8, Math.min(data.length, at + 8 + size)));
    at += 8 + size;
  }
  return Buffer.concat(parts).toString('utf8');
}

/** One frame, as the engine writes it (the fake engine, and tests). */
export function muxFrame(stream: 'stdout' | 'stderr', text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  const header = Buffer.alloc(8);
  header.writeUInt8(stream === 'stdout' ? 1 : 2, 0);
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

/** The last `n` lines of `text`, without a trailing empty line. */
export function lastLines(text: string, n: number): string {
  if (n <= 0) return '';
  const lines = text.replace(/\r?\n$/, '').split(/\r?\n/);
  return lines.slice(-n).join('\n');
}

function looksMultiplexed(data: Buffer): boolean {
  return data.length >= 8 && data[0]! <= 2 && data[1] === 0 && data[2] === 0 && data[3] === 0;
}
