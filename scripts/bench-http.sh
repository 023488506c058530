#!/usr/bin/env bash
# Measures an HTTP server against nginx on loopback with wrk (a benchmark, not a test).
#
# Usage: scripts/bench-http.sh [options] [-- SERVER COMMAND...]
#
# Starts the server command with every "{port}" replaced by a loopback port (default: the release
# build of GluteHTTPBench, built first), asks it once for each path to learn the answer, and starts
# nginx with a config of its own that answers each path with a static file of the same bytes.
# Then runs wrk against both, for every path at every connection count, and prints requests/s,
# the 50th and 99th latency percentiles and the ratio to nginx, then the server's peak RSS
# (VmHWM). Installs wrk and nginx-light with apt-get when missing.
#
# Options:
#   --get PATH          a GET path to measure (repeatable; /hello when no path is given)
#   --post PATH=FILE    a POST path, with the request body read from FILE (repeatable);
#                       nginx answers the same path with its static file
#   --header 'N: V'     a request header for every request (repeatable), e.g. a session cookie
#   --duration SECONDS  length of each run (default 5)
#   --connections LIST  connection counts (default "1 16 64")
#   --threads N         wrk threads (default 2)
#   --rounds N          alternate nginx and the server N times per row and print the medians
#                       (default 1; use 3 or more on a busy machine)
#   --port N            the server's port (default 18181); --nginx-port N nginx's (default 18182)
#
# Examples:
#   scripts/bench-http.sh
#   scripts/bench-http.sh --get /api/today --header 'Cookie: session=…' -- .build/release/glute serve --port {port}
#
# The server command should exec the server itself (not a wrapper script), so that its peak RSS
# is the server's. Figures swing between runs on a shared machine: compare the ratios.
set -euo pipefail
cd "$(dirname "$0")/.."

gets=()
posts=()
headers=()
duration=5
connections="1 16 64"
wrk_threads=2
rounds=1
port=18181
nginx_port=18182
while [ $# -gt 0 ]; do
  case "$1" in
    --get) gets+=("$2"); shift 2 ;;
    --post) posts+=("$2"); shift 2 ;;
    --header) headers+=("$2"); shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --threads) wrk_threads="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --nginx-port) nginx_port="$2"; shift 2 ;;
    --) shift; break ;;
    -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
    *) echo "Error: unknown option '$1'" >&2; exit 64 ;;
  esac
