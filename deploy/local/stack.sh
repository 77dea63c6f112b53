#!/usr/bin/env bash
# Smarketing local infrastructure without Docker.
#
#   bash deploy/local/stack.sh start   [kafka|registry]   start (idempotent), then provision
#   bash deploy/local/stack.sh stop    [kafka|registry]   TERM, then KILL after a timeout (no argument:
#                                                         also `postgres.mjs stop`, an embedded PG only)
#   bash deploy/local/stack.sh restart [kafka|registry]
#   bash deploy/local/stack.sh status                     exit 0 only if kafka and registry are up
#   bash deploy/local/stack.sh logs    [kafka|registry]   tail a log (follows on a terminal)
#   bash deploy/local/stack.sh reset                      stop everything, then wipe .local/data
#
# Components (all on loopback):
#   kafka     Apache Kafka 4.4.0, KRaft single node (broker+controller), jars from Maven Central
#   registry  Apicurio Registry 3.3.3 (Quarkus assembly from Maven Central), SQL storage in
#             PostgreSQL database smarketing_registry, Confluent API under /apis/ccompat/v7
# PostgreSQL itself is not managed here (it is expected at DATABASE_URL).
#
# Addresses (same names the services use):
#   KAFKA_BROKERS        127.0.0.1:9092
#   SCHEMA_REGISTRY_URL  http://127.0.0.1:8081/apis/ccompat/v7
#   DATABASE_URL         postgres://postgres@127.0.0.1:5432/postgres
# A component whose address already answers (Docker, another checkout) is not started again.
#
# Tuning (env): KAFKA_HEAP_OPTS (-Xms256m -Xmx1g), KAFKA_FSYNC (1; 0 = no fsync per message),
#   KAFKA_CONTROLLER_PORT (9093), KAFKA_JAVA, KAFKA_START_TIMEOUT (120), KAFKA_STOP_TIMEOUT (60),
#   REGISTRY_HEAP_OPTS (-Xms128m -Xmx512m), REGISTRY_DB (smarketing_registry),
#   REGISTRY_MANAGEMENT_PORT (8091, serves /health), REGISTRY_JAVA (a java >= 21),
#   REGISTRY_ACCESS_LOG (0), REGISTRY_START_TIMEOUT (180), REGISTRY_STOP_TIMEOUT (30),
#   STACK_SKIP_PROVISION (0), RESET_REGISTRY_DB (0: `reset` also drops the registry database).
# State lives in $STACK_HOME/{data,logs,run} (default <repo>/.local), downloads in <repo>/.local/cache
# (git-ignored). The test stack is the same script with libs/config's test variables:
#   eval "$(node -r @swc-node/register libs/config/src/stack-env.main.ts test)"; bash deploy/local/stack.sh start
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$SCRIPT_DIR/../.." && pwd)"
# Downloads are shared; state belongs to one stack: STACK_HOME (.local for `./smarketing up`,
# .local/test for the test stack that `./smarketing test` runs on other ports; libs/config's STACKS).
CACHE_DIR="$REPO/.local/cache"
LOCAL_DIR="${STACK_HOME:-$REPO/.local}"
DATA_DIR="$LOCAL_DIR/data"
LOG_DIR="$LOCAL_DIR/logs"
RUN_DIR="$LOCAL_DIR/run"

KAFKA_VERSION=4.4.0
APICURIO_VERSION=3.3.3
KAFKA_HOME="$CACHE_DIR/kafka-$KAFKA_VERSION"
KAFKA_LIBS="$KAFKA_HOME/libs"
APICURIO_HOME="$CACHE_DIR/apicurio-$APICURIO_VERSION"

export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:9092}"
export SCHEMA_REGISTRY_URL="${SCHEMA_REGISTRY_URL:-http://127.0.0.1:8081/apis/ccompat/v7}"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"

KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx1g}"
KAFKA_JVM_PERFORMANCE_OPTS="${KAFKA_JVM_PERFORMANCE_OPTS:--XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true}"
KAFKA_FSYNC="${KAFKA_FSYNC:-1}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-120}"
KAFKA_STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-60}"
REGISTRY_HEAP_OPTS="${REGISTRY_HEAP_OPTS:--Xms128m -Xmx512m}"
REGISTRY_DB="${REGISTRY_DB:-smarketing_registry}"
REGISTRY_MANAGEMENT_PORT="${REGISTRY_MANAGEMENT_PORT:-8091}"
REGISTRY_ACCESS_LOG="${REGISTRY_ACCESS_LOG:-0}"
REGISTRY_START_TIMEOUT="${REGISTRY_START_TIMEOUT:-180}"
REGISTRY_STOP_TIMEOUT="${REGISTRY_STOP_TIMEOUT:-30}"

COMPONENTS=(kafka registry)

# ---------------------------------------------------------------- helpers
say()  { printf '%s\n' "$*"; }
warn() { printf 'stack: %s\n' "$*" >&2; }
die()  { printf 'stack: error: %s\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

node_bin() {
  if [[ -x "$REPO/node_modules/.bin/node" ]]; then echo "$REPO/node_modules/.bin/node"; else echo node; fi
}

sha256() { if have sha256sum; then sha256sum "$1" | cut -d' ' -f1; else shasum -a 256 "$1" | cut -d' ' -f1; fi; }

# host:port of the first entry of KAFKA_BROKERS
kafka_host() { local b="${KAFKA_BROKERS%%,*}"; b="${b#*://}"; echo "${b%:*}"; }
kafka_port() { local b="${KAFKA_BROKERS%%,*}"; b="${b#*://}"; echo "${b##*:}"; }

# SCHEMA_REGISTRY_URL = http://host:port/path
registry_host() { local u="${SCHEMA_REGISTRY_URL#*://}"; u="${u%%/*}"; echo "${u%:*}"; }
registry_port() {
  local u="${SCHEMA_REGISTRY_URL#*://}"; u="${u%%/*}"
  if [[ "$u" == *:* ]]; then echo "${u##*:}"; else echo 80; fi
}
registry_root() { local u="${SCHEMA_REGISTRY_URL#*://}"; echo "${SCHEMA_REGISTRY_URL%%://*}://${u%%/*}"; }

# DATABASE_URL = postgres[ql]://[user[:password]@]host[:port][/db][?query]
pg_parse() {
  local re='^postgres(ql)?://(([^:@/]*)(:([^@/]*))?@)?([^:/?]+)(:([0-9]+))?(/([^?]*))?(\?.*)?$'
  [[ "$DATABASE_URL" =~ $re ]] || die "cannot parse DATABASE_URL=$DATABASE_URL"
  PG_USER="$(urldecode "${BASH_REMATCH[3]:-postgres}")"
  PG_PASSWORD="$(urldecode "${BASH_REMATCH[5]:-}")"
  PG_HOST="${BASH_REMATCH[6]}"
  PG_PORT="${BASH_REMATCH[8]:-5432}"

}
urldecode() { local s="${1//+/ }"; printf '%b' "${s//%/\\x}"; }

is_loopback() { [[ "$1" == 127.* || "$1" == localhost || "$1" == "::1" || "$1" == "[::1]" ]]; }
bind_addr()   { if [[ "$1" == localhost ]]; then echo 127.0.0.1; else echo "$1"; fi; }

tcp_open() { # host port
  local h="$1" p="$2"
  if have timeout; then timeout 2 bash -c "exec 3<>/dev/tcp/$h/$p" 2>/dev/null
  else bash -c "exec 3<>/dev/tcp/$h/$p" 2>/dev/null; fi
}

http_ok() { curl -fsS -o /dev/null --max-time 3 "$1" 2>/dev/null; }

pidfile() { echo "$RUN_DIR/$1.pid"; }
logfile() { echo "$LOG_DIR/$1.log"; }

alive() { # pid -> running and not a zombie
  local st
  st="$(ps -o stat= -p "$1" 2>/dev/null)" || return 1
  [[ -n "$st" && "$st" != Z* ]]
}

# pid of a component this stack started (verified by the marker on its command line), or ""
our_pid() {
  local f pid; f="$(pidfile "$1")"
  [[ -s "$f" ]] || return 0
  pid="$(cat "$f")"
  if [[ "$pid" =~ ^[0-9]+$ ]] && alive "$pid" \
     && ps -ww -o args= -p "$pid" 2>/dev/null \
        | grep -qF -- "-Dsmarketing.stack.component=$1 -Dsmarketing.stack.home=$LOCAL_DIR "; then
    echo "$pid"
  fi
}

# Start a detached process, pid written by the process itself (it then execs the command).
launch() { # name cmd...
  local name="$1"; shift
  local pf log; pf="$(pidfile "$name")"; log="$(logfile "$name")"
  rm -f "$pf"
  [[ -f "$log" ]] && mv -f "$log" "$log.1"
  # shellcheck disable=SC2016 # expanded by the inner sh
  local runner=(sh -c 'echo $$ > "$0"; exec "$@"' "$pf" "$@")
  if have setsid; then
    ( cd "$REPO" && exec setsid "${runner[@]}" >>"$log" 2>&1 </dev/null 9>&- ) &
  else
    ( cd "$REPO" && exec nohup "${runner[@]}" >>"$log" 2>&1 </dev/null 9>&- ) &
  fi
  local _
  for _ in $(seq 1 50); do [[ -s "$pf" ]] && break; sleep 0.1; done
  [[ -s "$pf" ]] || die "$name: failed to launch"
}

fail_with_log() { # name message
  local log; log="$(logfile "$1")"
  warn "$1: $2"
  if [[ -f "$log" ]]; then
    warn "---- last 40 lines of ${log#"$REPO"/} ----"
    tail -n 40 "$log" >&2 || true
    warn "----"
  fi
  exit 1
}

java_major() { # java-binary -> major version number
  "$1" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit}'
}

