/**
 * CI gate: every schema in the working tree is FULL_TRANSITIVE-compatible with every version of it committed
 * on the base ref (COMPAT_BASE, default main): the versions in `git log <base> -- <file>` plus the base's own.
 * A schema with no history passes the history check (it still obeys the single-schema rules).
 * A schema file that exists on the base but not in the working tree fails: released topics are never removed.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkAgainstHistory } from './compat';
import { listSchemaFiles } from './generate-types';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const repoRoot = join(__dirname, '..', '..', '..');

const git = (args: string[]): string | undefined => {
  try {
    return execFileSync('git', args, {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch {
    return undefined;
  }
};

function resolveBase(base: string): string {
  for (const ref of [base, `origin/${base}`])
    if (git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]) !== undefined) return ref;
  throw new Error(
    `base ref ${base} not found (nor origin/${base}); fetch it first, e.g. git fetch origin ${base}`,
  );
}

/** Every distinct committed version of a file reachable from base, oldest first, labelled by commit. */
function history(base: string, file: string): { label: string; schema: Json }[] {
  const commits = (git(['log', '--format=%h', base, '--', file]) ?? '').split('\n').filter(Boolean);
  const seen = new Set<string>();
  const out: { label: string; schema: Json }[] = [];
  for (const [ref, label] of [
    ...commits.reverse().map((c) => [c, `commit ${c}`] as const),
    [base, base] as const,
  ]) {
    const text = git(['show', `${ref}:${file}`]);
    if (text === undefined || seen.has(text)) continue; // the commit deleted it, or the same content again
    seen.add(text);
    out.push({ label: `${file}@${label}`, schema: JSON.parse(text) as Json });
  }
  return out;
}

function main(): void {
  const base = resolveBase(process.env.COMPAT_BASE ?? 'main');
  const files = listSchemaFiles().map((s) => relative(repoRoot, s.file));
  const errors: string[] = [];
  for (const file of files) {
    const next = JSON.parse(readFileSync(join(repoRoot, file), 'utf8')) as Json;
    const versions = history(base, file);
    const found = checkAgainstHistory(file, next, versions);
    errors.push(...found);
    console.log(
      `${found.length ? 'FAIL' : 'ok  '} ${file} (${versions.length} earlier version${versions.length === 1 ? '' : 's'})`,
    );
  }
  const onBase = (git(['ls-tree', '-r', '--name-only', base, '--', 'schemas']) ?? '')
    .split('\n')
    .filter((f) => f.endsWith('.avsc'));
  for (const gone of onBase.filter((f) => !files.includes(f))) {
    errors.push(
      `${gone}: exists on ${base} but not in the working tree; a released topic's schema is never removed (publish a .v2 topic instead)`,
    );
  }
  if (errors.length) {
    console.error(
      `\n${errors.length} compatibility error(s) against ${base}:\n${errors.map((e) => `  - ${e}`).join('\n')}`,
    );
    process.exit(1);
  }
  console.log(`all ${files.length} schemas are FULL_TRANSITIVE-compatible with ${base}`);
}

if (require.main === module) {
  try {
    main();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
