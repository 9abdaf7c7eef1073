#!/usr/bin/env bash
# prod-smoke: the production shape on loopback, end to end.
#
# An S3 server (moto), the running PostgreSQL (database bsa_smoke, made and dropped
# here) and Redis (database 13), two granian app servers behind nginx (TLS,
# round-robin) with two uvicorn real-time servers behind its /ws/, a Celery worker and
# beat, all with cms.settings.production. The app servers read public pages from a
# streaming replica of that PostgreSQL (pg_basebackup into /dev/shm, its own port;
# deploy/smoke/replica.py). Then the journey (deploy/smoke/journey.py),
# the cross-server socket check (deploy/smoke/realtime.py) and the load figures
# (deploy/smoke/bench.py).
# Everything started here is stopped on exit, failure included.
#
# Needs: .venv with requirements-dev.txt, nginx, openssl, wrk (make prod-smoke installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/sbin:/sbin"  # nginx lives in /usr/sbin

BIN="$PWD/.venv/bin"
SMOKE_DB="${SMOKE_DB:-bsa_smoke}"
SMOKE_REDIS_DB="${SMOKE_REDIS_DB:-13}"
PG_URL="${SMOKE_PG_URL:-postgres://postgres@127.0.0.1:5432}"
REDIS_BASE="${SMOKE_REDIS_BASE:-redis://127.0.0.1:6379}"

RUN_DIR="$(mktemp -d /tmp/bsa-prod-smoke.XXXXXX)"
chmod 755 "$RUN_DIR"  # nginx workers drop root and write their buffers here
PIDS=()
STARTED_AT=$SECONDS
DATASTORES_MADE=""
REPLICA_PID=""
REPLICA_DIR=""

log() { printf '== %s (%ds)\n' "$*" "$((SECONDS - STARTED_AT))"; }

