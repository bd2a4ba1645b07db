#!/usr/bin/env bash
# Insight import and search benchmark: a million-row CSV file imported end to end (parse, validate,
# store) on a throwaway PostgreSQL cluster and on SQLite, each against the bare way of writing the
# same rows measured in the same run; then search against hand-written SQL. Results: bench/import-results.md.
# Options (environment): IMPORT_ROWS (default 1000000).
set -euo pipefail
cd "$(dirname "$0")/.."

SCL_PG_OPTIONS="-c shared_buffers=1GB -c synchronous_commit=off -c max_wal_size=4GB"
# shellcheck source=../scripts/throwaway-postgres.sh
source scripts/throwaway-postgres.sh
sqlite_file="$(mktemp -d)/import-bench.db"
finish() {
  rm -rf "$(dirname "$sqlite_file")"
  stop_postgres
}
trap finish EXIT

"$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U "$pg_user" scl_import
dotnet build -c Release -nologo -v quiet bench/SeriousCases.Bench
dotnet bench/SeriousCases.Bench/bin/Release/net10.0/SeriousCases.Bench.dll import \
  --postgres "$SCL_PG_BASE;Database=scl_import" --sqlite "$sqlite_file" \
  --rows "${IMPORT_ROWS:-1000000}" --markdown bench/import-results.md
