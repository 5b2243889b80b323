/**
 * The last `capacity` lines of one or more output streams (stdout and stderr of one agent).
 * A chunk may end mid-line: the rest is kept per stream until its newline arrives, and
 * `tail` still shows it so a prompt or a progress bar without a newline is not hidden.
 */
export class OutputLines {
  private readonly lines: string[] = [];
  private readonly partial = new Map<string, string>();

  constructor(private readonly capacity = 500) {}

  /** Appends raw output from `stream`. */
  write(stream: string, chunk: string): void {
    const parts = ((this.partial.get(stream) ?? '') + chunk).split(/\r?\n/);
    this.partial.set(stream, parts.pop() ?? '');
    for (const line of parts) this.push(line);
  }

  /** Appends one whole line (a note from the provider itself). */
  line(text: string): void {
    this.push(text);
  }

  /** Flushes the unterminated line of `stream` (it closed). */
  end(stream: string): void {
    const rest = this.partial.get(stream);
    this.partial.delete(stream);
    if (rest) this.push(rest);
  }

  /** The newest `n` lines, oldest first, joined by newlines. */
  tail(n: number): string {
    if (n <= 0) return '';
    const pending = [...this.partial.values()].filter((p) => p !== '');
    return [...this.lines, ...pending].slice(-n).join('\n');
  }

  private push(line: string): void {
    this.lines.push(line);
    if (this.lines.length > this.capacity) this.lines.splice(0, this.lines.length - this.capacity);
  }
}
