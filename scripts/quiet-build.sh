#!/usr/bin/env bash
# Runs a build command and shows its output, leaving out one known warning: linking the
# toolchain's static Foundation reports that Foundation itself uses mktemp. It is the toolchain's,
# not GluteCoach's, and says nothing about this build. The command's exit status is kept.
#   scripts/quiet-build.sh swift build -c release ...
set -uo pipefail
"$@" 2>&1 | { grep -v -e "the use of .mktemp. is dangerous" || true; }
exit "${PIPESTATUS[0]}"
