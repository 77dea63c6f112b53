#!/usr/bin/env node
// Scaffolds a service with the standard shape: `node tools/generators/service/generate.mjs <name> <port>`.
// Existing files are never overwritten, so it can also fill in what a partial service lacks.
import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync, statSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const [name, port] = process.argv.slice(2);
if (!name || !/^[a-z][a-z0-9-]*$/.test(name) || !/^\d+$/.test(port ?? '')) {
  console.error('usage: generate.mjs <kebab-name> <http-port>');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..', '..');
const target = join(repo, 'services', name);
const Name = name.replace(/(^|-)([a-z])/g, (_m, _d, c) => c.toUpperCase());
const subst = (s) =>
  s
    .replaceAll('__name__', name)
    .replaceAll('__Name__', Name)
    .replaceAll('__port__', port)
    .replaceAll('__db__', `smarketing_${name.replaceAll('-', '_')}`);

function walk(dir) {
  for (const entry of readdirSync(dir)) {
    const src = join(dir, entry);
    if (statSync(src).isDirectory()) {
      walk(src);
      continue;
    }
    const dest = join(target, subst(relative(join(here, 'files'), src)));
    if (existsSync(dest)) {
      console.log(`keep   ${relative(repo, dest)}`);
      continue;
    }
    mkdirSync(dirname(dest), { recursive: true });
    writeFileSync(dest, subst(readFileSync(src, 'utf8')));
    console.log(`create ${relative(repo, dest)}`);
  }
}
walk(join(here, 'files'));
for (const d of ['src/domain', 'src/app', 'src/infra']) mkdirSync(join(target, d), { recursive: true });
console.log(`done: run npm install to link @smarketing/${name}`);
