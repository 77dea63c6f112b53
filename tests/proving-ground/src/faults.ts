import type { ServiceName } from '@smarketing/contracts';
import { bouncePostgres, canControlPostgres, restartKafka, type Platform } from '@smarketing/testing';
import { mulberry32 } from './workload/random';

export type FaultKind = 'kill -9' | 'postgres restart' | 'broker restart' | 'pause (SIGSTOP)';

/** One fault as it happened: when (ms after the fault phase began), what, to whom, how long. */
export type Fault = {
  readonly atMs: number;
  readonly kind: FaultKind;
  readonly target: string;
  readonly tookMs: number;
};

export type FaultPlan = {
  /** Mean and spread of the gap between two kills (5 ± 2 s in the issue). */
  readonly killEveryMs: number;
  readonly killJitterMs: number;
  /** How long a paused service stays stopped: past the consumers' 30 s session timeout. */
  readonly pauseMs: number;
  /** How long PostgreSQL stays down. */
  readonly postgresDownMs: number;
};

/** A service that exited without the harness killing it, and what it printed last. */
export type Exit = {
  readonly service: string;
  readonly atMs: number;
  readonly code: string;
  readonly lastOutput: string;
};

/**
 * Restarts every service whose process has exited, as a supervisor (Kubernetes) would, and
 * records each exit: the harness restarts the processes it kills itself, so an exited one
 * crashed or gave up on its own.
 */
export async function reviveExited(platform: Platform, exits: Exit[], startedAt: number): Promise<void> {
  for (const s of platform.services.values()) {
    const child = s.process.child;
    if (child.exitCode === null && child.signalCode === null) continue;
    exits.push({
      service: s.name,
      atMs: Date.now() - startedAt,
      code: String(child.exitCode ?? child.signalCode),
      lastOutput: s.process.output().slice(-1_500),
    });
    await platform.restart(s.name);
  }
}

export const DEFAULT_FAULTS: FaultPlan = {
  killEveryMs: 5_000,
  killJitterMs: 2_000,
  pauseMs: 40_000,
  postgresDownMs: 3_000,
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Injects faults into a running platform until `stop()` is called: a kill -9 of a random service
 * every 5 ± 2 s (restarted at once), and once each, a third, a half and two thirds into the
 * expected phase: PostgreSQL stopped and started, the Kafka broker restarted, one service paused
 * past its session timeout and resumed. The once-only faults happen in order even if the phase is
 * shorter; `stop()` waits for the one in progress. Between kills, a service that exited on its own
 * is restarted (and recorded), as a supervisor would. Seeded: the same seed picks the same victims.
 */
export function injectFaults(
  platform: Platform,
  options: { seed: number; expectedMs: number; plan?: FaultPlan; log?: (line: string) => void },
): { readonly faults: readonly Fault[]; readonly exits: readonly Exit[]; stop(): Promise<void> } {
  const plan = options.plan ?? DEFAULT_FAULTS;
  const random = mulberry32(options.seed);
  const names = [...platform.services.keys()];
  const pick = (): ServiceName => names[Math.floor(random() * names.length)] ?? names[0]!;
  const faults: Fault[] = [];
  const exits: Exit[] = [];
  const started = Date.now();
  let stopping = false;
  const record = async (kind: FaultKind, target: string, act: () => Promise<void>) => {
    const at = Date.now();
    await act();
    const fault = { atMs: at - started, kind, target, tookMs: Date.now() - at };
    faults.push(fault);
    options.log?.(`${(fault.atMs / 1_000).toFixed(1).padStart(6)} s  ${kind} ${target} (${fault.tookMs} ms)`);
  };
  const once: { atMs: number; run: () => Promise<void> }[] = [
    ...(canControlPostgres()
      ? [
          {
            atMs: options.expectedMs / 3,
            run: () => record('postgres restart', 'postgresql', () => bouncePostgres(plan.postgresDownMs)),
          },
        ]
      : []),
    {
      atMs: options.expectedMs / 2,
      run: () => record('broker restart', 'kafka', restartKafka),
    },
    {
      atMs: (options.expectedMs * 2) / 3,
      run: async () => {
        const victim = pick();
        await record('pause (SIGSTOP)', victim, async () => {
          platform.signal(victim, 'SIGSTOP');
          await sleep(plan.pauseMs);
          platform.signal(victim, 'SIGCONT');
        });
      },
    },
  ];
  const loop = (async () => {
    while (!stopping || once.length) {
      const due = once[0];
      if (due && (Date.now() - started >= due.atMs || stopping)) {
        once.shift();
        await due.run();
        continue;
      }
      if (stopping) break;
      const gap = plan.killEveryMs + (random() * 2 - 1) * plan.killJitterMs;
      await sleep(gap);
      if (stopping) continue;
      await reviveExited(platform, exits, started);
      const victim = pick();
      await record('kill -9', victim, async () => {
        platform.signal(victim, 'SIGKILL');
        await platform.restart(victim);
      });
    }
  })();
  return {
    faults,
    exits,
    stop: async () => {
      stopping = true;
      await loop;
    },
  };
}
