#!/usr/bin/env bash
# Mutation testing of a few library files with Stryker.NET, as a check that the tests would notice a broken line.
# Usage: scripts/mutation-test.sh "FILTER" GLOB [GLOB ...]
#   FILTER  a dotnet test filter that picks the tests worth running for these files (keep out the CLI, kill and sweep
#           tests: Stryker's coverage pass over the whole suite takes about 25 minutes on 2 cores)
#   GLOB    files of src/CoordSim to mutate, for example "**/Metrics/KaplanMeier.cs"
# The tool goes into the repository's local tool manifest (dotnet-tools.json); the report into StrykerOutput/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$#" -lt 2 ]; then
  echo "usage: scripts/mutation-test.sh \"FILTER\" GLOB [GLOB ...]" >&2
  exit 2
fi
filter="$1"; shift
[ -f dotnet-tools.json ] || [ -f .config/dotnet-tools.json ] || dotnet new tool-manifest
dotnet tool restore > /dev/null
dotnet tool list --local | grep -q dotnet-stryker || dotnet tool install --local dotnet-stryker --version 5.1.0
mutate=()
for glob in "$@"; do mutate+=(--mutate "$glob"); done
cd src/CoordSim
dotnet tool run dotnet-stryker --test-project ../../tests/CoordSim.Tests/CoordSim.Tests.csproj \
  --test-case-filter "$filter" "${mutate[@]}" --reporter html --reporter progress --reporter markdown \
  --output ../../StrykerOutput
