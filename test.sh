#!/usr/bin/env bash
# Runs every test twice: once on SQLite and once on a throwaway PostgreSQL 15 cluster.
# Installs what a fresh machine lacks (Debian chromium for the browser tests, PostgreSQL if absent).
# Extra arguments go to `dotnet test`, e.g. ./test.sh --filter "FullyQualifiedName~Audit".
set -euo pipefail
cd "$(dirname "$0")"

# Throwaway PostgreSQL cluster (tests need no durability: fsync off).
SCL_PG_OPTIONS="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
# shellcheck source=scripts/throwaway-postgres.sh
source scripts/throwaway-postgres.sh
trap stop_postgres EXIT
export SCL_TEST_POSTGRES="$SCL_PG_BASE;Database=postgres"

# --- Browser for Playwright (Debian chromium; Playwright never downloads its own) ---
if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian chromium for the browser tests..."
  apt_install chromium
fi
export SCL_CHROMIUM="${SCL_CHROMIUM:-$(command -v chromium)}"

dotnet build SeriousCases.slnx -nologo -v quiet

status=0
for provider in sqlite postgres; do
  echo "=== Tests on $provider ==="
  SCL_TEST_DATABASE=$provider dotnet test tests/SeriousCases.Tests --no-build -nologo \
    --logger "console;verbosity=minimal" --results-directory "TestResults/$provider" "$@" || status=1
done

[ "$status" -eq 0 ] && echo "All tests passed on SQLite and PostgreSQL." || echo "Some tests failed (see above)."
exit "$status"
