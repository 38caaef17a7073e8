#!/usr/bin/env bash
# Pipeline Warehouse: builds the CLI (Release, incrementally) and runs it.
#   ./run-etl.sh                 the demo: generate demo exports if absent, load them into warehouse/pipeline.duckdb
#   ./run-etl.sh run --input DIR --warehouse FILE [--as-of YYYY-MM-DD]
#   ./run-etl.sh help            every command and option
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$root/src/Pipeline.Warehouse.Host/Pipeline.Warehouse.Host.csproj"
out="$root/src/Pipeline.Warehouse.Host/bin/Release/net10.0/linux-x64"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET SDK (dotnet) is not on PATH; install .NET 10 and try again." >&2
  exit 2
fi
# Build unless the last build by this script is newer than every source it reads (about 3 s saved
# on each run of a built clone); any edit, pull or checkout of a source rebuilds.
stamp="$out/.built-by-run-etl"
changed=yes
if [ -f "$stamp" ]; then
  changed=$(find "$root/src" "$root/sql" "$root/benchmarks" \( -name bin -o -name obj \) -prune \
    -o -type f -newer "$stamp" -print -quit)
  for file in "$root"/Directory.*.props "$root"/global.json "$root/run-etl.sh"; do
    if [ -z "$changed" ] && [ -f "$file" ] && [ "$file" -nt "$stamp" ]; then changed=$file; fi
  done
fi
if [ -n "$changed" ]; then
  if ! build_log=$(dotnet build "$project" -c Release --nologo -v quiet 2>&1); then
    echo "$build_log" >&2
    echo "error: the build failed (output above)." >&2
    exit 1
  fi
  touch "$stamp"
fi
export PIPELINE_WAREHOUSE_HOME="$root"
exec dotnet "$out/pipeline-warehouse.dll" "$@"
