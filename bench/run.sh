#!/usr/bin/env bash
# Runs every benchmark and drill on this machine and prints the figures for bench/RESULTS.md.
# Not part of ./test.sh (it takes minutes and needs the national data set). `bench/run.sh quick` runs only the small
# sizes of every driver and drill (the tests with the trait Category=Bench, which ./test.sh leaves out) as a check that
# they still work.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "quick" ]; then
    dotnet build Readiness.sln -c Debug -v quiet -nologo
    dotnet test tests/Readiness.Data.Tests --no-build --filter "Category=Bench" | tail -2
    dotnet test tests/Readiness.EndToEnd.Tests --no-build --filter "Category=Bench" | tail -2
    exit 0
fi
out="${1:-bench/out}"
mkdir -p "$out"
dotnet build bench/Readiness.Bench -c Release -v quiet -nologo
bench="dotnet bench/Readiness.Bench/bin/Release/net10.0/Readiness.Bench.dll"

echo "== machine"; nproc; free -g | head -2; dotnet --version
echo "== national data set"
rm -f "$out/national.db"*
$bench generate "$out/national.db" | tail -1
echo "== benchmarks"
READINESS_BENCH_DB="$out/national.db" $bench bench --filter '*' 2>&1 | tee "$out/benchmarks.log" | grep -E '^\|' || true
echo "== region maps: bytes and render time"
$bench maps
echo "== drills (on a copy, so the benchmark set stays as generated)"
cp "$out/national.db" "$out/drills.db"
$bench drills "$out/drills.db"
echo "== browser latency and memory (Chromium; the app as deployed: a Release publish in Production, on real ports)"
dotnet publish src/Readiness.Web -c Release -o "$out/publish" -v quiet -nologo
export READINESS_APP_PUBLISHED="$out/publish"
dotnet build tests/Readiness.EndToEnd.Tests -v quiet -nologo
READINESS_BENCH_FULL=1 dotnet test tests/Readiness.EndToEnd.Tests --no-build --filter "FullyQualifiedName~BrowserDriverTests|FullyQualifiedName~TasksDriverTests|FullyQualifiedName~FieldLinkDriverTests" | tail -2
cat bench/out/latency-one-server.txt bench/out/latency-two-servers.txt bench/out/memory-walls.txt bench/out/tasks-weak-link.txt bench/out/field-link.txt
echo "== outage drill: a wall left open while the server is down for 8 minutes"
READINESS_BENCH_OUTAGE_MINUTES=8 dotnet test tests/Readiness.EndToEnd.Tests --no-build --filter "FullyQualifiedName~OutageDrillTests" | tail -2
cat bench/out/outage-drill.txt
echo "== hub load: 2,000 .NET SignalR connections with screen tokens on one regency"
READINESS_BENCH_FULL=1 dotnet test tests/Readiness.EndToEnd.Tests --no-build --filter "FullyQualifiedName~HubLoadDriverTests" | tail -2
cat bench/out/hub-load.txt
echo "== escalation: every rule once over the set, then the outbox to a receiver on loopback for 20 s (on a copy)"
cp "$out/national.db" "$out/escalation.db"
$bench escalation "$out/escalation.db" 20