done
if [ ${#gets[@]} -eq 0 ] && [ ${#posts[@]} -eq 0 ]; then gets=(/hello); fi

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}" >&2
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

if [ $# -eq 0 ]; then
  swift build -c release --product GluteHTTPBench -Xswiftc -warnings-as-errors >&2
  set -- .build/release/GluteHTTPBench "{port}"
fi
server_command=()
for word in "$@"; do server_command+=("${word//\{port\}/$port}"); done

work=$(mktemp -d)
chmod 755 "$work"  # nginx workers run as nobody
server_pid=
nginx_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

"${server_command[@]}" >"$work/server.log" 2>&1 &
server_pid=$!
curl_headers=()
for header in "${headers[@]}"; do curl_headers+=(-H "$header"); done
first_path="${gets[0]:-${posts[0]%%=*}}"
for _ in $(seq 1 100); do
  curl -s -o /dev/null "${curl_headers[@]}" "http://127.0.0.1:$port$first_path" && break
  kill -0 "$server_pid" 2>/dev/null || { echo "Error: the server exited:" >&2; cat "$work/server.log" >&2; exit 1; }
  sleep 0.1
done

# One run description per line: METHOD PATH BODYFILE.
runs=()
for path in "${gets[@]}"; do runs+=("GET $path -"); done
for spec in "${posts[@]}"; do runs+=("POST ${spec%%=*} ${spec#*=}"); done

# nginx answers every path with a static copy of the server's answer.
mkdir -p "$work/www" "$work/nginx"
locations=""
index=0
for run in "${runs[@]}"; do
  read -r method path body <<<"$run"
  data=()
  [ "$method" = POST ] && data=(--data-binary "@$body" -H "Content-Type: application/json")
  type=$(curl -s -o "$work/www/answer$index" -w '%{content_type}' -X "$method" "${curl_headers[@]}" "${data[@]}" \
    "http://127.0.0.1:$port$path")
  location="${path%%\?*}"
  if [ "$method" = GET ]; then
    locations+="location = $location { default_type \"$type\"; alias $work/www/answer$index; }"$'\n'
  else
    # nginx's static module refuses POST with 405; error_page turns that into a GET of the file.
    locations+="location = $location { alias $work/www/answer$index; error_page 405 =200 /__answer$index; }"$'\n'
    locations+="location = /__answer$index { internal; default_type \"$type\"; alias $work/www/answer$index; }"$'\n'
  fi
  index=$((index + 1))
done
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  server {
    listen 127.0.0.1:$nginx_port;
    $locations
  }
}
EOF
"$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
sleep 0.5

# wrk with a Lua script for the method, body and headers; prints "REQS P50_US P99_US ERRORS".
measure() {
  local method=$1 url=$2 body=$3 conns=$4 script="$work/run.lua"
  {
    echo "wrk.method = \"$method\""
    if [ "$body" != - ]; then
      echo "local file = io.open(\"$body\", \"rb\"); wrk.body = file:read(\"*a\"); file:close()"
      echo 'wrk.headers["Content-Type"] = "application/json"'
    fi
    for header in "${headers[@]}"; do
      echo "wrk.headers[\"${header%%:*}\"] = \"$(echo "${header#*:}" | sed 's/^ *//')\""
    done
  } >"$script"
  local threads=$wrk_threads
  [ "$conns" -lt "$threads" ] && threads=$conns
  wrk -t"$threads" -c"$conns" -d"${duration}s" --latency -s "$script" "$url" 2>&1 | awk '
    function us(text) {
      if (text ~ /us$/) return text + 0
      if (text ~ /ms$/) return text * 1000
      if (text ~ /s$/) return text * 1000000
      return text + 0
    }
    /^ +50%/ { p50 = us($2) } /^ +99%/ { p99 = us($2) }
    /^Requests\/sec:/ { reqs = $2 }
    /Non-2xx or 3xx responses:/ { errors += $NF } /Socket errors:/ { errors += 1 }
    END { printf "%s %s %s %d\n", reqs, p50, p99, errors }'
}

# The median of the numbers on standard input.
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

printf '%-6s %-24s %5s | %11s %8s %8s | %11s %8s %8s | %6s\n' \
  method path conns "nginx req/s" "p50 ms" "p99 ms" "server" "p50 ms" "p99 ms" ratio
for run in "${runs[@]}"; do
  read -r method path body <<<"$run"
  for conns in $connections; do
    : >"$work/nginx.runs"
    : >"$work/server.runs"
    for _ in $(seq 1 "$rounds"); do
      measure "$method" "http://127.0.0.1:$nginx_port$path" "$body" "$conns" >>"$work/nginx.runs"
      measure "$method" "http://127.0.0.1:$port$path" "$body" "$conns" >>"$work/server.runs"
    done
    row=()
    for side in nginx server; do
      for column in 1 2 3; do row+=("$(awk -v c=$column '{ print $c }' "$work/$side.runs" | median)"); done
      row+=("$(awk '{ s += $4 } END { print s + 0 }' "$work/$side.runs")")
    done
    ratio=$(awk -v s="${row[4]}" -v n="${row[0]}" 'BEGIN { if (n > 0) printf "%.2f", s / n; else print "-" }')
    note=""
    [ "${row[3]}" -gt 0 ] && note+=" (nginx: ${row[3]} non-2xx/errors)"
    [ "${row[7]}" -gt 0 ] && note+=" (server: ${row[7]} non-2xx/errors)"
    printf '%-6s %-24s %5s | %11.0f %8.3f %8.2f | %11.0f %8.3f %8.2f | %6s%s\n' "$method" "$path" "$conns" \
      "${row[0]}" "$(awk -v v="${row[1]}" 'BEGIN { print v / 1000 }')" "$(awk -v v="${row[2]}" 'BEGIN { print v / 1000 }')" \
      "${row[4]}" "$(awk -v v="${row[5]}" 'BEGIN { print v / 1000 }')" "$(awk -v v="${row[6]}" 'BEGIN { print v / 1000 }')" \
      "$ratio" "$note"
  done
done
echo "server peak RSS (VmHWM): $(awk '/VmHWM/ { print $2, $3 }' "/proc/$server_pid/status")"
echo "server RSS now (VmRSS):  $(awk '/VmRSS/ { print $2, $3 }' "/proc/$server_pid/status")"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (on $(nproc) cores; figures from a busy machine swing widely)"
