#!/usr/bin/env bash
# The one command that runs every check and test (`npm test`; CI runs it through .ci/run):
#   typecheck → lint → unit/integration tests on PGlite → the same suite on a private PostgreSQL
#   cluster → browser journeys (headless Chromium + axe).
# Works on a fresh Debian machine: as root it installs Chromium and PostgreSQL when they are missing,
# and it runs `npm ci` when node_modules is missing or older than package-lock.json.
# Every step runs even if an earlier one failed; the exit status is non-zero if any step failed.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
started=$SECONDS

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

have_pg_server() { compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; }

# ---- system packages -------------------------------------------------------------------------------
if [ ! -x "$CHROMIUM" ] || ! have_pg_server; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    say "installing chromium and postgresql (apt)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium postgresql >/dev/null
  else
    [ -x "$CHROMIUM" ] || echo "missing $CHROMIUM: install it (apt-get install -y chromium) or set CHROMIUM_PATH" >&2
    have_pg_server || echo "missing PostgreSQL server binaries: apt-get install -y postgresql" >&2
    exit 1
  fi
fi

# ---- node modules ----------------------------------------------------------------------------------
if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  if ! npm ci --no-audit --no-fund; then
    # npm ci refuses a lock file that lacks entries (e.g. platform packages a registry mirror does not
    # serve); npm install tolerates missing optional packages and brings node_modules up to date anyway.
    echo "npm ci failed; falling back to npm install" >&2
    npm install --no-audit --no-fund
  fi
fi

# ---- steps -----------------------------------------------------------------------------------------
results=()
failed=0
step() {
  local name=$1
  shift
  say "$name"
  local t0=$SECONDS
  if "$@"; then
    results+=("PASS  $name ($((SECONDS - t0))s)")
  else
    results+=("FAIL  $name ($((SECONDS - t0))s)")
    failed=1
  fi
}

pg_dir=""
cleanup() {
  if [ -n "$pg_dir" ]; then
    bash "$ROOT/scripts/pg-cluster.sh" stop "$pg_dir" || true
    rm -rf "$pg_dir"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  node -e "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

postgres_suite() {
  pg_dir=$(mktemp -d -t frivillig-pg.XXXXXX)
  local url
  url=$(bash "$ROOT/scripts/pg-cluster.sh" start "$pg_dir" "$(free_port)") || {
    echo "could not start the PostgreSQL cluster; its log:" >&2
    cat "$pg_dir/server.log" >&2 2>/dev/null || true
    return 1
  }
  echo "PostgreSQL test cluster: $url"
  TEST_DATABASE_URL=$url npx vitest run
}

step "typecheck (tsc)" npx tsc -p .
step "lint (biome)" npx biome check .
step "tests on PGlite (vitest)" env -u TEST_DATABASE_URL npx vitest run
step "tests on PostgreSQL (vitest)" postgres_suite
step "browser journeys (vitest + chromium + axe)" env -u TEST_DATABASE_URL npx vitest run --config vitest.browser.config.ts

say "summary ($((SECONDS - started))s)"
printf '  %s\n' "${results[@]}"
exit "$failed"