find_java() { # min-major preferred-binary -> path of a java >= min
  local min="$1" preferred="${2:-}" c m
  local candidates=()
  [[ -n "$preferred" ]] && candidates+=("$preferred")
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME/bin/java")
  have java && candidates+=("$(command -v java)")
  for c in /usr/lib/jvm/*/bin/java /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java; do
    [[ -x "$c" ]] && candidates+=("$c")
  done
  for c in "${candidates[@]}"; do
    [[ -x "$c" ]] || continue
    m="$(java_major "$c" 2>/dev/null || true)"
    if [[ "$m" =~ ^[0-9]+$ ]] && (( m >= min )); then echo "$c"; return 0; fi
  done
  return 1
}

mvn_fetch() { # pom outdir
  have mvn || die "Maven (mvn) is needed once to fetch $1 dependencies into .local/cache"
  # Maven's launcher prints colour resets even with -Dstyle.color=never: strip escape codes and blank lines.
  local rc=0
  mvn -q -B -Dstyle.color=never -f "$1" dependency:copy-dependencies -DoutputDirectory="$2" 2>&1 \
    | sed -e 's/\x1b\[[0-9;]*m//g' -e '/^[[:space:]]*$/d' >&2 || rc=$?
  (( rc == 0 )) || die "mvn could not resolve $(basename "$(dirname "$1")") artifacts (see output above)"
}

with_lock() {
  mkdir -p "$RUN_DIR"
  if have flock; then
    exec 9>"$RUN_DIR/stack.lock"
    flock -w 600 9 || die "another stack.sh is still running (lock $RUN_DIR/stack.lock)"
  fi
}

# ---------------------------------------------------------------- kafka
kafka_ensure_libs() {
  local pom="$SCRIPT_DIR/kafka/pom.xml" stamp="$KAFKA_LIBS/.pom.sha256" sum
  sum="$(sha256 "$pom")"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$sum" ]]; then return 0; fi
  say "kafka     fetching Kafka $KAFKA_VERSION jars from Maven Central ..."
  local tmp="$KAFKA_HOME/libs.tmp"
  rm -rf "$tmp"; mkdir -p "$tmp"
  mvn_fetch "$pom" "$tmp"
  rm -rf "$KAFKA_LIBS"; mv "$tmp" "$KAFKA_LIBS"
  echo "$sum" > "$stamp"
}

kafka_java() {
  find_java 17 "${KAFKA_JAVA:-}" || die "kafka: needs Java 17+ (set KAFKA_JAVA=/path/to/bin/java)"
}

kafka_write_config() { # -> $DATA_DIR/kafka/server.properties
  local host port dir; host="$(bind_addr "$(kafka_host)")"; port="$(kafka_port)"
  dir="$DATA_DIR/kafka"
  mkdir -p "$dir/kraft-combined-logs"
  {
    echo "# Generated by deploy/local/stack.sh on every start; edit the script, not this file."
    echo "process.roles=broker,controller"
    echo "node.id=1"
    echo "controller.quorum.voters=1@$host:$KAFKA_CONTROLLER_PORT"
    echo "listeners=PLAINTEXT://$host:$port,CONTROLLER://$host:$KAFKA_CONTROLLER_PORT"
    echo "advertised.listeners=PLAINTEXT://$(kafka_host):$port"
    echo "controller.listener.names=CONTROLLER"
    echo "inter.broker.listener.name=PLAINTEXT"
    echo "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"
    echo "log.dirs=$dir/kraft-combined-logs"
    echo "num.partitions=6"
    echo "default.replication.factor=1"
    echo "min.insync.replicas=1"
    echo "auto.create.topics.enable=false"
    echo "group.initial.rebalance.delay.ms=0"
    echo "offsets.topic.replication.factor=1"
    echo "transaction.state.log.replication.factor=1"
    echo "transaction.state.log.min.isr=1"
    echo "share.coordinator.state.topic.replication.factor=1"
    echo "share.coordinator.state.topic.min.isr=1"
    if [[ "$KAFKA_FSYNC" != 0 ]]; then
      echo "# durable: fsync after every appended batch (KAFKA_FSYNC=0 leaves it to the OS)"
      echo "log.flush.interval.messages=1"
    fi
  } > "$dir/server.properties.tmp"
  mv "$dir/server.properties.tmp" "$dir/server.properties"
}

kafka_tool() { # java-binary main-class args... (quiet logging)
  local j="$1"; shift
  "$j" -Dlog4j2.configurationFile="$SCRIPT_DIR/kafka/log4j2-tools.xml" -cp "$KAFKA_LIBS/*" "$@"
}

kafka_format_if_needed() { # java
  local j="$1" dir="$DATA_DIR/kafka" id
  [[ -f "$dir/kraft-combined-logs/meta.properties" ]] && return 0
  if [[ -s "$dir/cluster.id" ]]; then id="$(cat "$dir/cluster.id")"
  else
    id="$(kafka_tool "$j" kafka.tools.StorageTool random-uuid | tail -n 1)"
    [[ "$id" =~ ^[A-Za-z0-9_-]{22}$ ]] || die "kafka: could not generate a cluster id (got '$id')"
    echo "$id" > "$dir/cluster.id"
  fi
  say "kafka     formatting storage (cluster id $id)"
  kafka_tool "$j" kafka.tools.StorageTool format --ignore-formatted -t "$id" \
    -c "$dir/server.properties" >/dev/null || die "kafka: storage format failed"
}

kafka_probe() { # java timeout-ms
  local j="$1" src="$SCRIPT_DIR/kafka/KafkaProbe.java" dir="$KAFKA_HOME/probe" sum javac
  sum="$(sha256 "$src")"
  if [[ ! -f "$dir/KafkaProbe.class" || "$(cat "$dir/.sha256" 2>/dev/null)" != "$sum" ]]; then
    javac="$(dirname "$j")/javac"
    if [[ -x "$javac" ]]; then
      rm -rf "$dir"; mkdir -p "$dir"
      "$javac" -nowarn -d "$dir" -cp "$KAFKA_LIBS/*" "$src" && echo "$sum" > "$dir/.sha256"
    fi
  fi
  if [[ -f "$dir/.sha256" ]]; then # compiled once (starts in ~1s instead of ~3s)
    "$j" -XX:TieredStopAtLevel=1 -Dlog4j2.configurationFile="$SCRIPT_DIR/kafka/log4j2-tools.xml" \
      -cp "$dir:$KAFKA_LIBS/*" KafkaProbe "$KAFKA_BROKERS" "${2:-10000}"
  else # JRE without javac: source-file mode
    kafka_tool "$j" "$src" "$KAFKA_BROKERS" "${2:-10000}"
  fi
}

start_kafka() {
  local host port pid j t0=$SECONDS
  host="$(kafka_host)"; port="$(kafka_port)"
  pid="$(our_pid kafka)"
  if [[ -z "$pid" ]]; then
    if tcp_open "$host" "$port"; then
      say "kafka     $host:$port already reachable (not started by this stack) - using it"
      return 0
    fi
    is_loopback "$host" || die "kafka: KAFKA_BROKERS=$KAFKA_BROKERS is not reachable and not local"
    if tcp_open "$(bind_addr "$host")" "$KAFKA_CONTROLLER_PORT"; then
      die "kafka: controller port $KAFKA_CONTROLLER_PORT is in use by another process (set KAFKA_CONTROLLER_PORT)"
    fi
    kafka_ensure_libs
    j="$(kafka_java)"
    mkdir -p "$LOG_DIR" "$RUN_DIR"
    kafka_write_config
    kafka_format_if_needed "$j"
    # shellcheck disable=SC2086
    launch kafka "$j" $KAFKA_HEAP_OPTS $KAFKA_JVM_PERFORMANCE_OPTS \
      -Dsmarketing.stack.component=kafka -Dsmarketing.stack.home="$LOCAL_DIR" \
      -Dlog4j2.configurationFile="$SCRIPT_DIR/kafka/log4j2.xml" \
      -cp "$KAFKA_LIBS/*" kafka.Kafka "$DATA_DIR/kafka/server.properties"
    pid="$(cat "$(pidfile kafka)")"
    printf 'kafka     starting on %s:%s (pid %s) ' "$host" "$port" "$pid"
  else
    j="$(kafka_java)"
    printf 'kafka     already running (pid %s) ' "$pid"
  fi
  local deadline=$((SECONDS + KAFKA_START_TIMEOUT)) log; log="$(logfile kafka)"
  while :; do
    alive "$pid" || { echo; fail_with_log kafka "process exited during startup"; }
    if grep -q "Kafka Server started" "$log" 2>/dev/null && tcp_open "$host" "$port"; then break; fi
    (( SECONDS < deadline )) || { echo; fail_with_log kafka "not ready after ${KAFKA_START_TIMEOUT}s"; }
    printf '.'; sleep 0.5
  done
  local info
  info="$(kafka_probe "$j" 15000 2>&1)" || { echo; fail_with_log kafka "broker up but admin probe failed: $info"; }
  say " up in $((SECONDS - t0))s [$info]"
}

stop_kafka() { stop_component kafka "$KAFKA_STOP_TIMEOUT"; }

# ---------------------------------------------------------------- registry
registry_ensure_assembly() {
  local pom="$SCRIPT_DIR/registry/pom.xml" stamp="$APICURIO_HOME/.pom.sha256" sum
  sum="$(sha256 "$pom")"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$sum" && -f "$APICURIO_HOME/quarkus-run.jar" ]]; then return 0; fi
  say "registry  fetching Apicurio Registry $APICURIO_VERSION from Maven Central (~160 MB) ..."
  local tmp="$CACHE_DIR/apicurio.tmp"
  rm -rf "$tmp"; mkdir -p "$tmp/dl" "$tmp/app"
  mvn_fetch "$pom" "$tmp/dl"
  tar -xzf "$tmp/dl/apicurio-registry-app-$APICURIO_VERSION-all.tar.gz" -C "$tmp/app"
  [[ -f "$tmp/app/quarkus-run.jar" ]] || die "registry: quarkus-run.jar not found in the assembly"
  rm -rf "$APICURIO_HOME"; mv "$tmp/app" "$APICURIO_HOME"; rm -rf "$tmp"
  echo "$sum" > "$stamp"
}

registry_java() {
  find_java 21 "${REGISTRY_JAVA:-}" \
    || die "registry: Apicurio $APICURIO_VERSION needs Java 21+ (none found; set REGISTRY_JAVA=/path/to/bin/java)"
}

psql_cmd() { # extra psql args...
  psql -X -q -v ON_ERROR_STOP=1 -d "$DATABASE_URL" "$@"
}

ensure_registry_db() {
  if have psql; then
    local exists
    exists="$(psql_cmd -tA -c "SELECT 1 FROM pg_database WHERE datname = '$REGISTRY_DB'" 2>&1)" \
      || die "registry: cannot reach PostgreSQL at DATABASE_URL ($exists)"
    if [[ "$exists" != 1 ]]; then
      psql_cmd -c "CREATE DATABASE \"$REGISTRY_DB\"" 2>/dev/null \
        || [[ "$(psql_cmd -tA -c "SELECT 1 FROM pg_database WHERE datname = '$REGISTRY_DB'")" == 1 ]] \
        || die "registry: could not create database $REGISTRY_DB"
      say "registry  created database $REGISTRY_DB"
    fi
  else
    "$(node_bin)" "$SCRIPT_DIR/ensure-db.mjs" "$REGISTRY_DB" || die "registry: could not ensure database $REGISTRY_DB"
  fi
}

start_registry() {
  local host port pid j t0=$SECONDS
  host="$(registry_host)"; port="$(registry_port)"
  pid="$(our_pid registry)"
  if [[ -z "$pid" ]]; then
    if http_ok "$SCHEMA_REGISTRY_URL/subjects"; then
      say "registry  $SCHEMA_REGISTRY_URL already answering (not started by this stack) - using it"
      return 0
    fi
    is_loopback "$host" || die "registry: SCHEMA_REGISTRY_URL=$SCHEMA_REGISTRY_URL is not reachable and not local"
    tcp_open "$(bind_addr "$host")" "$port" && die "registry: port $port is in use by something that is not a schema registry"
    tcp_open 127.0.0.1 "$REGISTRY_MANAGEMENT_PORT" \
      && die "registry: management port $REGISTRY_MANAGEMENT_PORT is in use (set REGISTRY_MANAGEMENT_PORT)"
    [[ "$SCHEMA_REGISTRY_URL" == */apis/ccompat/v7 ]] \
      || warn "registry: SCHEMA_REGISTRY_URL should end in /apis/ccompat/v7 for Apicurio"
    registry_ensure_assembly
    j="$(registry_java)"
    pg_parse
    ensure_registry_db
    local access_log=false; [[ "$REGISTRY_ACCESS_LOG" == 1 ]] && access_log=true
    mkdir -p "$LOG_DIR" "$RUN_DIR" "$DATA_DIR/registry"
    # shellcheck disable=SC2086
    launch registry "$j" $REGISTRY_HEAP_OPTS -XX:+ExitOnOutOfMemoryError \
      -Dsmarketing.stack.component=registry -Dsmarketing.stack.home="$LOCAL_DIR" \
      -Dquarkus.http.host="$(bind_addr "$host")" -Dquarkus.http.port="$port" \
      -Dquarkus.management.host=127.0.0.1 -Dquarkus.management.port="$REGISTRY_MANAGEMENT_PORT" \
      -Dquarkus.http.access-log.enabled="$access_log" \
      '-Dquarkus.log.console.format=%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p [%c{2.}] (%t) %s%e%n' \
      -Dapicurio.storage.kind=sql -Dapicurio.storage.sql.kind=postgresql \
      -Dapicurio.datasource.url="jdbc:postgresql://$PG_HOST:$PG_PORT/$REGISTRY_DB" \
      -Dapicurio.datasource.username="$PG_USER" -Dapicurio.datasource.password="$PG_PASSWORD" \
      -Dapicurio.datasource.jdbc.initial-size=2 -Dapicurio.datasource.jdbc.min-size=2 \
      -Dapicurio.datasource.jdbc.max-size=10 \
      -Dapicurio.ccompat.legacy-id-mode.enabled=false \
      -Dapicurio.ccompat.legacy-id-mode.enabled.dynamic.allow=false \
      -Dapicurio.storage.snapshot.location="$DATA_DIR/registry" -Dapicurio.import.work-dir="$DATA_DIR/registry" \
      -jar "$APICURIO_HOME/quarkus-run.jar"
    pid="$(cat "$(pidfile registry)")"
    printf 'registry  starting on %s (pid %s) ' "$(registry_root)" "$pid"
  else
    printf 'registry  already running (pid %s) ' "$pid"
  fi
  local deadline=$((SECONDS + REGISTRY_START_TIMEOUT))
  while :; do
    alive "$pid" || { echo; fail_with_log registry "process exited during startup"; }
    http_ok "$SCHEMA_REGISTRY_URL/subjects" && break
    (( SECONDS < deadline )) || { echo; fail_with_log registry "not ready after ${REGISTRY_START_TIMEOUT}s"; }
    printf '.'; sleep 0.5
  done
  say " up in $((SECONDS - t0))s [$SCHEMA_REGISTRY_URL]"
}

