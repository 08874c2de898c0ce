#!/usr/bin/env bash
# Runs the conformance suite N times in a row and tells whether every scenario got the same verdict
# each time: the way to check a machine, or an implementation, for flakiness.
#
#   ci/soak.sh N [other `ipcspec run` options, e.g. --impl "python3 endpoint.py" --tags @S1]
#
# Prints a line per run (exit status, the run's counts, wall time), then every scenario whose
# verdict changed between runs, by file and line. Each run's output and reports stay in
# $IPCSPEC_SOAK_DIR (default: a fresh folder under the temp folder), named at the end.
# Exit status: 0 every run exited 0 and no verdict changed; 1 a run failed or a verdict changed;
# 2 a usage error.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if [[ $# -lt 1 || ! "$1" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: ci/soak.sh N [ipcspec run options]   (N: how many runs, at least 1)" >&2
  exit 2
fi
runs="$1"
shift
soak="${IPCSPEC_SOAK_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/ipcspec.soak.XXXXXX")}"
mkdir -p "$soak"

# One line per scenario, "LOCATION<TAB>OUTCOME", from the progress lines a run prints:
#   [ 3/14  0:05] passed      A generated payload ... (socket)  (features/protocol.feature:51)
# The outcome is the padded 11-character column after the clock; the location, the last
# parenthesised word, is unique per scenario and per row of an outline's examples.
verdicts() {
  sed -nE 's/^\[ *[0-9]+\/[0-9]+ +[0-9]+:[0-9]+\] (.{11}) .*\(([^()]+)\)$/\2\t\1/p' "$1" \
    | sed -E 's/ +$//' | sort
}

failed_runs=0
for ((k = 1; k <= runs; k++)); do
  log="$soak/run-$k.log"
  began=$(date +%s%N)
  status=0
  "$home/ipcspec" run --no-report --reports "$soak/run-$k" "$@" >"$log" 2>&1 || status=$?
  ended=$(date +%s%N)
  verdicts "$log" >"$soak/run-$k.verdicts"
  # "114 passed, 0 failed, 0 unsupported, 0 broken in 58.1s; ..." -> the counts, whatever outcomes it names
  counts="$(grep -E '^[0-9]+ passed, ' "$log" | tail -1 | sed -E 's/ in [0-9].*$//')"
  [[ -n "$counts" ]] || counts="no summary (see $log)"
  if [[ $status -ne 0 ]]; then failed_runs=$((failed_runs + 1)); fi
  printf 'run %d/%d: exit %d, %s, %d scenarios, %s s\n' "$k" "$runs" "$status" "$counts" \
    "$(wc -l <"$soak/run-$k.verdicts")" "$(awk -v n=$((ended - began)) 'BEGIN { printf "%.1f", n / 1e9 }')"
done

# Every scenario seen in any run, with its outcome in each ("-" where a run did not report it).
changed="$(
  for ((k = 1; k <= runs; k++)); do
    awk -F '\t' -v k="$k" '{ print $1 "\t" k "\t" $2 }' "$soak/run-$k.verdicts"
  done | awk -F '\t' -v runs="$runs" '
    { outcome[$1, $2] = $3; seen[$1] = 1 }
    END {
      for (loc in seen) {
        line = ""; same = 1; first = ((loc, 1) in outcome) ? outcome[loc, 1] : "-"
        for (k = 1; k <= runs; k++) {
          o = ((loc, k) in outcome) ? outcome[loc, k] : "-"
          if (o != first) same = 0
          line = line (k > 1 ? ", " : "") o
        }
        if (!same) print "  " loc ": " line
      }
    }' | sort
)"

echo
if [[ -z "$changed" ]]; then
  echo "every scenario had the same verdict in all $runs runs"
else
  echo "verdicts changed between runs (run 1, run 2, ...):"
  echo "$changed"
fi
echo "$failed_runs of $runs runs exited nonzero; logs and reports: $soak"
[[ -z "$changed" && $failed_runs -eq 0 ]]
