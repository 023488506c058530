#!/usr/bin/env bash
# One pass of make test: swift test --skip-build with the given filters, under a time limit.
#
# Now and then (about one run in four on a loaded two-core machine) a whole test process stalls:
# every task waits and no thread runs (see docs/testing.md). A pass that outlives its limit is
# killed and run once more, saying so; a pass that fails fails at once, and so does a second stall.
#
# Usage: scripts/test-pass.sh SECONDS [swift test options...]
set -uo pipefail
limit=$1
shift
for attempt in 1 2; do
  timeout --kill-after=10 "$limit" "${SWIFT:-swift}" test --skip-build "$@"
  status=$?
  if [ "$status" -ne 124 ] && [ "$status" -ne 137 ]; then exit "$status"; fi
  echo "test-pass: swift test $* stalled for ${limit} s (attempt $attempt); its process was killed" >&2
  pkill -KILL -f GluteCoachPackageTests.xctest 2>/dev/null || true
done
exit 124
