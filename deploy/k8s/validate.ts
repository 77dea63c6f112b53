// Offline validation for CI: renders every overlay with `kubectl kustomize`, validates each object
// against its published schema and runs the checks of src/checks.ts; then validates
// docker-compose.yml against the Compose Specification and checks it against the services.
// Exits 1 with every problem listed (`npm run -w @smarketing/deploy-k8s validate`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  composeProblems,
  composeSchemaProblems,
  dockerTargetProblems,
  versionProblems,
  type ComposeFile,
} from './src/compose-checks';
import { loadPlatform, REPO } from './src/inventory';
import { OVERLAYS, overlayProblems, renderOverlay } from './src/validate-overlay';

function main(): void {
  const platform = loadPlatform(REPO);
  const problems: string[] = [];
  for (const overlay of OVERLAYS) {
    const objects = renderOverlay(REPO, overlay);
    const found = overlayProblems(objects, platform);
    problems.push(...found.map((p) => `overlays/${overlay}: ${p}`));
    console.log(`overlays/${overlay}: ${objects.length} objects, ${found.length} problems`);
  }
  const compose = parse(readFileSync(join(REPO, 'docker-compose.yml'), 'utf8')) as ComposeFile;
  const composeFound = [
    ...composeSchemaProblems(REPO, compose),
    ...composeProblems(compose, platform),
    ...versionProblems(REPO, compose),
    ...dockerTargetProblems(readFileSync(join(REPO, 'Dockerfile'), 'utf8'), compose),
  ];
  problems.push(...composeFound);
  console.log(
    `docker-compose.yml: ${Object.keys(compose.services ?? {}).length} services, ${composeFound.length} problems`,
  );
  if (problems.length) {
    console.error(problems.map((p) => `  ${p}`).join('\n'));
    process.exit(1);
  }
}

main();