stop_registry() { stop_component registry "$REGISTRY_STOP_TIMEOUT"; }

# ---------------------------------------------------------------- generic
stop_component() { # name timeout
  local name="$1" timeout="$2" pid
  pid="$(our_pid "$name")"
  if [[ -z "$pid" ]]; then
    rm -f "$(pidfile "$name")"
    say "$(printf '%-9s' "$name") not running"
    return 0
  fi
  printf '%-9s stopping (pid %s) ' "$name" "$pid"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + timeout))
  while alive "$pid" && (( SECONDS < deadline )); do printf '.'; sleep 1; done
  if alive "$pid"; then
    printf ' still alive after %ss, killing ' "$timeout"
    kill -KILL "$pid" 2>/dev/null || true
    local _; for _ in $(seq 1 50); do alive "$pid" || break; sleep 0.2; done
  fi
  alive "$pid" && die "$name: pid $pid did not exit"
  rm -f "$(pidfile "$name")"
  say " stopped"
}

component_arg() { # normalise a component name
  case "${1:-}" in
    kafka|broker) echo kafka ;;
    registry|schema-registry|apicurio) echo registry ;;
    *) die "unknown component '$1' (kafka|registry)" ;;
  esac
}

run_postgres_ensure() {
  [[ -f "$SCRIPT_DIR/postgres.mjs" ]] || return 0
  say "postgres  $(node_bin) deploy/local/postgres.mjs ensure"
  ( cd "$REPO" && "$(node_bin)" "$SCRIPT_DIR/postgres.mjs" ensure ) || die "postgres.mjs ensure failed"
}

