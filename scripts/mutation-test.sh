#!/usr/bin/env bash
# Mutation testing of a few library files with Stryker.NET, as a check that the tests would notice a broken line.
# Usage: scripts/mutation-test.sh [-o OUTDIR] [-c CONCURRENCY] [-t MS] [-r CONFIG] [-C MODE] [-a] "FILTER" GLOB [GLOB ...]
#   -o OUTDIR       where the reports go, relative to the repository (default StrykerOutput; use one folder per run,
#                   e.g. StrykerOutput/Metrics, so that runs do not overwrite each other's reports)
#   -c CONCURRENCY  test runners Stryker runs at once (default: Stryker's own, half the cores)
#   -t MS           milliseconds added to each mutant's time limit (Stryker's additional-timeout, default 5000). A mutant
#                   that outlives the limit counts as detected ("timeout"), so on a machine doing other work raise it
#                   (e.g. -t 20000): otherwise the load, not the tests, decides many verdicts
#   -r CONFIG       build configuration for Stryker's build, Debug or Release (default: the project's, Debug). Release
#                   lets the JIT optimise the mutated simulation loop, which matters for the files on its hot path
#   -C MODE         Stryker's coverage analysis: perTest (its default: a first pass records which tests reach each
#                   mutant, then only those run on it), all, or off (no coverage pass; every test in FILTER runs on
#                   every mutant). The coverage pass records every probe the tests pass, and where the mutants sit in
#                   code run per event that is slow: for Structures it took 10 minutes, where the same tests take 6
#                   seconds without Stryker. off skips that pass, but then a test that fails on Stryker's build
#                   whatever the mutant counts as a kill of every mutant, so first check that FILTER passes with
#                   no mutant active (a run of one span the tests do not reach must leave its mutants surviving;
#                   docs/validation.md, "Structures and Experiments"). Give off a long -t (60000): with -t 10000
#                   and two runners on 2 cores a run timed out on 150 of 307 mutants (re-test with
#                   scripts/mutation-sample.cs timeouts and score --retest)
#   -a              run every covering test on a mutant instead of stopping at the first that fails (--disable-bail),
#                   so that the JSON report's killedBy lists all the tests that notice it (e.g. to tell what new tests add)
#   FILTER  a dotnet test filter that picks the tests worth running for these files (keep out the CLI, kill and sweep
#           tests: Stryker's coverage pass over the whole suite takes about 25 minutes on 2 cores)
#   GLOB    files of src/CoordSim to mutate, for example "**/Metrics/KaplanMeier.cs" or "**/Metrics/*.cs"
# Example (one folder, its own report folder, two runners, at low priority):
#   nice -n 15 scripts/mutation-test.sh -o StrykerOutput/Engine -c 2 "FullyQualifiedName~CoordSim.Tests.Engine" "**/Engine/*.cs"
# The tool goes into the repository's local tool manifest (dotnet-tools.json); the reports into OUTDIR/reports/
# (mutation-report.html, mutation-report.md, which lists the survivors, and mutation-report.json, which has every
# mutant with its status and the tests that covered and killed it; StrykerOutput/ is git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
usage() { echo "usage: scripts/mutation-test.sh [-o OUTDIR] [-c CONCURRENCY] [-t MS] [-r CONFIG] [-C MODE] [-a] \"FILTER\" GLOB [GLOB ...]" >&2; exit 2; }
out=StrykerOutput
concurrency=()
bail=()
build_config=()
extra_ms=""
coverage=""
while getopts "o:c:t:r:C:a" opt; do
  case "$opt" in
    o) out="$OPTARG" ;;
    c) concurrency=(--concurrency "$OPTARG") ;;
    t) extra_ms="$OPTARG" ;;
    r) case "$OPTARG" in Debug|Release) build_config=(--configuration "$OPTARG") ;;
         *) echo "-r: '$OPTARG' is not a build configuration; allowed: Debug, Release" >&2; exit 2 ;; esac ;;
    C) case "$OPTARG" in perTest|all|off) coverage="$OPTARG" ;;
         *) echo "-C: '$OPTARG' is not a coverage analysis; allowed: perTest, all, off" >&2; exit 2 ;; esac ;;
    a) bail=(--disable-bail) ;;
    *) usage ;;
  esac
done
shift $((OPTIND - 1))
if [ "$#" -lt 2 ]; then
  usage
fi
filter="$1"; shift
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
[ -f dotnet-tools.json ] || [ -f .config/dotnet-tools.json ] || dotnet new tool-manifest
dotnet tool restore > /dev/null
dotnet tool list --local | grep -q dotnet-stryker || dotnet tool install --local dotnet-stryker --version 5.1.0
config=()
settings=()
if [ -n "$extra_ms" ]; then
  case "$extra_ms" in *[!0-9]*|"") echo "-t: '$extra_ms' is not a whole number of milliseconds" >&2; exit 2 ;; esac
  settings+=("\"additional-timeout\": $extra_ms")
fi
[ -n "$coverage" ] && settings+=("\"coverage-analysis\": \"$coverage\"")
if [ "${#settings[@]}" -gt 0 ]; then
  mkdir -p "$out"
  joined=$(IFS=,; echo "${settings[*]}")
  printf '{ "stryker-config": { %s } }\n' "$joined" > "$out/stryker-config.json"
  config=(--config-file "$out/stryker-config.json")
fi
mutate=()
for glob in "$@"; do mutate+=(--mutate "$glob"); done
cd src/CoordSim
dotnet tool run dotnet-stryker --test-project ../../tests/CoordSim.Tests/CoordSim.Tests.csproj \
  "${config[@]}" --test-case-filter "$filter" "${mutate[@]}" "${concurrency[@]}" "${bail[@]}" "${build_config[@]}" --reporter html --reporter progress --reporter markdown --reporter json \
  --output "$out"
