#!/usr/bin/env bash
# Issue 7's benchmark on its own: a throwaway PostgreSQL cluster with ten years of generated data, then the themes
# overview and a theme's XmR series through the service against hand-written SQL, on PostgreSQL and on a SQLite copy
# of the same rows. Results: bench/themes-results.md. Options (environment): BENCH_SCALE (1 = department scale),
# BENCH_RUNS (measured runs of each query, default 15).
set -euo pipefail
cd "$(dirname "$0")/.."

SCL_PG_OPTIONS="-c shared_buffers=1GB -c synchronous_commit=off"
# shellcheck source=../scripts/throwaway-postgres.sh
source scripts/throwaway-postgres.sh
trap stop_postgres EXIT

"$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U "$pg_user" scl_themes
export Database__Provider=Postgres
# A generous command timeout: on a shared machine the COPY of a million rows can take minutes.
export ConnectionStrings__Postgres="$SCL_PG_BASE;Database=scl_themes;Maximum Pool Size=16;Command Timeout=900"
export Serilog__MinimumLevel__Default=Warning

dotnet build -c Release -nologo -v quiet src/SeriousCases.Cli
dotnet build -c Release -nologo -v quiet bench/SeriousCases.Bench

echo "Migrating and loading the demo..."
dotnet src/SeriousCases.Cli/bin/Release/net10.0/SeriousCases.Cli.dll migrate
dotnet src/SeriousCases.Cli/bin/Release/net10.0/SeriousCases.Cli.dll seed-demo
echo "Generating department-scale data..."
dotnet bench/SeriousCases.Bench/bin/Release/net10.0/SeriousCases.Bench.dll generate \
  --postgres "$ConnectionStrings__Postgres" --scale "${BENCH_SCALE:-1}"
"$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U "$pg_user" -d scl_themes -qc "VACUUM ANALYZE" >/dev/null

rm -f bench/themes-results.md
dotnet bench/SeriousCases.Bench/bin/Release/net10.0/SeriousCases.Bench.dll themes \
  --postgres "$ConnectionStrings__Postgres" --sqlite "$pg_dir/themes.db" --runs "${BENCH_RUNS:-15}" \
  --markdown bench/themes-results.md
