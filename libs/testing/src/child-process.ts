import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { repoRoot } from './stack';
import { waitFor } from './wait-for';

export type TsProcess = {
  readonly child: ChildProcess;
  /** stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code and signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Waits until stdout has printed `line`. */
  waitForLine(line: string, timeoutMs?: number): Promise<void>;
  /** Sends a signal (no-op once it exited). */
  kill(signal: NodeJS.Signals): void;
};

/**
 * Runs a TypeScript file in a child process with the repo's Node and `-r @swc-node/register`,
 * from the repository root (so workspace packages resolve as in production). `nodeArgs` go before
 * them (e.g. a profiling preload).
 */
export function spawnTs(
  file: string,
  env: Record<string, string>,
  options: { nodeArgs?: readonly string[] } = {},
): TsProcess {
  const root = repoRoot();
  const node = path.join(root, 'node_modules/.bin/node');
  const args = [...(options.nodeArgs ?? []), '-r', '@swc-node/register', path.resolve(file)];
  const child = spawn(node, args, {
    cwd: root,
    env: { ...process.env, ...env, SWCRC: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let stdout = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      done = true;
      resolve({ code, signal });
    }),
  );
  return {
    child,
    output: () => out,
    exited,
    waitForLine: async (line, timeoutMs = 120_000) => {
      await waitFor(
        () => {
          if (done && !stdout.includes(line))
            throw new Error(`process exited before printing "${line}": ${out.slice(-2_000)}`);
          return stdout.split('\n').includes(line);
        },
        { timeoutMs, description: `"${line}" from ${path.basename(file)}` },
      ).catch((e: unknown) => {
        throw new Error(`${(e as Error).message}\n--- output ---\n${out.slice(-4_000)}`);
      });
    },
    kill: (signal) => {
      if (!done) child.kill(signal);
    },
  };
}

/** A TCP port free on 127.0.0.1 right now (for a child process to listen on). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}
