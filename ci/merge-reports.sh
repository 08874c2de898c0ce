#!/usr/bin/env bash
# Joins the Allure results of sharded runs into one report.
#
#   ci/merge-reports.sh OUT_DIR RESULTS_DIR...
#
# Each RESULTS_DIR is a shard's allure-results (files have unique names, so merging is copying;
# environment.properties and categories.json are the same in every shard). The HTML report is
# generated into OUT_DIR/allure-report.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$1"; shift
[[ $# -ge 1 ]] || { echo "usage: $0 OUT_DIR RESULTS_DIR..." >&2; exit 2; }
mkdir -p "$out/allure-results"
for results in "$@"; do
  cp -R "$results"/. "$out/allure-results/"
done
echo "merged $(ls "$out/allure-results" | grep -c -- '-result.json') scenario results from $# shards"
exec "$home/ipcspec" report --results "$out/allure-results" --output "$out/allure-report"
