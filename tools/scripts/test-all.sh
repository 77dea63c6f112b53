#!/usr/bin/env bash
# The full test suite: lint, format, type-check, contract checks, unit tests, then integration
# tests against the test stack: a Kafka and a registry of their own on other ports (libs/config
# STACKS.test), so `./smarketing up`'s topics never see test data. The test stack is started when it
# is not running and stopped again at the end if this script started it; test databases are
# dropped by the tests. Ends with one line "N passed, N failed" and exits non-zero when anything failed.
set -uo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
export TZ=UTC NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
RESULTS="$REPO/.local/test-results"
rm -rf "$RESULTS"; mkdir -p "$RESULTS"
failed_steps=()
step() {
  local name=$1; shift
  local t0=$SECONDS
  echo "::: $name"
  if "$@"; then echo "::: $name ok ($((SECONDS - t0)) s)"; else echo "::: $name FAILED ($((SECONDS - t0)) s)"; failed_steps+=("$name"); fi
}

step "lint" npx nx run-many -t lint --outputStyle=stream
step "format" npx prettier --check . --log-level warn
step "typecheck" npx tsc -p tsconfig.json --noEmit
step "generated types are current" npx nx run @smarketing/contracts:generate-check --outputStyle=stream
step "schema compatibility (FULL_TRANSITIVE vs main)" npx nx run @smarketing/contracts:compat --outputStyle=stream
step "AsyncAPI document is current" npx nx run @smarketing/platform-tools:asyncapi-check --outputStyle=stream
step "Kubernetes manifests and docker-compose.yml are current and valid" npx nx run @smarketing/deploy-k8s:k8s:check --outputStyle=stream
step "build (compiled services)" npx nx run-many -t build --outputStyle=stream --skip-nx-cache
step "unit tests" npx nx run-many -t test --outputStyle=stream --parallel=2 --skip-nx-cache
# From here on every process talks to the test stack.
eval "$(SWC_NODE_PROJECT="$REPO/tsconfig.base.json" node -r @swc-node/register libs/config/src/stack-env.main.ts test)"
stack_was_up=false
bash deploy/local/stack.sh status >/dev/null 2>&1 && stack_was_up=true
postgres_was_up=false
node deploy/local/postgres.mjs status >/dev/null 2>&1 && postgres_was_up=true
# A test stack this run starts begins empty: its Kafka data and its registry database (which lives
# in the shared PostgreSQL and so outlives a clone) are wiped, so schema versions and records left
# by earlier runs on this machine cannot leak into this one.
if [ "$stack_was_up" = false ]; then
  step "test stack reset" env RESET_REGISTRY_DB=1 bash deploy/local/stack.sh reset
fi
step "test stack" bash deploy/local/stack.sh start
step "integration tests" npx nx run-many -t test-int --outputStyle=stream --parallel=1
if [ "$stack_was_up" = false ]; then
  echo "::: stopping the test stack (it was not running before)"
  bash deploy/local/stack.sh stop registry >/dev/null
  bash deploy/local/stack.sh stop kafka >/dev/null
fi
if [ "$postgres_was_up" = false ]; then node deploy/local/postgres.mjs stop >/dev/null || true; fi

summary=$("$REPO/node_modules/.bin/node" -e '
const fs = require("fs"), dir = process.argv[1];
let p = 0, f = 0, s = 0;
for (const n of fs.readdirSync(dir)) { const r = JSON.parse(fs.readFileSync(dir + "/" + n)); p += r.passed; f += r.failed; s += r.skipped; }
console.log(`${p} ${f} ${s}`);' "$RESULTS")
read -r passed failed skipped <<<"$summary"
echo
if [ "${#failed_steps[@]}" -gt 0 ]; then echo "failed steps: ${failed_steps[*]}"; fi
if [ "$skipped" -gt 0 ]; then echo "skipped tests are not allowed: $skipped"; failed_steps+=("skipped"); fi
echo "$passed passed, $failed failed"
[ "${#failed_steps[@]}" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
