#!/usr/bin/env bash
# Re-derives the reference profile's throughput floors (features/reference.yaml): runs the
# @throughput scenarios N times in a row, optionally with K `yes` hogs keeping cores busy, and
# prints for each figure the lowest, median and highest harness-clock rate and a quarter of the
# lowest, the floor the profile's comment describes. Any ./ipcspec run option may follow.
#
#   ci/throughput-floors.sh 20 --hogs 2
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:?usage: ci/throughput-floors.sh N [--hogs K] [ipcspec run options...]}
shift
hogs=0
if [[ "${1:-}" == "--hogs" ]]; then
  hogs=${2:?--hogs needs a count}
  shift 2
fi
figures=$(mktemp -t ipcspec-floors.XXXXXX)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -f "$figures"' EXIT
for _ in $(seq "$hogs"); do
  yes > /dev/null &
  pids+=($!)
done

for i in $(seq "$runs"); do
  status=0
  ./ipcspec run --no-report --tags @throughput "$@" > /dev/null 2>&1 || status=$?
  echo "run $i/$runs: exit $status" >&2
  python3 - "$i" "$status" >> "$figures" <<'PY'
import json, sys
summary = json.load(open('reports/summary.json'))
for scenario in summary['scenarios']:
    for figure in scenario.get('figures') or []:
        if figure['name'].startswith('throughput') and 'as the endpoint' not in figure['name']:
            print(f"{sys.argv[1]}\t{sys.argv[2]}\t{figure['name']}\t{figure['value']:.0f}")
PY
done

python3 - "$figures" <<'PY'
import collections, sys
rates = collections.defaultdict(list)
for line in open(sys.argv[1]):
    _, _, name, value = line.rstrip('\n').split('\t')
    rates[name].append(float(value))
print(f"{'figure':28s} {'runs':>4s} {'lowest':>10s} {'median':>10s} {'highest':>10s} {'lowest/4':>10s}")
for name, values in rates.items():
    values.sort()
    print(f"{name:28s} {len(values):4d} {values[0]:10,.0f} {values[len(values) // 2]:10,.0f} {values[-1]:10,.0f} {values[0] / 4:10,.0f}")
PY
