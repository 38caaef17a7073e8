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
if ! build_log=$(dotnet build "$project" -c Release --nologo -v quiet 2>&1); then
  echo "$build_log" >&2
  echo "error: the build failed (output above)." >&2
  exit 1
fi
export PIPELINE_WAREHOUSE_HOME="$root"
exec dotnet "$out/pipeline-warehouse.dll" "$@"