stop_everything() {
  local status=$?
  trap - EXIT INT TERM
  if [ "$status" -ne 0 ]; then
    echo "prod-smoke FAILED (exit $status). Last lines of each log:"
    for file in "$RUN_DIR"/*.log; do
      [ -f "$file" ] || continue
      echo "--- $(basename "$file")"
      tail -n 15 "$file"
    done
  fi
  log "stopping ${#PIDS[@]} processes"
  # SIGINT is PostgreSQL's fast shutdown (SIGTERM would wait for every client to leave).
  if [ -n "$REPLICA_PID" ]; then kill -INT "$REPLICA_PID" 2>/dev/null || true; fi
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 40); do
    local alive=0
    for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" -eq 0 ] && break
    sleep 0.25
  done
  for pid in "${PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "$DATASTORES_MADE" ]; then
    "$BIN/python" deploy/smoke/datastores.py drop || true
  fi
  if [ "${KEEP_SMOKE_DIR:-}" = "1" ]; then
    echo "Kept $RUN_DIR $REPLICA_DIR"
  else
    rm -rf "$RUN_DIR" ${REPLICA_DIR:+"$REPLICA_DIR"}
  fi
  exit "$status"
}
trap stop_everything EXIT
trap 'exit 130' INT TERM

# start NAME COMMAND...: run in the background, output to RUN_DIR/NAME.log.
start() {
  local name=$1
  shift
  "$@" >"$RUN_DIR/$name.log" 2>&1 &
  PIDS+=("$!")
}

# start_replica: copy the running PostgreSQL, give the copy settings of its own, then
# become its server (exec), so that the PID `start` keeps is PostgreSQL's. It streams
# from the start, while the migrations and the demo run, so it never asks the primary
# for WAL the primary has already recycled.
start_replica() {
  # A fast checkpoint: the default spread one can wait minutes on a busy server.
  pg_basebackup -d "$PG_URL" -D "$REPLICA_DIR" -R -X stream -c fast --no-sync
  "$BIN/python" deploy/smoke/replica.py configure "$REPLICA_DIR" "$REPLICA_PORT"
  local run_as=()
  if [ "$(id -u)" -eq 0 ]; then  # PostgreSQL runs as its own user, never as root
    chown -R postgres:postgres "$REPLICA_DIR"
    run_as=(setpriv --reuid=postgres --regid=postgres --init-groups)
  fi
  chmod 700 "$REPLICA_DIR"
  local pg_ctl
  pg_ctl="$(readlink -f "$(command -v pg_ctl || echo /usr/local/bin/pg_ctl)")"
  exec "${run_as[@]}" "${SMOKE_POSTGRES_BIN:-$(dirname "$pg_ctl")/postgres}" -D "$REPLICA_DIR"
}

# wait_for URL WHAT: until it answers 2xx/3xx (30 s).
wait_for() {
  for _ in $(seq 1 120); do
    if curl -ks -o /dev/null --max-time 2 -w '%{http_code}' "$1" | grep -q '^[23]'; then
      return 0
    fi
    sleep 0.25
  done
  echo "$2 did not answer at $1"
  return 1
}

read -r S3_PORT APP1_PORT APP2_PORT LB_PORT ASGI1_PORT ASGI2_PORT PURGE_PORT FREE_PORT < <("$BIN/python" - <<'EOF'
import socket
sockets = [socket.socket() for _ in range(8)]
for s in sockets:
    s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in sockets))
EOF
)

REPLICA_PORT="${SMOKE_REPLICA_PORT:-$FREE_PORT}"

# --- The production environment: only variables, as on a real host.
export DJANGO_SETTINGS_MODULE=cms.settings.production PYTHONPATH="$PWD"
SECRET_KEY="$("$BIN/python" -c 'import secrets; print(secrets.token_urlsafe(50))')"
export SECRET_KEY
export ALLOWED_HOSTS=127.0.0.1,localhost
export BASE_URL="https://127.0.0.1:$LB_PORT"
export CSRF_TRUSTED_ORIGINS="$BASE_URL" WAGTAILADMIN_BASE_URL="$BASE_URL"
export CHECKOUT_PUBLIC_BASE_URL="$BASE_URL" CHECKOUT_SANDBOX=true
export DATABASE_URL="$PG_URL/$SMOKE_DB"
export REDIS_URL="$REDIS_BASE/$SMOKE_REDIS_DB" CACHE_KEY_PREFIX=bsa-smoke
export AWS_S3_ENDPOINT_URL="http://127.0.0.1:$S3_PORT" AWS_S3_REGION_NAME=us-east-1
export AWS_ACCESS_KEY_ID=smoke-access-key AWS_SECRET_ACCESS_KEY=smoke-secret-key
export AWS_STORAGE_BUCKET_NAME=bsa-smoke-media AWS_PRIVATE_STORAGE_BUCKET_NAME=bsa-smoke-private
export AWS_S3_ADDRESSING_STYLE=path AWS_S3_URL_PROTOCOL=http:
export EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend
export EMAIL_FILE_PATH="$RUN_DIR/mail"
export STATIC_ROOT="$RUN_DIR/static" BSA_VAR_DIR="$RUN_DIR/var"
export MEDIA_ROOT="$RUN_DIR/media" PRIVATE_MEDIA_ROOT="$RUN_DIR/private"
# Two app servers share this box's cores: one process each (deploy/app_server.py).
export WEB_CONCURRENCY="${WEB_CONCURRENCY:-1}" WEB_THREADS="${WEB_THREADS:-8}"
export SENTRY_DSN=""
# nginx adds one X-Forwarded-For hop: rate limits and lockouts see the real client.
export TRUSTED_PROXY_COUNT=1
# The load figures send thousands of searches from one address: lift that limit here.
export RATELIMIT_SEARCH=1000000/m
# Every app server and the worker sign certificates with the same key.
CERTIFICATE_SIGNING_KEY="$("$BIN/python" -c 'import base64, secrets; print(base64.b64encode(secrets.token_bytes(32)).decode())')"
export CERTIFICATE_SIGNING_KEY
mkdir -p "$EMAIL_FILE_PATH"
# nginx's page cache (SMOKE_EDGE_CACHE=off leaves it out) and where a publish purges it;
# given to the processes that publish, not to load_demo (nginx is not up yet).
EDGE_CACHE="${SMOKE_EDGE_CACHE:-edge_pages}"
PURGE_URL="http://127.0.0.1:$PURGE_PORT"

log "S3 server (moto) on 127.0.0.1:$S3_PORT"
start s3 "$BIN/moto_server" -H 127.0.0.1 -p "$S3_PORT"
"$BIN/python" deploy/smoke/buckets.py

log "PostgreSQL database $SMOKE_DB, Redis database $SMOKE_REDIS_DB"
DATASTORES_MADE=1
"$BIN/python" deploy/smoke/datastores.py create

log "read replica on 127.0.0.1:$REPLICA_PORT: pg_basebackup of the primary, beside the migrations"
REPLICA_URL=""
set +e
"$BIN/python" deploy/smoke/replica.py allow
REPLICATION_ALLOWED=$?
set -e
case "$REPLICATION_ALLOWED" in
  0)
    # In memory when there is a tmpfs: on a busy disk, copying and removing the cluster
    # (150 MB here) took 35 s, against 2 s in /dev/shm.
    REPLICA_DIR="$(mktemp -d /dev/shm/bsa-smoke-replica.XXXXXX 2>/dev/null || mktemp -d "$RUN_DIR/replica.XXXXXX")"
    start replica start_replica
    REPLICA_PID=$!
    REPLICA_URL="postgres://postgres@127.0.0.1:$REPLICA_PORT/$SMOKE_DB"
    ;;
  3)
    echo "NOTICE: no read replica this run (the primary refuses replication, see above);"
    echo "        the app servers read the primary only."
    ;;
  *) exit "$REPLICATION_ALLOWED" ;;
esac

log "migrate, and collectstatic (compressed, hashed names) beside it"
start collectstatic "$BIN/python" manage.py collectstatic --noinput -v 0
COLLECTSTATIC_PID=$!
"$BIN/python" manage.py migrate --noinput -v 0
wait "$COLLECTSTATIC_PID"
log "Celery worker and beat"
FRONTEND_CACHE_PURGE_URL="$PURGE_URL" start worker "$BIN/celery" -A cms worker --loglevel=INFO --concurrency=2 --without-gossip --without-mingle
start beat "$BIN/celery" -A cms beat --loglevel=INFO --schedule="$RUN_DIR/celerybeat-schedule"
log "demo content (images and guides go to the bucket)"
"$BIN/python" manage.py load_demo >"$RUN_DIR/load_demo.log" 2>&1
"$BIN/python" deploy/smoke/describe_site.py >"$RUN_DIR/site.json"

if [ -n "$REPLICA_URL" ]; then
  log "read replica caught up with the primary"
  # Only the app servers read it: the worker, beat and commands keep the primary.
  export DATABASE_REPLICA_URL="$REPLICA_URL"
  "$BIN/python" deploy/smoke/replica.py wait
fi

# start_app_servers [NAME=VALUE...]: both app servers, with these variables added.
APP_PIDS=()
start_app_servers() {
  APP_PIDS=()
  for port in "$APP1_PORT" "$APP2_PORT"; do
    env "$@" WEB_BIND="127.0.0.1:$port" FRONTEND_CACHE_PURGE_URL="$PURGE_URL" \
      "$BIN/python" deploy/app_server.py >>"$RUN_DIR/app-$port.log" 2>&1 &
    PIDS+=("$!")
    APP_PIDS+=("$!")
  done
}

log "two granian app servers on 127.0.0.1:$APP1_PORT and 127.0.0.1:$APP2_PORT"
start_app_servers

log "two uvicorn real-time servers on 127.0.0.1:$ASGI1_PORT and 127.0.0.1:$ASGI2_PORT"
ASGI_PIDS=()
for port in "$ASGI1_PORT" "$ASGI2_PORT"; do
  start "asgi-$port" "$BIN/uvicorn" cms.asgi:application --host 127.0.0.1 --port "$port" \
    --ws websockets-sansio --ws-max-size 65536 --proxy-headers --timeout-graceful-shutdown 10 --no-access-log
  ASGI_PIDS+=("${PIDS[-1]}")
done

log "nginx on https://127.0.0.1:$LB_PORT (self-signed certificate)"
mkdir -p "$RUN_DIR"/{client_body,proxy,fastcgi,uwsgi,scgi,tls}
chmod 1777 "$RUN_DIR"/{client_body,proxy,fastcgi,uwsgi,scgi}
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=127.0.0.1" \
  -addext "subjectAltName=IP:127.0.0.1" \
  -keyout "$RUN_DIR/tls/key.pem" -out "$RUN_DIR/tls/cert.pem" 2>/dev/null
RUN_DIR="$RUN_DIR" LISTEN="127.0.0.1:$LB_PORT" SERVER_NAME=127.0.0.1 \
  TLS_CERT="$RUN_DIR/tls/cert.pem" TLS_KEY="$RUN_DIR/tls/key.pem" \
  UPSTREAM_SERVERS="$(printf '        server 127.0.0.1:%s;\n' "$APP1_PORT" "$APP2_PORT")" \
  ASGI_SERVERS="$(printf '        server 127.0.0.1:%s;\n' "$ASGI1_PORT" "$ASGI2_PORT")" \
  EDGE_CACHE="$EDGE_CACHE" PURGE_LISTEN="127.0.0.1:$PURGE_PORT" \
  PURGE_MODULE=/usr/lib/nginx/modules/ngx_http_cache_purge_module.so \
  "$BIN/python" deploy/render_template.py deploy/nginx.conf.template >"$RUN_DIR/nginx.conf"
nginx -t -q -c "$RUN_DIR/nginx.conf" -p "$RUN_DIR"
start nginx nginx -c "$RUN_DIR/nginx.conf" -p "$RUN_DIR" -g "daemon off;"

wait_for "http://127.0.0.1:$APP1_PORT/healthz" "app server 1"
wait_for "http://127.0.0.1:$APP2_PORT/healthz" "app server 2"
wait_for "$BASE_URL/healthz" "nginx"
wait_for "http://127.0.0.1:$ASGI1_PORT/healthz" "real-time server 1"
wait_for "http://127.0.0.1:$ASGI2_PORT/healthz" "real-time server 2"

log "journey through nginx"
SMOKE_BASE_URL="$BASE_URL" SMOKE_CA_FILE="$RUN_DIR/tls/cert.pem" SMOKE_MAIL_DIR="$EMAIL_FILE_PATH" \
  SMOKE_APP_SERVERS="127.0.0.1:$APP1_PORT,127.0.0.1:$APP2_PORT" \
  "$BIN/python" deploy/smoke/journey.py "$RUN_DIR/site.json"

if [ -n "$REPLICA_URL" ]; then
  log "anonymous pages read the replica; a write on the primary reaches it"
  SMOKE_BASE_URL="$BASE_URL" SMOKE_CA_FILE="$RUN_DIR/tls/cert.pem" \
    "$BIN/python" deploy/smoke/replica.py report "$RUN_DIR/site.json"
fi

log "a socket through nginx gets an event from the other real-time server"
SMOKE_BASE_URL="$BASE_URL" SMOKE_CA_FILE="$RUN_DIR/tls/cert.pem" \
  SMOKE_ASGI_SERVERS="127.0.0.1:$ASGI1_PORT,127.0.0.1:$ASGI2_PORT" \
  SMOKE_ASGI_PIDS="$(IFS=,; echo "${ASGI_PIDS[*]}")" \
  SMOKE_ASGI_LOGS="$RUN_DIR/asgi-$ASGI1_PORT.log,$RUN_DIR/asgi-$ASGI2_PORT.log" \
  "$BIN/python" deploy/smoke/realtime.py

if [ "$EDGE_CACHE" != off ]; then
  log "nginx page cache: a second view is a HIT, a publish purges it"
  SMOKE_BASE_URL="$BASE_URL" SMOKE_CA_FILE="$RUN_DIR/tls/cert.pem" \
    FRONTEND_CACHE_PURGE_URL="$PURGE_URL" LOG_LEVEL=WARNING \
    "$BIN/python" deploy/smoke/edge_cache.py "$RUN_DIR/site.json"
fi

export SMOKE_BASE_URL="$BASE_URL" SMOKE_CA_FILE="$RUN_DIR/tls/cert.pem"
export SMOKE_BENCH_RESULTS="$RUN_DIR/bench.json"
if [ -z "${BENCH_SECONDS:-}" ]; then
  log "load sanity (wrk, 3 s; make prod-bench for the figures)"
  "$BIN/python" deploy/smoke/bench.py "$RUN_DIR/site.json" sanity
else
  log "load figures, caches on (wrk, $BENCH_SECONDS s a run)"
  "$BIN/python" deploy/smoke/bench.py "$RUN_DIR/site.json" cached
  log "app servers restarted with the page cache off"
  for pid in "${APP_PIDS[@]}"; do kill -TERM "$pid"; done
  for pid in "${APP_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  start_app_servers PAGE_CACHE_ENABLED=0
  wait_for "http://127.0.0.1:$APP1_PORT/healthz" "app server 1"
  wait_for "http://127.0.0.1:$APP2_PORT/healthz" "app server 2"
  log "load figures, caches off (wrk, $BENCH_SECONDS s a run)"
  "$BIN/python" deploy/smoke/bench.py "$RUN_DIR/site.json" uncached
  if [ -n "${BAKERYDEMO_DIR:-}" ]; then
    log "peer: wagtail/bakerydemo on the same box and PostgreSQL (wrk, $BENCH_SECONDS s a run)"
    "$BIN/python" deploy/smoke/peer.py
  fi
fi

log "prod-smoke passed"
