#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the tests, under the build folder, on a loopback port.
#   scripts/pg-cluster.sh start DIR   -> prints the postgresql:// URL of a fresh database
#   scripts/pg-cluster.sh stop DIR
set -euo pipefail
cmd=${1:?start|stop}
dir=$(realpath -m "${2:?cluster directory}")
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -x "$bin/initdb" ]] || { echo "PostgreSQL server binaries not found (apt-get install postgresql-15)" >&2; exit 1; }

# PostgreSQL refuses to run as root: run it as the postgres system user then.
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$cmd" in
  start)
    if [[ -f "$dir/port" ]] && as_pg "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      echo "postgresql://pantau@127.0.0.1:$(cat "$dir/port")/pantau_test"; exit 0
    fi
    rm -rf "$dir"; mkdir -p "$dir"
    [[ $(id -u) -eq 0 ]] && chown postgres "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    as_pg "$bin/initdb" -D "$dir/data" -U pantau --auth=trust --locale=C.UTF-8 --encoding=UTF8 >"$dir/initdb.log" 2>&1
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=on -c max_connections=200" start >/dev/null
    as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U pantau pantau_test
    echo "$port" | as_pg tee "$dir/port" >/dev/null
    echo "postgresql://pantau@127.0.0.1:$port/pantau_test"
    ;;
  stop)
    [[ -d "$dir/data" ]] && as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
