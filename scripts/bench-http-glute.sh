#!/usr/bin/env bash
# make bench-http: glute serve against nginx (a benchmark, not a test).
#
# Seeds a fresh database with a client account that has a plan and an API token, then runs
# scripts/bench-http.sh against GET /api/me/today and POST /api/me/sets (durable: each 201 is
# committed with synchronous=FULL) at 1, 16 and 64 connections, beside nginx serving a static
# file of the same bytes, and prints requests/s, p50/p99, the ratios and the server's peak RSS.
#
# Usage: scripts/bench-http-glute.sh [GLUTE_BINARY] [bench-http.sh options...]
set -euo pipefail
cd "$(dirname "$0")/.."
glute=${1:-.build/release/glute}
shift || true
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
database="$work/bench.sqlite"
email=bench@example.com
printf '%s\n' 'a long bench password' | "$glute" account create "$email" --role client --password-stdin \
  --time-zone UTC --database "$database" >/dev/null
"$glute" --account "$email" assess --input Tests/GluteCLITests/Fixtures/cases/desk-worker-left-amnesia.json \
  --database "$database" >/dev/null
token=$("$glute" account token "$email" --name bench --database "$database")
printf '%s' '{"exercise":"clamshell","side":"left","reps":[15,15],"felt":"glutes","pain":0}' >"$work/set.json"
echo "Seeded $database: one client with a plan and an API token." >&2
scripts/bench-http.sh --get /api/me/today --post "/api/me/sets=$work/set.json" \
  --header "Authorization: Bearer $token" "$@" -- "$glute" serve --port '{port}' --database "$database"
