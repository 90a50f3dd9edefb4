#!/usr/bin/env bash
# Conformance with Plaid's own spec (../shared/plaid-openapi/2020-09-14.yml), against Stoplight Prism, the
# OpenAPI mock server pinned in build/package.json and installed with `npm ci`:
#   1. the public PlaidClient against `prism mock -d` (random schema-valid answers): CONFORMANCE_CALLS calls
#      (default 1200), half with options, every third forced to a 4xx/5xx with `Prefer: code=N, dynamic=true`.
#      Each answer is judged from its raw bytes (build/Conformance): a 2xx equals the body in every member the
#      spec defines, an error keeps the Plaid error as sent, a body that is not an object gives no error fields;
#   2. FakePlaidHandler's scenarios served on loopback through `prism proxy` (validating) of the same spec: no
#      violation but the deliberate unknown subtype of FakeAccount.UnknownSubtype;
#   3. the Live tests (category Live, tests/Plaid.Generated.IntegrationTests/Live), written for Plaid's real Sandbox,
#      against `prism mock` (static: the spec's examples) through PLAID_LIVE_MOCK_URL, then `plaid-balance sandbox`
#      against the same mock. Their "Passed! - Failed: ..." line is counted by .ci/run.
# Prism must log no request violation. Prints "conformance: N calls, N right" (and the fake's line); exits
# non-zero when anything is wrong. Without node/npm or the spec it says so and skips, unless CI=true.
set -uo pipefail
cd "$(dirname "$0")/.."

spec=../shared/plaid-openapi/2020-09-14.yml
calls=${CONFORMANCE_CALLS:-1200}

missing() {
  if [ "${CI:-}" = "true" ]; then
    echo "conformance: FAIL ($1, which CI must have)"
    exit 1
  fi
  echo "conformance: SKIPPED ($1; under CI=true this is a failure)"
  exit 0
}
fail() {
  echo "conformance: FAIL ($*)"
  exit 1
}

{ command -v node && command -v npm; } >/dev/null || missing "node and npm are not installed"
[ -f "$spec" ] || missing "$spec is absent"

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  done
  rm -rf "$work"
}
trap cleanup EXIT

# Debug, like `dotnet test`: .ci/run has built the libraries already, so only the driver compiles, beside npm ci.
dotnet build build/Conformance -v:q -nologo >"$work/build.log" 2>&1 &
build_pid=$!
pids+=("$build_pid")

echo "== npm ci (build/package-lock.json) $(date +%T)"
(cd build && npm ci --prefer-offline --ignore-scripts --no-audit --no-fund --loglevel=error) || fail "npm ci failed"
prism=build/node_modules/.bin/prism
prism_version=$("$prism" --version) || fail "prism does not run"

# Four loopback ports the system hands out, held together so that they differ.
read -r mock_port proxy_port fake_port static_port < <(node -e '
  const net = require("net");
  const servers = [0, 1, 2, 3].map(() => net.createServer());
  Promise.all(servers.map(s => new Promise(r => s.listen(0, "127.0.0.1", r)))).then(() => {
    console.log(servers.map(s => s.address().port).join(" "));
    servers.forEach(s => s.close());
  });')
[ -n "$static_port" ] || fail "no free loopback port"

echo "== Prism $prism_version: mock -d on 127.0.0.1:$mock_port, proxy on 127.0.0.1:$proxy_port -> fake on 127.0.0.1:$fake_port"
"$prism" mock -d -h 127.0.0.1 -p "$mock_port" "$spec" >"$work/mock.log" 2>&1 &
pids+=($!)
"$prism" proxy -h 127.0.0.1 -p "$proxy_port" "$spec" "http://127.0.0.1:$fake_port" >"$work/proxy.log" 2>&1 &
pids+=($!)
"$prism" mock -h 127.0.0.1 -p "$static_port" "$spec" >"$work/static.log" 2>&1 &
pids+=($!)

wait "$build_pid" || { cat "$work/build.log"; fail "build/Conformance does not build"; }

echo "== waiting for Prism $(date +%T)"
for log in mock proxy static; do
  for _ in $(seq 1 120); do
    grep -q "Prism is listening on" "$work/$log.log" && break
    sleep 1
  done
  grep -q "Prism is listening on" "$work/$log.log" || { tail -20 "$work/$log.log"; fail "prism $log did not start"; }
done

echo "== calls $(date +%T)"
# A bound, so a driver that stalls fails the step instead of holding CI to its limit (a run takes well under a minute).
timeout 600 dotnet build/Conformance/bin/Debug/net10.0/Plaid.Generated.Conformance.dll \
  "$spec" "http://127.0.0.1:$mock_port" "$calls" "http://127.0.0.1:$proxy_port" "$fake_port"
driver_status=$?

echo "== Live tests against the static mock $(date +%T)"
PLAID_LIVE_MOCK_URL="http://127.0.0.1:$static_port" dotnet test tests/Plaid.Generated.IntegrationTests --no-build --filter TestCategory=Live
live_status=$?
sandbox_output=$(PLAID_CLIENT_ID=conformance-client PLAID_SECRET=conformance-secret-0123 \
  dotnet src/Plaid.Generated.Cli/bin/Debug/net10.0/Plaid.Generated.Cli.dll sandbox --base-url "http://127.0.0.1:$static_port" 2>&1)
sandbox_status=$?
echo "$sandbox_output"

echo "== done $(date +%T)"
received=$(grep -c "Request received" "$work/mock.log")
request_violations=$(cat "$work/mock.log" "$work/proxy.log" "$work/static.log" | grep -c "Violation: request")
echo "Prism $prism_version: $received requests received by the mock, $request_violations request violations logged"
if [ "$request_violations" -ne 0 ]; then
  grep "Violation: request" "$work/mock.log" "$work/proxy.log" | head -5
  fail "Prism logged request violations"
fi
[ "$received" -ge "$calls" ] || fail "the mock received $received requests, fewer than the $calls calls"
[ "$driver_status" -ne 124 ] || fail "the calls did not finish within 10 minutes"
[ "$driver_status" -eq 0 ] || fail "answers above were read wrong"
[ "$live_status" -eq 0 ] || fail "the Live tests failed against the mock"
[ "$sandbox_status" -eq 0 ] && grep -q "^PROCESSOR TOKEN  processor-sandbox-" <<<"$sandbox_output" || fail "plaid-balance sandbox failed against the mock"
echo "conformance: PASS (Prism $prism_version, $calls calls against the mock, FakePlaidHandler through the validating proxy, the Live tests and plaid-balance sandbox against the static mock)"
