# Sourced by test.sh and bench/run.sh: starts a throwaway PostgreSQL cluster on a free port as an
# unprivileged user (initdb refuses root), installing PostgreSQL if the machine lacks it, and stops
# and deletes it when the calling script exits. Sets pg_port, pg_user, pg_dir and SCL_PG_BASE
# (a connection string without a database).

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated="${apt_updated:-}"
apt_install() {
  [ -n "$apt_updated" ] || { as_root apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  echo "Installing PostgreSQL..."
  apt_install postgresql
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
fi

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
stop_postgres() {
  run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}

echo "Starting a throwaway PostgreSQL cluster on port $pg_port..."
run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U "$pg_user" -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 ${SCL_PG_OPTIONS:-} -c max_connections=300" start >/dev/null
SCL_PG_BASE="Host=127.0.0.1;Port=$pg_port;Username=$pg_user"
