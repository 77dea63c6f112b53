// The Dockerfile cannot be built here (no container engine): check it offline against the repo, so
// a moved file, a renamed script or an unpinned image fails CI rather than the next image build.
// Each check is a function from the files' text to a list of problems; the repo's files must give
// none, and a broken variant of each must give the problem it names (so every check can fail).
import { existsSync, globSync, readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';

const repo = join(__dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(repo, path), 'utf8');

type Instruction = { readonly keyword: string; readonly args: string; readonly stage: number };
type Scripts = Readonly<Record<string, string>>;
type Service = {
  readonly name: string;
  readonly scripts: Scripts;
  readonly hasModels: boolean;
  readonly hasMigrate: boolean;
};

/** Logical instructions: comments dropped, `\` continuations joined, each tagged with its stage. */
function parseDockerfile(text: string): Instruction[] {
  const out: Instruction[] = [];
  let stage = -1;
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    pending += (pending ? ' ' : '') + line.replace(/\\$/, '').trim();
    if (line.endsWith('\\')) continue;
    const [keyword = '', ...rest] = pending.split(/\s+/);
    const upper = keyword.toUpperCase();
    if (upper === 'FROM') stage += 1;
    out.push({ keyword: upper, args: rest.join(' '), stage });
    pending = '';
  }
  return out;
}

