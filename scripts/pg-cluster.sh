#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the tests, on a loopback port.
#   scripts/pg-cluster.sh start DIR   -> prints the postgresql:// URL of a fresh database
#   scripts/pg-cluster.sh stop DIR
# DIR (e.g. build/pgtest) keeps the port and where the cluster lives. Run as root, PostgreSQL
# runs as the postgres system user, which may not be able to enter the checkout (a clone in
# /root, say): the cluster's files then live in a folder of its own under /tmp, whatever DIR is.
# The cluster uses a non-C locale (en_US.UTF-8) like a real installation, so that a text column
# compared by byte order without COLLATE "C" shows up in the tests.
set -euo pipefail
cmd=${1:?start|stop}
dir=$(realpath -m "${2:?cluster directory}")
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -x "$bin/initdb" ]] || { echo "PostgreSQL server binaries not found (apt-get install postgresql-15)" >&2; exit 1; }

# PostgreSQL refuses to run as root: run it as the postgres system user then.
# (From / : the postgres user may not be able to enter the current folder either.)
as_pg() { if [[ $(id -u) -eq 0 ]]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }
# Where the cluster's files are (recorded at start).
home_of() { if [[ -f "$1/location" ]]; then cat "$1/location"; else echo "$1"; fi; }

case "$cmd" in
  start)
    if [[ -f "$dir/port" ]] && as_pg "$bin/pg_ctl" -D "$(home_of "$dir")/data" status >/dev/null 2>&1; then
      echo "postgresql://pantau@127.0.0.1:$(cat "$dir/port")/pantau_test"; exit 0
    fi
    if [[ -f "$dir/location" ]]; then rm -rf "$(cat "$dir/location")"; fi
    rm -rf "$dir"; mkdir -p "$dir"
    home=$dir
    if [[ $(id -u) -eq 0 ]]; then
      home=$(mktemp -d /tmp/pantau-pgtest.XXXXXX)
      chown postgres "$home"
      echo "$home" >"$dir/location"
    fi
    locale=en_US.UTF-8
    if ! locale -a 2>/dev/null | grep -qix 'en_US.utf-\?8'; then
      echo "pg-cluster: locale en_US.UTF-8 is missing (scripts/install-deps.sh --test generates it); using C.UTF-8" >&2
      locale=C.UTF-8
    fi
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    as_pg "$bin/initdb" -D "$home/data" -U pantau --auth=trust --locale="$locale" --encoding=UTF8 >"$dir/initdb.log" 2>&1
    as_pg "$bin/pg_ctl" -D "$home/data" -l "$home/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$home -c fsync=on -c max_connections=200" start >/dev/null
    as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U pantau pantau_test
    echo "$port" >"$dir/port"
    echo "postgresql://pantau@127.0.0.1:$port/pantau_test"
    ;;
  stop)
    home=$(home_of "$dir")
    [[ -d "$home/data" ]] && as_pg "$bin/pg_ctl" -D "$home/data" -m fast -w stop >/dev/null 2>&1 || true
    if [[ -f "$dir/location" ]]; then rm -rf "$home" "$dir/location"; fi
    ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
