#!/usr/bin/env bash
# `pnpm demo` at the repository root: the whole pipeline for real (spec → types → client → mock → CLI),
# with no token and no network: --mock answers on 127.0.0.1 with realistic data generated from the ids.
set -euo pipefail
cd "$(dirname "$0")"

session_id=182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e
participant_id=5f0c2a6e-9a1b-4c3d-8e7f-0a1b2c3d4e5f
peer_id=7c9e6679-7425-40de-944b-e07fc1f90ae7

show() {
  printf '\n$ realtimekit %s\n' "$*"
  node dist/bin.js "$@"
}

show participant "$session_id" "$participant_id" --filters device_info,events --include-peer-events --mock
show peer-report "$peer_id" --filters quality_stats,ip_information --mock
show participant "$session_id" "$participant_id" --mock --json
