#!/usr/bin/env bash
# Proves the repository stands alone: clones the committed HEAD into a temporary folder with nothing
# beside it (no ../shared), installs it as a stranger would, starts it and checks the demo workspace,
# then runs the README's test command there. `--no-test` stops after the start.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
git clone -q "$repo" "$work/taizhang"
cd "$work/taizhang"
[ ! -e ../shared ] || { echo "unexpected ../shared beside the clone" >&2; exit 1; }
npm ci --no-audit --no-fund >"$work/npm-ci.log" 2>&1 || { tail -40 "$work/npm-ci.log"; exit 1; }

port=18$((RANDOM % 900 + 100))
TAIZHANG_DATA_DIR="$work/data" TAIZHANG_ADMIN_PASSWORD=lonely-admin-pass TAIZHANG_DEMO_PASSWORD=lonely-demo-pass \
  HOST=127.0.0.1 PORT=$port node bin/taizhang.js serve >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 1; done
grep -q 'demo workspace loaded: 4 regions, [1-9][0-9]* plans, [1-9][0-9]* tasks' "$work/serve.log" \
  || { cat "$work/serve.log"; echo "the demo workspace did not load its plans" >&2; exit 1; }
grep 'demo workspace loaded' "$work/serve.log"
kill "$server"

if [ "${1:-}" != "--no-test" ]; then npm test; fi
echo "lonely clone: ok"
