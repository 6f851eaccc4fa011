#!/usr/bin/env bash
# Runs every test of the solution: data tests on real SQLite files, bunit component tests, and browser journeys in
# Debian's Chromium against the app on a real port. Installs Chromium with apt-get when it is missing.
# Ends with one line: "tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

# Debian's chromium drives the browser journeys; pdftotext (poppler-utils) reads the printed brief; python3-aiosmtpd
# is the real SMTP server the e-mail tests send to.
if [ ! -x /usr/bin/chromium ] || ! command -v pdftotext >/dev/null || ! /usr/bin/python3 -c "import aiosmtpd" 2>/dev/null; then
    echo "Installing Debian's chromium, poppler-utils and python3-aiosmtpd for the browser and e-mail tests..."
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils python3-aiosmtpd >/dev/null \
        || { echo "Could not install chromium, poppler-utils and python3-aiosmtpd with apt-get."; echo "tests: 0 passed, 1 failed"; exit 1; }
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! dotnet build Readiness.sln -c Debug; then
    echo "Build failed."
    echo "tests: 0 passed, 1 failed"
    exit 1
fi

log="$(mktemp)"
# Benchmark drivers and drills (tests under Bench folders, trait Category=Bench) are bench/run.sh's, not this run's.
dotnet test Readiness.sln -c Debug --no-build --filter "Category!=Bench" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# One summary line per test assembly: "Passed!  - Failed: 0, Passed: 34, Skipped: 0, Total: 34, ...".
read -r passed failed skipped < <(awk '
    /(Passed|Failed)! +- +Failed:/ {
        for (i = 1; i <= NF; i++) {
            v = $(i + 1); gsub(",", "", v)
            if ($i == "Failed:") f += v
            if ($i == "Passed:") p += v
            if ($i == "Skipped:") s += v
        }
    }
    END { printf "%d %d %d\n", p, f, s }' "$log")
rm -f "$log"

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    # The run broke outside a test (a crashed host, an assembly that did not load): count it as a failure.
    failed=1
fi

echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
