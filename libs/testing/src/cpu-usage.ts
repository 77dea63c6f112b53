import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time per process group, read from /proc (Linux), for benchmarks that want to say where a
 * run's CPU went: `const before = cpuSnapshot(groups); ...; cpuSpent(before, cpuSnapshot(groups))`.
 * Elsewhere the snapshot is empty and the figures are simply not printed.
 */
export type CpuGroups = Record<string, (p: { pid: number; comm: string; cmdline: string }) => boolean>;
export type CpuSnapshot = { readonly at: number; readonly ticks: ReadonlyMap<string, number> };

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function processTicks(pid: number): { comm: string; ticks: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // comm is in parentheses and may contain spaces; the fields after it are space-separated.
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
    return { comm, ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined; // exited meanwhile
  }
}

function machineBusyTicks(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const [, user, nice, system, , , irq, softirq, steal] = line.split(/\s+/).map(Number);
  return [user, nice, system, irq, softirq, steal].reduce<number>((a, b) => a + (b ?? 0), 0);
}

export function cpuSnapshot(groups: CpuGroups): CpuSnapshot {
  const ticks = new Map<string, number>();
  let pids: number[];
  try {
    pids = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map(Number);
  } catch {
    return { at: Date.now(), ticks };
  }
  for (const pid of pids) {
    const p = processTicks(pid);
    if (!p) continue;
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    } catch {
      continue;
    }
    const group = Object.entries(groups).find(([, match]) => match({ pid, comm: p.comm, cmdline }))?.[0];
    if (group) ticks.set(group, (ticks.get(group) ?? 0) + p.ticks);
  }
  ticks.set('machine', machineBusyTicks());
  return { at: Date.now(), ticks };
}

/** CPU seconds spent per group between two snapshots (processes that exited in between are missed). */
export function cpuSpent(before: CpuSnapshot, after: CpuSnapshot): Map<string, number> {
  const spent = new Map<string, number>();
  for (const [group, t] of after.ticks)
    spent.set(group, (t - (before.ticks.get(group) ?? 0)) / TICKS_PER_SECOND);
  return spent;
}
