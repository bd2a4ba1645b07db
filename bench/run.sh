#!/usr/bin/env bash
# Department-scale benchmark on this machine: a throwaway PostgreSQL cluster, ten years of generated
# data loaded with COPY, the service in Release on loopback, and the load runner reporting each page
# as a ratio to its reference endpoint measured in the same run. Results: bench/results.md.
# Options (environment): BENCH_SCALE (1 = department scale), BENCH_SECONDS (per endpoint, default 10),
# BENCH_CONNECTIONS (default 16), BENCH_ONLY (a comma-separated list of the steps to run: load, escalate,
# publication, themes, management; all by default), BENCH_REGISTER_USERS (concurrent users on the register,
# default 8), BENCH_LOAD_ONLY ("register": the load step measures only the register and its reference).
set -euo pipefail
cd "$(dirname "$0")/.."

SCL_PG_OPTIONS="-c shared_buffers=1GB -c synchronous_commit=off"
# shellcheck source=../scripts/throwaway-postgres.sh
source scripts/throwaway-postgres.sh
app_pid=""
finish() {
  [ -z "$app_pid" ] || kill "$app_pid" 2>/dev/null || true
  stop_postgres
}
trap finish EXIT
want() { [ -z "${BENCH_ONLY:-}" ] || [[ ",$BENCH_ONLY," == *",$1,"* ]]; }
command -v wrk >/dev/null 2>&1 || { echo "Installing wrk..."; apt_install wrk || echo "wrk unavailable: the built-in .NET client will load the service."; }

"$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U "$pg_user" scl_bench
export Database__Provider=Postgres
export ConnectionStrings__Postgres="$SCL_PG_BASE;Database=scl_bench;Maximum Pool Size=16"
export Serilog__MinimumLevel__Default=Warning
# The load comes from one address: the service's rate limits (sign-in, API) would measure the limiter instead.
export RateLimiting__SignIn__PermitLimit=1000000 RateLimiting__Api__PermitLimit=100000000

dotnet build -c Release -nologo -v quiet src/SeriousCases.Cli
dotnet build -c Release -nologo -v quiet src/SeriousCases.Web
dotnet build -c Release -nologo -v quiet bench/SeriousCases.Bench

echo "Migrating and loading the demo..."
dotnet src/SeriousCases.Cli/bin/Release/net10.0/SeriousCases.Cli.dll migrate
dotnet src/SeriousCases.Cli/bin/Release/net10.0/SeriousCases.Cli.dll seed-demo

echo "Generating department-scale data..."
dotnet bench/SeriousCases.Bench/bin/Release/net10.0/SeriousCases.Bench.dll generate \
  --postgres "$ConnectionStrings__Postgres" --scale "${BENCH_SCALE:-1}"

app_port=5090
while ! port_free "$app_port"; do app_port=$((app_port + 1)); done
echo "Starting the service (Release) on port $app_port..."
ASPNETCORE_ENVIRONMENT=Benchmark Benchmark__ReferenceEndpoints=true Demo__Enabled=true Demo__SeedWhenEmpty=false \
  ASPNETCORE_URLS="http://127.0.0.1:$app_port" \
  dotnet src/SeriousCases.Web/bin/Release/net10.0/SeriousCases.Web.dll >"$pg_dir/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$app_port/health" >/dev/null 2>&1 && break
  sleep 1
done

status=0
if want load; then
  echo "Measuring (${BENCH_SECONDS:-10} s per endpoint, ${BENCH_CONNECTIONS:-16} connections)..."
  dotnet bench/SeriousCases.Bench/bin/Release/net10.0/SeriousCases.Bench.dll load \
    --base-url "http://127.0.0.1:$app_port" --seconds "${BENCH_SECONDS:-10}" \
    --connections "${BENCH_CONNECTIONS:-16}" --register-users "${BENCH_REGISTER_USERS:-8}" \
    ${BENCH_LOAD_ONLY:+--only "$BENCH_LOAD_ONLY"} --markdown bench/results.md || status=$?
fi
if want escalate; then
  echo "Timing the escalation run over the generated register..."
  dotnet bench/SeriousCases.Bench/bin/Release/net10.0/SeriousCases.Bench.dll escalate \
    --postgres "$ConnectionStrings__Postgres" --markdown bench/results.md || status=$?
fi
if want publication; then
  echo "Timing a year's annual publication over the generated data..."
  dotnet bench/SeriousCases.Bench/bin/Release/net10.0/SeriousCases.Bench.dll publication \
    --postgres "$ConnectionStrings__Postgres" --markdown bench/results.md || status=$?
fi
if want themes; then
  echo "Timing the themes overview and a theme's series against hand-written SQL, on PostgreSQL and on a SQLite copy..."
  dotnet bench/SeriousCases.Bench/bin/Release/net10.0/SeriousCases.Bench.dll themes \
    --postgres "$ConnectionStrings__Postgres" --sqlite "$pg_dir/themes.db" --markdown bench/results.md || status=$?
fi
if want management; then
  echo "Timing the management dashboard's aggregations and the dashboard under 8 users..."
  dotnet bench/SeriousCases.Bench/bin/Release/net10.0/SeriousCases.Bench.dll management \
    --postgres "$ConnectionStrings__Postgres" --base-url "http://127.0.0.1:$app_port" --markdown bench/results.md || status=$?
fi
exit "$status"
