#!/usr/bin/env bash
# Runs one notebook of this folder headless, against the CoordSim packages packed from this checkout, and writes it
# with its outputs to out/notebooks/NAME.ipynb (git-ignored). What the tests do (tests/CoordSim.Tests/Notebooks):
#   1. dotnet pack CoordSim, CoordSim.Plots and CoordSim.Interactive (Release) into a temporary feed, with a version of
#      their own (0.1.0-local.TIME) so that no NuGet cache serves an older build of the same number;
#   2. install dotnet-repl 0.3.259 into ~/.cache/coordsim/ (once);
#   3. copy the notebook with a first cell  #i "nuget: FEED"  and its CoordSim packages set to that version;
#   4. dotnet-repl --run COPY --exit-after-run --output-path out/notebooks/NAME.ipynb --output-format ipynb
# Usage, from the repository root:  bash notebooks/run.sh tutorial
set -euo pipefail
name="${1:?usage: bash notebooks/run.sh NAME   (NAME: tutorial, latency-and-load, ...)}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
notebook="$root/notebooks/$name.dib"
[[ -f "$notebook" ]] || { echo "notebooks/run.sh: no notebook '$name': expected $notebook; notebooks: $(cd "$root/notebooks" && ls ./*.dib | sed 's|^\./||; s|\.dib$||' | tr '\n' ' ')" >&2; exit 2; }

repl_version=0.3.259
tools="${XDG_CACHE_HOME:-$HOME/.cache}/coordsim/dotnet-repl-$repl_version"
[[ -x "$tools/dotnet-repl" ]] || dotnet tool install dotnet-repl --version "$repl_version" --tool-path "$tools" >/dev/null

work="$(mktemp -d "${TMPDIR:-/tmp}/coordsim-notebook-XXXXXX")"
trap 'rm -rf "$work"' EXIT
library_version="$(dotnet msbuild "$root/src/CoordSim/CoordSim.csproj" -getProperty:Version)"
version="$library_version-local.$(date -u +%Y%m%d%H%M%S)"
for package in CoordSim CoordSim.Plots CoordSim.Interactive; do
  dotnet pack "$root/src/$package/$package.csproj" -c Release -o "$work/feed" "-p:PackageVersion=$version" >/dev/null
done

# The copy: the feed as a package source first, then the notebook with the packed version.
awk -v feed="$work/feed" -v version="$version" '
  !added && /^#!(csharp|markdown)$/ { print "#!csharp\n\n#i \"nuget: " feed "\"\n"; added = 1 }
  /^#r "nuget: CoordSim(\.[A-Za-z]+)?, [^"]+"$/ { sub(/, [^"]+"$/, ", " version "\"") }
  { print }' "$notebook" > "$work/$name.dib"

mkdir -p "$root/out/notebooks"
output="$root/out/notebooks/$name.ipynb"
# Restores go to a temporary packages folder that falls back on the global one: nothing is downloaded twice, and the
# packed packages leave no trace in the global folder.
NUGET_FALLBACK_PACKAGES="${NUGET_PACKAGES:-$HOME/.nuget/packages}" NUGET_PACKAGES="$work/packages" \
  "$tools/dotnet-repl" --run "$work/$name.dib" --exit-after-run --output-path "$output" --output-format ipynb
echo "wrote $output"
