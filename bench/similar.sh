#!/usr/bin/env bash
# Similar findings at department scale: a throwaway PostgreSQL cluster, the generated data (100,000 findings), then
# `SeriousCases.Bench similar`, which times a lookup through the cached index against reading and weighing every
# finding per lookup, interleaved in the same run. Results appended to bench/similar-results.md.
# Options (environment): BENCH_SCALE (1 = department scale), SIMILAR_ROUNDS (default 7).
set -euo pipefail
cd "$(dirname "$0")/.."

SCL_PG_OPTIONS="-c shared_buffers=1GB -c synchronous_commit=off"
# shellcheck source=../scripts/throwaway-postgres.sh
source scripts/throwaway-postgres.sh
trap stop_postgres EXIT

"$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U "$pg_user" scl_bench
# Generous timeouts: on a shared, loaded machine a bulk COPY can pause longer than the default 30 s.
cs="$SCL_PG_BASE;Database=scl_bench;Maximum Pool Size=16;Timeout=60;Command Timeout=900"
export Database__Provider=Postgres ConnectionStrings__Postgres="$cs" Serilog__MinimumLevel__Default=Warning

dotnet build -c Release -nologo -v quiet src/SeriousCases.Cli
dotnet build -c Release -nologo -v quiet bench/SeriousCases.Bench
dotnet src/SeriousCases.Cli/bin/Release/net10.0/SeriousCases.Cli.dll migrate
dotnet src/SeriousCases.Cli/bin/Release/net10.0/SeriousCases.Cli.dll seed-demo
dotnet bench/SeriousCases.Bench/bin/Release/net10.0/SeriousCases.Bench.dll generate --postgres "$cs" --scale "${BENCH_SCALE:-1}"
dotnet bench/SeriousCases.Bench/bin/Release/net10.0/SeriousCases.Bench.dll similar --postgres "$cs" \
  --rounds "${SIMILAR_ROUNDS:-7}" --markdown bench/similar-results.md
