#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the *_pg sync tests (a ctest fixture).
#   pg-cluster.sh start STATE_DIR BINDIR   initdb, start on 127.0.0.1 at a free port, write STATE_DIR/url
#   pg-cluster.sh stop STATE_DIR BINDIR    stop it and delete it
# The cluster lives in a fresh directory under /tmp. initdb refuses to run as
# root, so under root the cluster belongs to `nobody` and every PostgreSQL
# command runs as that user. fsync is off: the cluster only lives for one
# ctest run, and durability is not what these tests measure.
set -euo pipefail

action=${1:?start or stop}
state=${2:?state directory}
bindir=${3:?PostgreSQL bin directory}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u nobody -- "$@")
  else
    "$@"
  fi
}

stop_cluster() {
  [ -f "$state/cluster" ] || return 0
  local dir
  dir=$(cat "$state/cluster")
  if [ -n "$dir" ] && [ -d "$dir" ]; then
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf -- "$dir"
  fi
  rm -f "$state/cluster" "$state/url"
}

case "$action" in
  start)
    mkdir -p "$state"
    stop_cluster   # a cluster left behind by an interrupted run
    dir=$(mktemp -d /tmp/samla-pg.XXXXXX)
    echo "$dir" >"$state/cluster"
    if [ "$(id -u)" -eq 0 ]; then chown nobody: "$dir"; fi
    as_owner "$bindir/initdb" -D "$dir/data" -U samla --auth=trust --no-sync --no-locale -E UTF8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # samla_pw must log in with a password (the tests check a refused login
    # is a clear message that never shows the password); everyone else is trusted.
    as_owner sh -c "{ echo 'host all samla_pw 127.0.0.1/32 scram-sha-256'; cat '$dir/data/pg_hba.conf'; } >'$dir/data/pg_hba.new' \
      && mv '$dir/data/pg_hba.new' '$dir/data/pg_hba.conf'"
    as_owner sh -c "cat >>'$dir/data/postgresql.conf'" <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 32MB
max_connections = 200
EOF
    # A free port: try random ones until the server binds one.
    for _ in $(seq 1 20); do
      port=$((20000 + RANDOM % 40000))
      if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "-p $port" -w -t 60 start >/dev/null 2>&1; then
        echo "postgresql://samla@127.0.0.1:$port/postgres" >"$state/url"
        echo "PostgreSQL test cluster on 127.0.0.1:$port in $dir"
        exit 0
      fi
    done
    echo "could not start a PostgreSQL test cluster:" >&2
    cat "$dir/server.log" >&2 || true
    stop_cluster
    exit 1
    ;;
  stop)
    stop_cluster
    ;;
  *)
    echo "usage: pg-cluster.sh start|stop STATE_DIR BINDIR" >&2
    exit 2
    ;;
esac
