#!/usr/bin/env bash
# Re-derives the reference profile's throughput floors (features/reference.yaml): runs the
# @throughput scenarios N times in a row, optionally with K `yes` hogs keeping cores busy, and
# prints for each figure the lowest, median and highest harness-clock rate and a quarter of the
# lowest, the floor the profile's comment describes. Any ./ipcspec run option may follow.
#
#   ci/throughput-floors.sh 20 --hogs 2
#
# Or reads the runs a soak already made (ci/soak.sh leaves DIR/run-K/summary.json), so that one
# loaded soak of the whole suite gives both its verdicts and the floors:
#
#   ci/throughput-floors.sh --from /tmp/ipcspec.soak.XXXXXX
set -euo pipefail
cd "$(dirname "$0")/.."

usage='usage: ci/throughput-floors.sh N [--hogs K] [ipcspec run options...] | --from SOAK_DIR'
figures=$(mktemp -t ipcspec-floors.XXXXXX)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -f "$figures"' EXIT

# Appends "NAME<TAB>RATE" for each throughput figure of a run's summary.json.
throughput_figures() { # summary.json
  python3 - "$1" >> "$figures" <<'PY'
import json, sys
path = sys.argv[1]
try:
    summary = json.load(open(path))
except (OSError, ValueError) as e:
    sys.exit(f"{path}: not a run's summary: {e}")
for scenario in summary['scenarios']:
    for figure in scenario.get('figures') or []:
        if figure['name'].startswith('throughput') and 'as the endpoint' not in figure['name']:
            print(f"{figure['name']}\t{figure['value']:.0f}")
PY
}

if [[ "${1:-}" == "--from" ]]; then
  soak=${2:?$usage}
  [[ -d "$soak" ]] || { echo "$soak: no such folder" >&2; exit 2; }
  runs=0
  while IFS= read -r summary; do
    runs=$((runs + 1))
    throughput_figures "$summary"
  done < <(find "$soak" -mindepth 2 -maxdepth 2 -path '*/run-*/summary.json')
  if [[ $runs -eq 0 ]]; then
    echo "$soak: no run-K/summary.json in it (the folder ci/soak.sh names at its end)" >&2
    exit 2
  fi
  echo "$runs runs read from $soak" >&2
else
  runs=${1:?$usage}
  [[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "$usage" >&2; exit 2; }
  shift
  hogs=0
  if [[ "${1:-}" == "--hogs" ]]; then
    hogs=${2:?--hogs needs a count}
    shift 2
  fi
  for _ in $(seq "$hogs"); do
    yes > /dev/null &
    pids+=($!)
  done
  for i in $(seq "$runs"); do
    status=0
    ./ipcspec run --no-report --tags @throughput "$@" > /dev/null 2>&1 || status=$?
    echo "run $i/$runs: exit $status" >&2
    throughput_figures reports/summary.json
  done
fi

python3 - "$figures" <<'PY'
import collections, sys
rates = collections.defaultdict(list)
for line in open(sys.argv[1]):
    name, value = line.rstrip('\n').split('\t')
    rates[name].append(float(value))
print(f"{'figure':28s} {'runs':>4s} {'lowest':>10s} {'median':>10s} {'highest':>10s} {'lowest/4':>10s}")
for name, values in rates.items():
    values.sort()
    print(f"{name:28s} {len(values):4d} {values[0]:10,.0f} {values[len(values) // 2]:10,.0f} {values[-1]:10,.0f} {values[0] / 4:10,.0f}")
PY
