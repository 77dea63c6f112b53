import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

// The generated service goes into services/ of this repo, where the eslint config's globs, the
// tsconfig paths and node_modules apply to it as to the real services; it is removed afterwards.
const here = join(__dirname, '..');
const repo = join(here, '..', '..', '..');
const bin = (tool: string) => join(repo, 'node_modules', '.bin', tool);

type Run = { status: number | null; output: string };

const run = (command: string, args: readonly string[], cwd = repo): Run => {
  // Not this Jest's worker: the inner Jest must behave as when run by hand.
  const { JEST_WORKER_ID: _worker, ...env } = process.env;
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...env, FORCE_COLOR: '0' } });
  return { status: r.status, output: `${r.stdout}${r.stderr}${r.error ? String(r.error) : ''}` };
};

// On failure, the diff shows the tool's output.
const outcome = (r: Run) => ({ succeeded: r.status === 0, output: r.status === 0 ? '' : r.output });
const SUCCEEDED = { succeeded: true, output: '' };

const generate = (name: string, generator = join(here, 'generate.mjs')) =>
  run(process.execPath, [generator, name, '3999']);

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((e) =>
    statSync(join(dir, e)).isDirectory() ? filesUnder(join(dir, e)) : [join(dir, e)],
  );

const PLACEHOLDER = /__(?!(?:tests|mocks|snapshots)__)[A-Za-z][A-Za-z0-9_]*__/;

// tsc, eslint and jest over a whole service: minutes on a small CI box.
const SLOW = 5 * 60_000;

describe('the service generator', () => {
  const name = `gen-test-${randomBytes(4).toString('hex')}`;
  const dir = join(repo, 'services', name);
  const rel = relative(repo, dir);
  let generated: Run;

  beforeAll(() => {
    generated = generate(name);
  }, SLOW);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the standard shape with one worked example of each piece', () => {
    expect(outcome(generated)).toEqual(SUCCEEDED);
    const files = filesUnder(dir).map((f) => relative(dir, f));
    expect(files).toEqual(
      expect.arrayContaining([
        'README.md',
        'package.json',
        'jest.config.js',
        'jest.int.config.js',
        'src/instrumentation.ts',
        'src/main.ts',
        'src/config.ts',
        `src/${name}.module.ts`,
        'src/app.factory.ts',
        'src/domain/first-seen.ts',
        'src/domain/__tests__/first-seen.spec.ts',
        'src/app/ports/lead-store.port.ts',
        'src/app/ports/transactions.port.ts',
        'src/app/use-cases/record-leads.use-case.ts',
        'src/app/use-cases/get-lead.use-case.ts',
        'src/app/use-cases/__tests__/record-leads.spec.ts',
        'src/infra/persistence/pg-lead-store.ts',
        `src/infra/messaging/${name}-handlers.ts`,
        'src/infra/http/leads.controller.ts',
        'src/infra/migrations/index.ts',
        'src/infra/migrate.main.ts',
        'test/leads.int-spec.ts',
        'test/health.int-spec.ts',
      ]),
    );
    expect(files.filter((f) => /^src\/infra\/migrations\/\d{13}-[a-z0-9-]+-leads\.ts$/.test(f))).toHaveLength(
      1,
    );
  });

  it('substitutes every placeholder, in file names and contents', () => {
    const unsubstituted = filesUnder(dir)
      .filter((f) => PLACEHOLDER.test(relative(dir, f)) || PLACEHOLDER.test(readFileSync(f, 'utf8')))
      .map((f) => relative(dir, f));
    expect(unsubstituted).toEqual([]);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      name: string;
      scripts: object;
    };
    expect(pkg.name).toBe(`@smarketing/${name}`);
    expect(Object.keys(pkg.scripts)).toEqual(
      expect.arrayContaining([
        'start',
        'migrate',
        'build',
        'start:prod',
        'migrate:prod',
        'lint',
        'test',
        'test-int',
      ]),
    );
  });

  it(
    'lints',
    () => {
      expect(outcome(run(bin('eslint'), [rel]))).toEqual(SUCCEEDED);
    },
    SLOW,
  );

  it(
    'type-checks',
    () => {
      // The service's own tsconfig.json (its `typecheck` script), as nx runs it.
      expect(outcome(run(bin('tsc'), ['--noEmit', '-p', join(rel, 'tsconfig.json')]))).toEqual(SUCCEEDED);
    },
    SLOW,
  );

  it(
    'passes its own unit tests',
    () => {
      const result = run(bin('jest'), ['-c', join(rel, 'jest.config.js'), '--ci']);
      expect(outcome(result)).toEqual(SUCCEEDED);
      expect(result.output).toMatch(/Tests:\s+\d+ passed, \d+ total/);
    },
    SLOW,
  );

  it('refuses to write into an existing folder', () => {
    const again = generate(name);
    expect(again.status).toBe(1);
    expect(again.output).toContain('exists');
  });

  it('refuses to finish, writing nothing, when a template has a placeholder it does not know', () => {
    // A copy of the generator in a scratch tree: its "repo" is the scratch folder.
    const scratch = mkdtempSync(join(tmpdir(), 'service-generator-'));
    try {
      const copy = join(scratch, 'tools', 'generators', 'service');
      cpSync(join(here, 'generate.mjs'), join(copy, 'generate.mjs'));
      cpSync(join(here, 'files'), join(copy, 'files'), { recursive: true });
      writeFileSync(join(copy, 'files', 'src', 'typo.ts'), 'export const service = "__nmae__";\n');
      const refused = generate('typo', join(copy, 'generate.mjs'));
      expect(refused.status).toBe(1);
      expect(refused.output).toContain('files/src/typo.ts:1: __nmae__');
      expect(existsSync(join(scratch, 'services', 'typo'))).toBe(false);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
