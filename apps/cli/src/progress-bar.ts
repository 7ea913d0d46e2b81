/**
 * Progress of long work on stderr: a bar redrawn in place on a terminal, a plain line every few
 * seconds otherwise (CI logs, pipes), so stdout stays for the command's result.
 */
export class ProgressBar {
  private lastDraw = 0;
  private lastLabel = '';
  private readonly started = Date.now();
  private readonly tty = Boolean(process.stderr.isTTY);

  constructor(private readonly intervalMs = { tty: 100, plain: 5_000 }) {}

  /** `total` 0 means unknown: the count is shown without a bar. */
  update(label: string, done: number, total: number, unit: string): void {
    const now = Date.now();
    const labelChanged = label !== this.lastLabel;
    if (!labelChanged && now - this.lastDraw < (this.tty ? this.intervalMs.tty : this.intervalMs.plain)) return;
    if (labelChanged && this.tty && this.lastLabel) process.stderr.write('\n');
    this.lastDraw = now;
    this.lastLabel = label;
    const line = `${label.padEnd(20)} ${describe(done, total, unit)}  ${((now - this.started) / 1000).toFixed(0)}s`;
    process.stderr.write(this.tty ? `\r${bar(done, total)} ${line}\x1b[K` : `${line}\n`);
  }

  done(): void {
    if (this.tty && this.lastLabel) process.stderr.write('\n');
    this.lastLabel = '';
  }
}

function bar(done: number, total: number, width = 24): string {
  if (total <= 0) return `[${'·'.repeat(width)}]`;
  const filled = Math.min(width, Math.round((done / total) * width));
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

function describe(done: number, total: number, unit: string): string {
  const format = unit === 'bytes' ? mebibytes : (n: number) => n.toLocaleString('en');
  if (total <= 0) return `${format(done)} ${unit === 'bytes' ? '' : unit}`.trimEnd();
  const percent = Math.floor((done / total) * 100);
  return `${String(percent).padStart(3)}% ${format(done)}/${format(total)} ${unit === 'bytes' ? '' : unit}`.trimEnd();
}

function mebibytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
