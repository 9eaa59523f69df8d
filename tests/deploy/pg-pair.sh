#!/usr/bin/env bash
# A throwaway PostgreSQL primary with a streaming hot standby, for the deployment tests (which
# restart the primary, so they do not use the shared test cluster of scripts/pg-cluster.sh).
#   tests/deploy/pg-pair.sh start DIR   -> prints "PRIMARY_URL REPLICA_URL"
#   tests/deploy/pg-pair.sh stop DIR | stop-primary DIR | start-primary DIR | stop-replica DIR
# DIR should be under /tmp (the postgres system user must reach it when run as root).
set -euo pipefail
cmd=${1:?start|stop|stop-primary|start-primary|stop-replica}
dir=$(realpath -m "${2:?cluster directory}")
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -x "$bin/initdb" ]] || { echo "PostgreSQL server binaries not found (apt-get install postgresql-15)" >&2; exit 1; }
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

start_node() {  # start_node NAME PORT
  as_pg "$bin/pg_ctl" -D "$dir/$1" -l "$dir/$1.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$2 -c unix_socket_directories=$dir" start >/dev/null
}

case "$cmd" in
  start)
    rm -rf "$dir"; mkdir -p "$dir"
    [[ $(id -u) -eq 0 ]] && chown postgres "$dir"
    pport=$(free_port); rport=$(free_port)
    as_pg "$bin/initdb" -D "$dir/primary" -U pantau --auth=trust --locale=C.UTF-8 --encoding=UTF8 >"$dir/initdb.log" 2>&1
    # The settings of deploy/postgresql/pantau.conf that matter for these tests: WAL for a standby.
    cat <<CONF | as_pg tee -a "$dir/primary/postgresql.conf" >/dev/null
wal_level = replica
max_wal_senders = 5
wal_keep_size = 256MB
hot_standby = on
max_connections = 200
fsync = on
CONF
    echo "host replication pantau 127.0.0.1/32 trust" | as_pg tee -a "$dir/primary/pg_hba.conf" >/dev/null
    start_node primary "$pport"
    as_pg "$bin/createdb" -h 127.0.0.1 -p "$pport" -U pantau pantau_deploy
    # The standby: a base backup of the primary that follows its WAL (standby.signal, -R).
    as_pg "$bin/pg_basebackup" -h 127.0.0.1 -p "$pport" -U pantau -D "$dir/replica" -R -X stream >/dev/null
    start_node replica "$rport"
    echo "$pport" | as_pg tee "$dir/primary.port" >/dev/null
    echo "$rport" | as_pg tee "$dir/replica.port" >/dev/null
    echo "postgresql://pantau@127.0.0.1:$pport/pantau_deploy postgresql://pantau@127.0.0.1:$rport/pantau_deploy"
    ;;
  stop-primary) as_pg "$bin/pg_ctl" -D "$dir/primary" -m fast -w stop >/dev/null ;;
  start-primary) start_node primary "$(cat "$dir/primary.port")" ;;
  stop-replica) as_pg "$bin/pg_ctl" -D "$dir/replica" -m fast -w stop >/dev/null ;;
  start-replica) start_node replica "$(cat "$dir/replica.port")" ;;
  stop)
    for n in replica primary; do
      [[ -d "$dir/$n" ]] && as_pg "$bin/pg_ctl" -D "$dir/$n" -m fast -w stop >/dev/null 2>&1 || true
    done
    ;;
  *) echo "usage: $0 start|stop|stop-primary|start-primary|stop-replica|start-replica DIR" >&2; exit 2 ;;
esac
