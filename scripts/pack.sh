#!/usr/bin/env bash
# Packs CoordSim, CoordSim.Plots, CoordSim.Interactive and the tool CoordSim.Cli (the package dotnet tool install names, and one package per
# platform it points to), each with its .snupkg symbols, into a folder: out/packages unless given.
#
#   scripts/pack.sh [OUT]
#   TOOL_RIDS="linux-x64" scripts/pack.sh OUT    # the tool for fewer platforms (a quick local feed)
#
# The build is a CI build (paths in the assemblies and PDBs mapped to /_/), so the same commit packs the same
# assemblies in any folder. The repository URL and SourceLink come from the clone's origin remote when it is an https
# URL; set another with -p:RepositoryUrl=... in EXTRA_PACK_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out/packages}"
args=(-c Release -p:ContinuousIntegrationBuild=true -o "$out")
if [ -n "${TOOL_RIDS:-}" ]; then
  args+=("-p:ToolPackageRuntimeIdentifiers=${TOOL_RIDS//;/%3B}")
fi
# shellcheck disable=SC2206
extra=(${EXTRA_PACK_ARGS:-})

# The tool first: it builds the library and the figures, which are then packed as built.
dotnet pack src/CoordSim.Cli/CoordSim.Cli.csproj "${args[@]}" "${extra[@]}"
dotnet pack src/CoordSim/CoordSim.csproj --no-build "${args[@]}" "${extra[@]}"
dotnet pack src/CoordSim.Plots/CoordSim.Plots.csproj --no-build "${args[@]}" "${extra[@]}"
dotnet pack src/CoordSim.Interactive/CoordSim.Interactive.csproj "${args[@]}" "${extra[@]}"
ls -l "$out"
