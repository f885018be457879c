#!/usr/bin/env bash
# fuzz.sh runs every fuzz target of the module for FUZZTIME each (default 10s),
# with minimisation capped at FUZZMINIMIZE (default 5s: Go's default of 60s a
# finding spends most of a short run minimising). Not run in CI.
#
#   scripts/fuzz.sh                      # all targets
#   FUZZTIME=60s scripts/fuzz.sh ./index # the targets of one package
set -euo pipefail
cd "$(dirname "$0")/.."

FUZZTIME=${FUZZTIME:-10s}
FUZZMINIMIZE=${FUZZMINIMIZE:-5s}
pkgs=("${@:-./...}")
fail=0
for pkg in $(go list "${pkgs[@]}"); do
  for target in $(go test -list '^Fuzz' "$pkg" | grep '^Fuzz' || true); do
    echo "== $pkg $target"
    if ! go test "$pkg" -run '^$' -fuzz "^${target}\$" -fuzztime "$FUZZTIME" -fuzzminimizetime "$FUZZMINIMIZE"; then
      fail=1
    fi
  done
done
exit $fail
