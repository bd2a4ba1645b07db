#!/usr/bin/env bash
# Runs every test twice: once on SQLite and once on a throwaway PostgreSQL 15 cluster.
# Installs what a fresh machine lacks (Debian chromium for the browser tests, PostgreSQL if absent).
# Extra arguments go to `dotnet test`, e.g. ./test.sh --filter "FullyQualifiedName~Audit".
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=""
apt_install() {
  [ -n "$apt_updated" ] || { as_root apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# --- Browser for Playwright (Debian chromium; Playwright never downloads its own) ---
if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian chromium for the browser tests..."
  apt_install chromium
fi
export SCL_CHROMIUM="${SCL_CHROMIUM:-$(command -v chromium)}"

# --- PostgreSQL 15 binaries ---
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  echo "Installing PostgreSQL..."
  apt_install postgresql
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
fi

# initdb refuses to run as root: run the cluster as an unprivileged user.
pg_user="$(id -un)"
run_pg() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
  pg_user=scltest
  id "$pg_user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$pg_user"
  run_pg() { runuser -u "$pg_user" -- "$@"; }
fi

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pg_port=55432
while ! port_free "$pg_port"; do pg_port=$((pg_port + 1)); done

pg_dir="$(mktemp -d /tmp/scl-pg.XXXXXX)"
chown "$pg_user" "$pg_dir" 2>/dev/null || true
chmod 700 "$pg_dir"
cleanup() {
  run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap cleanup EXIT

echo "Starting a throwaway PostgreSQL cluster on port $pg_port..."
run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U "$pg_user" -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
export SCL_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=$pg_user;Database=postgres"

dotnet build SeriousCases.slnx -nologo -v quiet

status=0
for provider in sqlite postgres; do
  echo "=== Tests on $provider ==="
  SCL_TEST_DATABASE=$provider dotnet test tests/SeriousCases.Tests --no-build -nologo \
    --logger "console;verbosity=minimal" --results-directory "TestResults/$provider" "$@" || status=1
done

[ "$status" -eq 0 ] && echo "All tests passed on SQLite and PostgreSQL." || echo "Some tests failed (see above)."
exit "$status"