run_postgres_stop() {
  [[ -f "$SCRIPT_DIR/postgres.mjs" ]] || return 0
  printf '%-9s ' postgres
  ( cd "$REPO" && "$(node_bin)" "$SCRIPT_DIR/postgres.mjs" stop ) || die "postgres.mjs stop failed"
}

run_provision() {
  [[ "${STACK_SKIP_PROVISION:-0}" == 1 ]] && return 0
  [[ -f "$REPO/package.json" ]] || return 0
  "$(node_bin)" -e 'const s=require(process.argv[1]).scripts||{}; process.exit(s["stack:provision"]?0:1)' \
    "$REPO/package.json" 2>/dev/null || return 0
  say "provision npm run stack:provision"
  ( cd "$REPO" && TOPIC_RETENTION_PROFILE="${TOPIC_RETENTION_PROFILE:-local}" npm run --silent stack:provision ) || die "stack:provision failed"
}

cmd_start() {
  with_lock
  local t0=$SECONDS
  if [[ $# -gt 0 ]]; then
    local c; c="$(component_arg "$1")"
    "start_$c"
    return 0
  fi
  run_postgres_ensure
  start_kafka
  start_registry
  run_provision
  say "stack     ready in $((SECONDS - t0))s  KAFKA_BROKERS=$KAFKA_BROKERS SCHEMA_REGISTRY_URL=$SCHEMA_REGISTRY_URL"
}

cmd_stop() {
  with_lock
  if [[ $# -gt 0 ]]; then
    local c; c="$(component_arg "$1")"
    "stop_$c"
    return 0
  fi
  stop_registry
  stop_kafka
  run_postgres_stop
}

cmd_restart() {
  cmd_stop "$@"
  cmd_start "$@"
}

cmd_status() {
  local rc=0 pid state addr
  printf '%-9s %-42s %-8s %s\n' COMPONENT ADDRESS PID STATE
  pg_parse
  pid=""
  if [[ -s "$RUN_DIR/postgres.pid" ]] && alive "$(cat "$RUN_DIR/postgres.pid")"; then pid="$(cat "$RUN_DIR/postgres.pid")"; fi
  if tcp_open "$(bind_addr "$PG_HOST")" "$PG_PORT"; then
    if [[ -n "$pid" ]]; then state="up (embedded, postgres.mjs)"; else state="up (external)"; fi
  else state=down; rc=1; fi
  printf '%-9s %-42s %-8s %s\n' postgres "$PG_HOST:$PG_PORT" "${pid:--}" "$state"
  # kafka
  addr="$(kafka_host):$(kafka_port)"; pid="$(our_pid kafka)"
  if tcp_open "$(kafka_host)" "$(kafka_port)"; then
    if [[ -n "$pid" ]]; then state=up; else state="up (external)"; fi
  elif [[ -n "$pid" ]]; then state="starting/unhealthy"; rc=1
  else state=down; rc=1; fi
  printf '%-9s %-42s %-8s %s\n' kafka "$addr" "${pid:--}" "$state"
  # registry
  pid="$(our_pid registry)"
  if http_ok "$SCHEMA_REGISTRY_URL/subjects"; then
    if [[ -n "$pid" ]]; then state=up; else state="up (external)"; fi
  elif [[ -n "$pid" ]]; then state="starting/unhealthy"; rc=1
  else state=down; rc=1; fi
  printf '%-9s %-42s %-8s %s\n' registry "$SCHEMA_REGISTRY_URL" "${pid:--}" "$state"
  return $rc
}

cmd_logs() {
  local lines="${LOG_LINES:-200}"
  if [[ $# -eq 0 ]]; then
    local c
    for c in "${COMPONENTS[@]}"; do
      say "==> .local/logs/$c.log <=="
      tail -n 20 "$(logfile "$c")" 2>/dev/null || say "(no log yet)"
    done
    return 0
  fi
  local c log; c="$(component_arg "$1")"; log="$(logfile "$c")"
  [[ -f "$log" ]] || die "no log yet: ${log#"$REPO"/}"
  if [[ -t 1 ]]; then exec tail -n "$lines" -F "$log"; else tail -n "$lines" "$log"; fi
}

cmd_reset() {
  cmd_stop # also stops an embedded PostgreSQL started by postgres.mjs, whose data is in .local/data/postgres
  rm -rf "$DATA_DIR"
  say "reset     wiped .local/data"
  if [[ "${RESET_REGISTRY_DB:-0}" == 1 ]] && pg_parse && tcp_open "$(bind_addr "$PG_HOST")" "$PG_PORT"; then
    if have psql; then psql_cmd -c "DROP DATABASE IF EXISTS \"$REGISTRY_DB\" WITH (FORCE)"
    else "$(node_bin)" "$SCRIPT_DIR/ensure-db.mjs" "$REGISTRY_DB" --drop; fi
    say "reset     dropped database $REGISTRY_DB"
  else
    say "reset     kept database $REGISTRY_DB (RESET_REGISTRY_DB=1 drops it too)"
  fi
}

usage() {
  sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

main() {
  local cmd="${1:-}"; [[ $# -gt 0 ]] && shift
  case "$cmd" in
    start)   cmd_start "$@" ;;
    stop)    cmd_stop "$@" ;;
    restart) cmd_restart "$@" ;;
    status)  cmd_status ;;
    logs)    cmd_logs "$@" ;;
    reset)   cmd_reset ;;
    -h|--help|help|"") usage ;;
    *) usage >&2; exit 2 ;;
  esac
}

main "$@"
