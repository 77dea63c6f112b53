import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time per process group, read from /proc (Linux), for benchmarks that want to say where a
 * run's CPU went: `const before = cpuSnapshot(groups); ...; cpuSpent(before, cpuSnapshot(groups))`.
 * Elsewhere the snapshot is empty and the figures are simply not printed.
 */
export type CpuGroups = Record<string, (p: { pid: number; comm: string; cmdline: string }) => boolean>;
export type CpuSnapshot = {
  /** Ticks per pid, with its group. */
  readonly processes: ReadonlyMap<number, { readonly group: string; readonly ticks: number }>;
  readonly machineTicks: number;
  /** Of machineTicks: time the hypervisor ran something else while this machine wanted the CPU. */
  readonly stealTicks: number;
};

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

function machineTicks(): { busy: number; steal: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const [, user, nice, system, , , irq, softirq, steal] = line.split(/\s+/).map(Number);
  return {
    busy: [user, nice, system, irq, softirq, steal].reduce<number>((a, b) => a + (b ?? 0), 0),
    steal: steal ?? 0,
  };
}

export function cpuSnapshot(groups: CpuGroups): CpuSnapshot {
  const processes = new Map<number, { group: string; ticks: number }>();
  let pids: number[];
  try {
    pids = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map(Number);
  } catch {
    return { processes, machineTicks: 0, stealTicks: 0 };
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
    if (group) processes.set(pid, { group, ticks: p.ticks });
  }
  const machine = machineTicks();
  return { processes, machineTicks: machine.busy, stealTicks: machine.steal };
}

/**
 * CPU seconds spent per group between two snapshots, plus `machine` (every process, all cores) and
 * `steal` (part of machine: CPU the hypervisor gave to other guests, a slow host's signature).
 * Per process: one started in between counts whole; one that exited in between is missed.
 */
export function cpuSpent(before: CpuSnapshot, after: CpuSnapshot): Map<string, number> {
  const spent = new Map<string, number>();
  if (after.processes.size === 0) return spent;
  for (const [pid, p] of after.processes) {
    const earlier = before.processes.get(pid)?.ticks ?? 0;
    spent.set(p.group, (spent.get(p.group) ?? 0) + (p.ticks - earlier) / TICKS_PER_SECOND);
  }
  spent.set('machine', (after.machineTicks - before.machineTicks) / TICKS_PER_SECOND);
  spent.set('steal', (after.stealTicks - before.stealTicks) / TICKS_PER_SECOND);
  return spent;
}