const finalStage = (df: Instruction[]) => df.filter((i) => i.stage === Math.max(...df.map((d) => d.stage)));
const withoutFlags = (args: string) => args.split(/\s+/).filter((a) => !a.startsWith('--'));
const unquote = (s: string) => s.replace(/^["']|["']$/g, '');
/** `$SERVICE` / `${SERVICE}` as each service would have it. */
const forEachService = (s: string, services: readonly Service[]) =>
  /\$\{?SERVICE\}?/.test(s) ? services.map((svc) => s.replace(/\$\{?SERVICE\}?/g, svc.name)) : [s];

function copySourceProblems(df: Instruction[], services: readonly Service[]): string[] {
  return df
    .filter((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && !/--from=/.test(i.args))
    .flatMap((i) => withoutFlags(i.args).slice(0, -1))
    .flatMap((src) => forEachService(src, services))
    .filter((src) => !existsSync(join(repo, src)) && globSync(src, { cwd: repo }).length === 0)
    .map((src) => `COPY source ${src} is not in the repo`);
}

function npmRunProblems(
  df: Instruction[],
  services: readonly Service[],
  scriptsOf: (dir: string) => Scripts | undefined,
): string[] {
  const runs = df.filter((i) => i.keyword === 'RUN').map((i) => i.args);
  const calls = runs.flatMap((run) =>
    [...run.matchAll(/npm run(?:\s+(?:-w|--workspace)(?:=|\s+)(\S+))?\s+(?:-s\s+)?([\w:.-]+)/g)].map((m) => ({
      workspace: m[1] ? unquote(m[1]) : '.',
      script: m[2] ?? '',
    })),
  );
  return calls.flatMap(({ workspace, script }) =>
    forEachService(workspace, services)
      .filter((dir) => scriptsOf(dir)?.[script] === undefined)
      .map((dir) => `RUN npm run ${script}: ${posix.join(dir, 'package.json')} has no such script`),
  );
}

/** Where the build script writes the JavaScript of `services/<name>/src/<file>.ts`, relative to the service. */
function builtPath(svc: Service, file: string): string | undefined {
  const outDir = /\s(?:-d|--out-dir)\s+(\S+)/.exec(svc.scripts['build'] ?? '')?.[1];
  if (!outDir) return undefined;
  // The build runs from the repo root and keeps paths from there (dist/services/<name>/src/...).
  return posix.relative(
    `services/${svc.name}`,
    posix.join(outDir, 'services', svc.name, 'src', `${file}.js`),
  );
}
const nodeTarget = (script: string | undefined) => /^node(?:\s+--\S+)*\s+(\S+\.js)$/.exec(script ?? '')?.[1];

function serviceScriptProblems(services: readonly Service[]): string[] {
  return services.flatMap((svc) => {
    const build = svc.scripts['build'];
    if (!build) return [`${svc.name}: no build script`];
    const problems: string[] = [];
    for (const input of [
      `services/${svc.name}/src`,
      'libs/*/src',
      ...(svc.hasModels ? [`services/${svc.name}/models`] : []),
    ])
      if (!build.split(/\s+/).includes(input)) problems.push(`${svc.name}: build does not compile ${input}`);
    const runs: [string, string, boolean][] = [
      ['start:prod', 'main', true],
      ['migrate:prod', 'infra/migrate.main', svc.hasMigrate],
    ];
    for (const [script, file, needed] of runs) {
      if (!needed) continue;
      const target = nodeTarget(svc.scripts[script]);
      if (!target) problems.push(`${svc.name}: ${script} does not run node on a .js file`);
      else if (target !== builtPath(svc, file))
        problems.push(`${svc.name}: ${script} runs ${target}, the build writes ${builtPath(svc, file)}`);
    }
    return problems;
  });
}

function cmdProblems(df: Instruction[], services: readonly Service[]): string[] {
  const cmd = finalStage(df)
    .filter((i) => i.keyword === 'CMD')
    .at(-1)?.args;
  if (!cmd) return ['the final stage has no CMD'];
  const argv = JSON.parse(cmd) as string[];
  const line = argv.slice(0, 2).join(' ') === '/bin/sh -c' ? (argv[2] ?? '') : argv.join(' ');
  return services.flatMap((svc) =>
    forEachService(line, [svc])[0] === `exec ${svc.scripts['start:prod']}`
      ? []
      : [`CMD for ${svc.name} is not its start:prod (${svc.scripts['start:prod']})`],
  );
}

function baseImageProblems(df: Instruction[], nodeVersion: string): string[] {
  const stages = new Set(
    df.filter((i) => i.keyword === 'FROM').map((i) => /\bAS\s+(\S+)/i.exec(i.args)?.[1]),
  );
  return df
    .filter((i) => i.keyword === 'FROM')
    .map((i) => withoutFlags(i.args)[0] ?? '')
    .filter((image) => !stages.has(image))
    .flatMap((image) => {
      const tag = /:([^/@]+)(?:@sha256:[0-9a-f]{64})?$/.exec(image)?.[1];
      if (!tag || !/^\d+\.\d+\.\d+(-[\w.-]+)?$/.test(tag))
        return [`base image ${image} is not pinned to an exact version`];
      if (image.startsWith('node:') && !tag.startsWith(`${nodeVersion}-`) && tag !== nodeVersion)
        return [`base image ${image} is not Node ${nodeVersion} (.nvmrc)`];
      return [];
    });
}

function runtimeProblems(df: Instruction[]): string[] {
  const last = finalStage(df);
  const problems: string[] = [];
  const user = last
    .filter((i) => i.keyword === 'USER')
    .at(-1)
    ?.args.split(':')[0];
  if (!user || user === 'root' || user === '0')
    problems.push(`the final stage runs as ${user ?? 'root (no USER)'}`);
  const env = Object.fromEntries(
    last
      .filter((i) => i.keyword === 'ENV')
      .flatMap((i) => [...i.args.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1], m[2]])),
  ) as Record<string, string>;
  if (env['NODE_ENV'] !== 'production') problems.push('the final stage does not set NODE_ENV=production');
  if (env['HOST'] !== '0.0.0.0') problems.push('the final stage does not listen on HOST=0.0.0.0');
  const exposed = last.filter((i) => i.keyword === 'EXPOSE').map((i) => i.args);
  if (!env['PORT'] || !exposed.includes(env['PORT']))
    problems.push(`EXPOSE ${exposed.join(',')} is not PORT ${env['PORT']}`);
  return problems;
}

function dockerignoreProblems(text: string): string[] {
  const patterns = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const name = (p: string) =>
    p
      .replace(/^!/, '')
      .replace(/^\/|^\*\*\//, '')
      .replace(/\/$/, '');
  return ['node_modules', '.local', '.git'].flatMap((dir) => {
    const last = patterns.filter((p) => name(p) === dir).at(-1);
    return last && !last.startsWith('!') ? [] : [`.dockerignore does not exclude ${dir}`];
  });
}

// ---------------------------------------------------------------- the repo's files

const dockerfileText = read('Dockerfile');
const dockerfile = parseDockerfile(dockerfileText);
const dockerignore = read('.dockerignore');
const nodeVersion = read('.nvmrc').trim();
const scriptsOf = (dir: string): Scripts | undefined => {
  const file = join(repo, dir, 'package.json');
  return existsSync(file)
    ? ((JSON.parse(readFileSync(file, 'utf8')) as { scripts?: Scripts }).scripts ?? {})
    : undefined;
};
const services: Service[] = readdirSync(join(repo, 'services'))
  .filter((name) => existsSync(join(repo, 'services', name, 'src', 'main.ts')))
  .map((name) => ({
    name,
    scripts: scriptsOf(`services/${name}`) ?? {},
    hasModels: existsSync(join(repo, 'services', name, 'models')),
    hasMigrate: existsSync(join(repo, 'services', name, 'src', 'infra', 'migrate.main.ts')),
  }));
const broken = (from: string, to: string) => {
  expect(dockerfileText).toContain(from); // the variant really differs from the file
  return parseDockerfile(dockerfileText.replaceAll(from, to));
};

describe('Dockerfile', () => {
  it('finds at least one service to build', () => {
    expect(services.map((s) => s.name)).toEqual(expect.arrayContaining(['ingestion', 'scoring']));
  });

  it('copies only paths that exist in the repo', () => {
    expect(copySourceProblems(dockerfile, services)).toEqual([]);
    expect(copySourceProblems(broken('COPY . .', 'COPY patches/ missing/*.json ./'), services)).toEqual([
      'COPY source missing/*.json is not in the repo',
    ]);
  });

  it('runs only npm scripts that exist, for every service', () => {
    expect(npmRunProblems(dockerfile, services, scriptsOf)).toEqual([]);
    const renamed = broken('"services/$SERVICE" build', '"services/$SERVICE" compile');
    expect(npmRunProblems(renamed, services, scriptsOf)).toContain(
      'RUN npm run compile: services/scoring/package.json has no such script',
    );
  });

  it('gives every service a build, and a start:prod and migrate:prod that run what the build writes', () => {
    expect(serviceScriptProblems(services)).toEqual([]);
    const scoring = services.find((s) => s.name === 'scoring')!;
    const variants: [Partial<Record<string, string>>, string][] = [
      [{ build: undefined }, 'scoring: no build script'],
      [
        { 'start:prod': 'node dist/main.js' },
        'scoring: start:prod runs dist/main.js, the build writes dist/services/scoring/src/main.js',
      ],
      [
        { 'start:prod': 'node -r @swc-node/register src/main.ts' },
        'scoring: start:prod does not run node on a .js file',
      ],
      [
        { build: (scoring.scripts['build'] ?? '').replace(' services/scoring/models', '') },
        'scoring: build does not compile services/scoring/models',
      ],
      [{ 'migrate:prod': undefined }, 'scoring: migrate:prod does not run node on a .js file'],
    ];
    for (const [change, problem] of variants) {
      const scripts = Object.fromEntries(
        Object.entries({ ...scoring.scripts, ...change }).filter(([, v]) => v !== undefined),
      ) as Scripts;
      expect(serviceScriptProblems([{ ...scoring, scripts }])).toContain(problem);
    }
  });

  it('starts the service with its own start:prod command', () => {
    expect(cmdProblems(dockerfile, services)).toEqual([]);
    expect(
      cmdProblems(
        broken('--enable-source-maps dist/services/$SERVICE/src/main.js"]', 'dist/main.js"]'),
        services,
      ),
    ).toHaveLength(services.length);
  });

  it('pins every base image to an exact version, Node to .nvmrc', () => {
    expect(baseImageProblems(dockerfile, nodeVersion)).toEqual([]);
    const image = /^FROM (\S+)/m.exec(dockerfileText)?.[1] ?? '';
    for (const to of ['node:latest', 'node:24-trixie-slim', 'node'])
      expect(baseImageProblems(broken(`FROM ${image} AS build`, `FROM ${to} AS build`), nodeVersion)).toEqual(
        [`base image ${to} is not pinned to an exact version`],
      );
    expect(
      baseImageProblems(broken(`FROM ${image} AS build`, 'FROM node:22.1.0-slim AS build'), nodeVersion),
    ).toEqual([`base image node:22.1.0-slim is not Node ${nodeVersion} (.nvmrc)`]);
  });

  it('runs the final stage as a non-root user, in production mode, listening on all interfaces', () => {
    expect(runtimeProblems(dockerfile)).toEqual([]);
    expect(runtimeProblems(broken('USER node', 'USER root'))).toEqual(['the final stage runs as root']);
    expect(runtimeProblems(broken('USER node', ''))).toEqual(['the final stage runs as root (no USER)']);
    expect(runtimeProblems(broken('HOST=0.0.0.0', 'HOST=127.0.0.1'))).toEqual([
      'the final stage does not listen on HOST=0.0.0.0',
    ]);
    expect(runtimeProblems(broken('NODE_ENV=production', 'NODE_ENV=development'))).toEqual([
      'the final stage does not set NODE_ENV=production',
    ]);
    expect(runtimeProblems(broken('EXPOSE 3000', 'EXPOSE 3001'))).toEqual(['EXPOSE 3001 is not PORT 3000']);
  });

  it('keeps node_modules, .local and .git out of the build context', () => {
    expect(dockerignoreProblems(dockerignore)).toEqual([]);
    expect(dockerignoreProblems(dockerignore.replace(/^\.git$/m, ''))).toEqual([
      '.dockerignore does not exclude .git',
    ]);
    expect(dockerignoreProblems(`${dockerignore}\n!.local\n`)).toEqual([
      '.dockerignore does not exclude .local',
    ]);
    expect(dockerignoreProblems('')).toHaveLength(3);
  });
});
