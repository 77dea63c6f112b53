// Writes docs/asyncapi.yaml from the topic registry; `--check` fails when the committed file is stale.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { renderAsyncApi } from './asyncapi';

const repoRoot = join(__dirname, '..', '..', '..');
const target = join(repoRoot, 'docs', 'asyncapi.yaml');

function main(): void {
  const text = renderAsyncApi();
  const rel = relative(repoRoot, target);
  if (process.argv.includes('--check')) {
    if (!existsSync(target) || readFileSync(target, 'utf8') !== text) {
      console.error(`${rel} is stale. Run: npx nx run @smarketing/platform-tools:asyncapi`);
      process.exit(1);
    }
    console.log(`${rel} is up to date`);
    return;
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`wrote ${rel}`);
}

main();
