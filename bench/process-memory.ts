import { readFileSync } from 'node:fs';

/** Resident memory of one process in bytes (VmRSS), 0 when it is gone. */
export function rssOfPid(pid: number): number {
  return sumProcField([pid], 'status', 'VmRSS');
}

/** Sums a "Name:   123 kB" line over processes; processes that ended meanwhile count as 0. */
export function sumProcField(pids: number[], file: 'status' | 'smaps_rollup', field: string): number {
  let total = 0;
  for (const pid of pids) {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readProcFile(pid, file) ?? '');
    if (match) total += Number(match[1]) * 1024;
  }
  return total;
}

export function readProcFile(pid: number, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null;
  }
}

export interface PeakSampler {
  /** The highest value seen so far. */
  readonly peak: number;
  /** Takes a last sample, stops sampling and returns the peak. */
  stop(): number;
}

/** Samples `read` now and every `intervalMs` until stopped, keeping the highest value (e.g. a server's RSS). */
export function samplePeak(read: () => number, intervalMs = 250): PeakSampler {
  let peak = read();
  const sample = () => {
    peak = Math.max(peak, read());
  };
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    get peak() {
      return peak;
    },
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

export function mebibytes(bytes: number): number {
  return Math.round(bytes / 2 ** 20);
}
