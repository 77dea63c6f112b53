// Writes deploy/k8s/base, deploy/k8s/overlays and docker-compose.yml from the topic registry and the
// services (`npm run -w @smarketing/deploy-k8s generate`); with --check, writes nothing and exits 1
// naming every file that differs from what it would write (CI: `k8s:check`).
import { loadPlatform, REPO } from './src/inventory';
import { renderAll, staleFiles, writeAll } from './src/render';

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const rendered = renderAll(REPO, loadPlatform(REPO));
  if (!check) {
    writeAll(REPO, rendered);
    console.log(`wrote ${rendered.size} files`);
    return;
  }
  const stale = staleFiles(REPO, rendered);
  if (stale.length) {
    console.error(
      `stale generated files (run npm run -w @smarketing/deploy-k8s generate):\n${stale.map((p) => `  ${p}`).join('\n')}`,
    );
    process.exit(1);
  }
  console.log(`${rendered.size} generated files up to date`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
