// Services are built with swc (tools/build/swcrc.json) but developed and tested with .swcrc and
// tsconfig.base.json: check that the build compiles the same way and resolves the same aliases, so
// the image runs the code the tests ran (decorator metadata included: Nest's DI reads it).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const repo = join(__dirname, '..', '..', '..');
const json = <T>(path: string) => JSON.parse(readFileSync(join(repo, path), 'utf8')) as T;

type Swcrc = {
  jsc: Record<string, unknown> & { baseUrl?: string; paths?: Record<string, string[]> };
  module?: unknown;
};
type Paths = Record<string, string[]>;

const BUILD_CONFIG = 'tools/build/swcrc.json';
const COMPILED_THE_SAME = ['parser', 'transform', 'target', 'keepClassNames'] as const;

function compileProblems(dev: Swcrc, build: Swcrc): string[] {
  const problems = COMPILED_THE_SAME.filter(
    (key) => JSON.stringify(build.jsc[key]) !== JSON.stringify(dev.jsc[key]),
  ).map((key) => `jsc.${key} differs from .swcrc`);
  if (JSON.stringify(build.module) !== JSON.stringify(dev.module))
    problems.push('module differs from .swcrc');
  const transform = build.jsc['transform'] as { decoratorMetadata?: boolean } | undefined;
  if (transform?.decoratorMetadata !== true) problems.push('the build emits no decorator metadata');
  return problems;
}

/** The file an alias resolves to under a `paths` map (TypeScript's rules: `*` matches once), from the repo root. */
function resolveAlias(specifier: string, paths: Paths, baseUrl: string): string | undefined {
  for (const [pattern, [target]] of Object.entries(paths)) {
    if (!target) continue;
    const [prefix = '', suffix = ''] = pattern.split('*');
    const wildcard = pattern.includes('*');
    if (wildcard ? specifier.startsWith(prefix) && specifier.endsWith(suffix) : specifier === pattern) {
      const match = wildcard ? specifier.slice(prefix.length, specifier.length - suffix.length) : '';
      return relative(repo, join(repo, baseUrl, target.replace('*', match)));
    }
  }
  return undefined;
}

function aliasProblems(tsPaths: Paths, build: Swcrc): string[] {
  // baseUrl in an swc config file is relative to that file.
  const baseUrl = relative(repo, join(repo, dirname(BUILD_CONFIG), build.jsc.baseUrl ?? '.'));
  return Object.keys(tsPaths).flatMap((alias) => {
    const want = resolveAlias(alias, tsPaths, '.');
    const got = resolveAlias(alias, build.jsc.paths ?? {}, baseUrl);
    if (got !== want) return [`${alias}: the build resolves ${got ?? 'nothing'}, tsconfig ${want}`];
    return got && existsSync(join(repo, got)) ? [] : [`${alias}: ${got} does not exist`];
  });
}

const dev = json<Swcrc>('.swcrc');
const build = json<Swcrc>(BUILD_CONFIG);
const tsPaths = json<{ compilerOptions: { paths: Paths } }>('tsconfig.base.json').compilerOptions.paths;

describe('the service build (tools/build/swcrc.json)', () => {
  it('compiles like .swcrc, with decorator metadata', () => {
    expect(compileProblems(dev, build)).toEqual([]);
    const noMetadata = { ...build, jsc: { ...build.jsc, transform: { legacyDecorator: true } } };
    expect(compileProblems(dev, noMetadata)).toEqual([
      'jsc.transform differs from .swcrc',
      'the build emits no decorator metadata',
    ]);
    expect(compileProblems(dev, { ...build, module: { type: 'es6' } })).toEqual([
      'module differs from .swcrc',
    ]);
  });

  it('resolves every tsconfig.base.json alias to the same file', () => {
    expect(Object.keys(tsPaths).length).toBeGreaterThan(0);
    expect(aliasProblems(tsPaths, build)).toEqual([]);
    const wrongBase = { ...build, jsc: { ...build.jsc, baseUrl: '.' } };
    expect(aliasProblems(tsPaths, wrongBase)[0]).toMatch(/the build resolves tools\/build\/libs\//);
    const noPaths = { ...build, jsc: { ...build.jsc, paths: {} } };
    expect(aliasProblems(tsPaths, noPaths)).toHaveLength(Object.keys(tsPaths).length);
  });

  it('reads aliases as TypeScript does', () => {
    const paths = { '@x/*': ['libs/*/src/index.ts'], '@y/exact': ['y.ts'] };
    expect(resolveAlias('@x/config', paths, '.')).toBe('libs/config/src/index.ts');
    expect(resolveAlias('@y/exact', paths, 'a')).toBe('a/y.ts');
    expect(resolveAlias('@y/other', paths, '.')).toBeUndefined();
  });
});
