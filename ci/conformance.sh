#!/usr/bin/env bash
# Runs the ipcspec conformance suite in a user's CI job.
#
#   ci/conformance.sh [--profile FILE | --impl "COMMAND"] [--shard K/N] [other `ipcspec run` options]
#
# Results go to reports/ (or $IPCSPEC_REPORTS): Allure results, JUnit XML for the CI's test tab,
# and the conformance matrix. Exit status as `ipcspec run`: 0 conformant, 1 a rule was broken,
# 2 the run could not judge (usage, profile, environment, or an implementation that broke).
# With --shard, each job writes its own results; ci/merge-reports.sh joins them.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
reports="${IPCSPEC_REPORTS:-$home/reports}"
exec "$home/ipcspec" run --reports "$reports" "$@"
