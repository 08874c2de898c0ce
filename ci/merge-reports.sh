#!/usr/bin/env bash
# Joins the Allure results of sharded runs into one report.
#
#   ci/merge-reports.sh OUT_DIR RESULTS_DIR... [SUMMARY.json...]
#
# Each RESULTS_DIR is a shard's allure-results (files have unique names, so merging is copying;
# environment.properties and categories.json are the same in every shard). The HTML report is
# generated into OUT_DIR/allure-report; the shards' summary.json files (beside each RESULTS_DIR)
# are merged into OUT_DIR/summary.json and drawn as OUT_DIR/matrix.html.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$1"; shift
[[ $# -ge 1 ]] || { echo "usage: $0 OUT_DIR RESULTS_DIR... [SUMMARY.json...]" >&2; exit 2; }
mkdir -p "$out/allure-results"
summaries=()
for results in "$@"; do
  # A shard's summary.json may also be given on its own (a CI artifact apart from its results).
  if [[ -f "$results" && "$results" == *.json ]]; then summaries+=(--summary "$results"); continue; fi
  cp -R "$results"/. "$out/allure-results/"
  # Each shard's summary.json lies beside its results; the matrix is drawn from them all.
  [[ -f "$results/../summary.json" ]] && summaries+=(--summary "$results/../summary.json")
done
echo "merged $(ls "$out/allure-results" | grep -c -- '-result.json') scenario results from $# shards"
exec "$home/ipcspec" report --results "$out/allure-results" --output "$out/allure-report" "${summaries[@]}"
