import { readFileSync } from 'node:fs';

/**
 * CPU time (user + system, ms) a process has used so far, from /proc/<pid>/stat; undefined
 * where there is no /proc. Requests per second move with whatever else the shared machine
 * runs; CPU per request moves far less, so the table gives both.
 */
export function cpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields after the ")" closing the command name: utime and stime are the 12th and 13th, in clock ticks (100/s on Linux).
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return undefined;
  }
}
