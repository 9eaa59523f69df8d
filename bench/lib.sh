# Shared by the benchmark scripts (source it): timing, CPU accounting and one wrk measurement.
# The caller sets SCPU (server core), CCPU (client core), QUIET_WAIT, TMP, and exports the
# session variables its wrk scripts read (PANTAU_BENCH_COOKIE, PANTAU_BENCH_CSRF).

CLK_TCK="$(getconf CLK_TCK)"
log() { echo "bench: $*" >&2; }
median() { sort -g | awk '{a[NR]=$1} END {if (NR==0) print "nan"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
minmax() { sort -g | awk -v f="${1:-%s}" 'NR==1{mn=$1} {mx=$1} END {printf f "–" f, mn, mx}'; }
pid_jiffies() { awk '{print $14+$15}' "/proc/$1/stat"; }
cpu_busy() { awk -v c="cpu$1" '$1==c {print $2+$3+$4, $9}' /proc/stat; }
fmt_int() { awk -v v="$1" 'BEGIN {printf "%.0f", v}'; }
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000;
    printf "%.2f", n }'
}
# Waits until both cores were below 50% busy for a second (at most QUIET_WAIT seconds).
wait_quiet() {
  local waited=0
  while [ "$waited" -lt "$QUIET_WAIT" ]; do
    local a0 a1 b0 b1
    read -r a0 _ < <(cpu_busy "$SCPU"); read -r b0 _ < <(cpu_busy "$CCPU")
    sleep 1
    read -r a1 _ < <(cpu_busy "$SCPU"); read -r b1 _ < <(cpu_busy "$CCPU")
    if [ $(( (a1 - a0) * 100 / CLK_TCK )) -lt 50 ] && [ $(( (b1 - b0) * 100 / CLK_TCK )) -lt 50 ]; then return 0; fi
    waited=$((waited + 1))
  done
  [ "$QUIET_WAIT" -gt 0 ] && log "machine still busy after $QUIET_WAIT s; measuring anyway"
  return 0
}
# wait_http URL PID: until URL answers 200 (the process must stay alive).
wait_http() {
  local code
  for _ in $(seq 1 3000); do
    code=$(taskset -c "$CCPU" curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$1" || true)
    [ "$code" = 200 ] && return 0
    kill -0 "$2" 2>/dev/null || { log "server exited during start-up"; return 1; }
    sleep 0.05
  done
  log "server not ready: $1"
  return 1
}
# wrk_measure OUT_PREFIX PID CONNS DURATION WARMUP URL SCRIPT [ARG] -> prints one tab-separated line:
# req/s, p50 ms, p99 ms, requests, non-2xx, socket errors, server CPU %, other CPU on the server
# core %, CPU µs/req, p90 ms. wrk runs on CCPU after a warm-up; the server's CPU is read from /proc.
wrk_measure() {
  local pre="$1" pid="$2" conns="$3" dur="$4" warm="$5" url="$6" script="$7" arg="${8:-}" threads=2
  [ "$conns" -lt 2 ] && threads=1
  wait_quiet
  taskset -c "$CCPU" wrk -t"$threads" -c"$conns" -d"${warm}s" --timeout 30s -s "$script" "$url" ${arg:+-- "warm$arg"} >"$pre-warm.txt" 2>&1 || true
  local j0 j1 c0 c1 s0 s1 t0 t1 out="$pre.txt"
  j0=$(pid_jiffies "$pid"); read -r c0 s0 < <(cpu_busy "$SCPU"); t0=$EPOCHREALTIME
  taskset -c "$CCPU" wrk -t"$threads" -c"$conns" -d"${dur}s" --timeout 30s --latency -s "$script" "$url" ${arg:+-- "$arg"} >"$out" 2>&1 || true
  j1=$(pid_jiffies "$pid"); read -r c1 s1 < <(cpu_busy "$SCPU"); t1=$EPOCHREALTIME
  local secs rps reqs
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
  [ -n "$rps" ] || { log "wrk failed:"; cat "$out" >&2; return 1; }
  reqs=$(awk '/requests in/ {print $1}' "$out")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$rps" \
    "$(to_ms "$(awk '$1=="50%" {print $2}' "$out")")" "$(to_ms "$(awk '$1=="99%" {print $2}' "$out")")" "$reqs" \
    "$(awk '/Non-2xx or 3xx responses:/ {print $5}' "$out" | grep . || echo 0)" \
    "$(awk -F'[ ,]+' '/Socket errors:/ {print $4+$6+$8+$10}' "$out" | grep . || echo 0)" \
    "$(awk -v j=$((j1 - j0)) -v s="$secs" -v h="$CLK_TCK" 'BEGIN {printf "%.0f", j / h / s * 100}')" \
    "$(awk -v c=$((c1 - c0)) -v j=$((j1 - j0)) -v s="$secs" -v h="$CLK_TCK" 'BEGIN {f = (c - j) / h / s * 100; if (f < 0) f = 0; printf "%.0f", f}')" \
    "$(awk -v j=$((j1 - j0)) -v h="$CLK_TCK" -v r="$reqs" 'BEGIN {printf "%.0f", (r > 0 ? j / h / r * 1e6 : 0)}')" \
    "$(to_ms "$(awk '$1=="90%" {print $2}' "$out")")"
}
