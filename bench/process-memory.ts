import { readFileSync } from 'node:fs';

/** Resident memory of one process in bytes (VmRSS), 0 when it is gone. */
export function rssOfPid(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export function mebibytes(bytes: number): number {
  return Math.round(bytes / 2 ** 20);
}
