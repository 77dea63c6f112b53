#!/usr/bin/env node
// Scaffolds a service with the standard shape and one worked example of each piece:
//   node tools/generators/service/generate.mjs <name> <port>
// Templates are files/**; placeholders are __name__ (kebab), __Name__ (Pascal), __nameCamel__,
// __name_snake__, __port__, __db__ and __timestamp__ (the first migration's), in paths and contents.
// Everything is rendered in memory first: a placeholder left over (a typo, a new one this script
// does not know) stops it before any file is written. See README.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const [name, port] = process.argv.slice(2);
if (
  !name ||
  !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name) ||
  !/^\d+$/.test(port ?? '') ||
  Number(port) > 65_535
) {
  console.error('usage: generate.mjs <kebab-name> <http-port>');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const templates = join(here, 'files');
const repo = join(here, '..', '..', '..');
const target = join(repo, 'services', name);
if (existsSync(target)) {
  console.error(`${relative(repo, target)} exists: the generator only creates new services`);
  process.exit(1);
}

const words = name.split('-');
const cap = (w) => w[0].toUpperCase() + w.slice(1);
const snake = words.join('_');
const values = {
  name,
  Name: words.map(cap).join(''),
  nameCamel: words[0] + words.slice(1).map(cap).join(''),
  name_snake: snake,
  port,
  db: `smarketing_${snake}`,
  timestamp: String(Date.now()),
};
const subst = (s) =>
  s.replace(/__(nameCamel|name_snake|name|Name|port|db|timestamp)__/g, (_m, key) => values[key]);
// What a placeholder looks like (`__dirname` has no closing underscores), less Jest's folder names.
const PLACEHOLDER = /__(?!(?:tests|mocks|snapshots)__)[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*__/g;

function templateFiles(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? templateFiles(path) : [path];
  });
}

const rendered = templateFiles(templates).map((src) => {
  const path = subst(relative(templates, src));
  return { src, path, text: subst(readFileSync(src, 'utf8')) };
});

const leftovers = rendered.flatMap(({ src, path, text }) => [
  ...[...path.matchAll(PLACEHOLDER)].map((m) => `${relative(repo, src)}: ${m[0]} in the file name`),
  ...text
    .split('\n')
    .flatMap((line, i) =>
      [...line.matchAll(PLACEHOLDER)].map((m) => `${relative(repo, src)}:${i + 1}: ${m[0]}`),
    ),
]);
if (leftovers.length) {
  console.error(`unknown placeholders, nothing written:\n  ${leftovers.join('\n  ')}`);
  process.exit(1);
}

for (const { path, text } of rendered) {
  const dest = join(target, path);
  mkdirSync(dirname(dest), { recursive: true });
  writeFileSync(dest, text);
  console.log(`create ${relative(repo, dest)}`);
}

// Names of different lengths rewrap lines: format the result as the repo formats its code.
const prettier = join(repo, 'node_modules', '.bin', 'prettier');
if (existsSync(prettier)) {
  const run = spawnSync(prettier, ['--write', '--log-level', 'warn', relative(repo, target)], {
    cwd: repo,
    stdio: 'inherit',
  });
  if (run.status !== 0) {
    console.error('prettier failed on the generated files');
    process.exit(1);
  }
} else console.warn('prettier not installed: the generated files are not formatted');

// What the generator does not edit for you: shared files whose owners review the change.
const registry = readFileSync(join(repo, 'libs', 'contracts', 'src', 'topic-registry.ts'), 'utf8');
const isRegistered = new RegExp(`type ServiceName =[^;]*'${name}'`).test(registry);
console.log(`
done: services/${name}. Next:
  1. npm install (links @smarketing/${name}; commit package-lock.json).
  2. ${
    isRegistered
      ? `libs/contracts knows '${name}': check it is in the readers of every topic it consumes`
      : `libs/contracts/src/topic-registry.ts: add '${name}' to ServiceName`
  } (TOPICS.leadUpserted for
     the example); provisioning creates its dead-letter topics from the readers. Then
     npm run -w @smarketing/platform-tools asyncapi, and npm run stack:provision.
  3. Nothing to do for the native stack: ./smarketing up and deploy/local/postgres.mjs find every
     services/*/src/main.ts (database ${values.db}, port ${port} from src/config.ts).
  4. Docker and Kubernetes: add \`CREATE DATABASE ${values.db};\` to deploy/local/postgres-init/01-databases.sql,
     then npm run -w @smarketing/deploy-k8s generate (docker-compose.yml and deploy/k8s; CI checks both).
  5. Replace the worked example (first-seen leads) with the service's own; README.md says where each piece is.`);
