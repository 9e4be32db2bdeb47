#!/usr/bin/env bash
# The SDK suites (openapi, sdk-node, sdk-browser, sdk-react) and the server smoke under each
# Node.js major in NODE_MAJORS, besides the Node that runs the rest of CI. Run after the build.
# Each major's suites leave their JSON report in .vitest-results-node-<major>.json, which
# .ci/summarize.mjs adds to CI's closing count.
#
# The runtimes come from the `node` package on the npm registry: its preinstall installs
# node-<os>-<arch>@<version> and hard-links that binary to node_modules/node/bin/node. Each
# major is installed once into a cache outside the clone (NOZLE_NODE_CACHE), so later runs on
# this machine only check it. The runtimes run in parallel: the suites only read the builds,
# and the smokes use their own ports and schemas.
set -euo pipefail
cd "$(dirname "$0")/.."

NODE_MAJORS=${NODE_MAJORS:-"22 24"}
CACHE=${NOZLE_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/nozle-ci-node}

runtime() {
  local dir="$CACHE/$1"
  if ! "$dir/node_modules/node/bin/node" --version >/dev/null 2>&1; then
    rm -rf "$dir" && mkdir -p "$dir"
    npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error "node@$1" >&2
  fi
  echo "$dir/node_modules/node/bin"
}

under() {
  local major=$1 bin
  bin=$(runtime "$major")
  # vitest's workers and the smoke's server start from process.execPath: this runtime.
  PATH="$bin:$PATH" node --version
  PATH="$bin:$PATH" CI_RESULTS=".vitest-results-node-$major.json" \
    node node_modules/vitest/vitest.mjs run --project openapi --project sdk-node --project sdk-browser --project sdk-react
  PATH="$bin:$PATH" node .ci/smoke.mjs
}

logs=$(mktemp -d)
pids=()
for major in $NODE_MAJORS; do
  under "$major" >"$logs/node-$major.log" 2>&1 &
  pids+=("$!")
done
failed=0
i=0
for major in $NODE_MAJORS; do
  status=0
  wait "${pids[$i]}" || status=$?
  i=$((i + 1))
  echo "--- Node $major"
  cat "$logs/node-$major.log"
  [ "$status" -eq 0 ] || {
    echo "Node $major: failed (exit $status)" >&2
    failed=1
  }
done
exit "$failed"
