# Sourced by csc-direct.sh and csc-ab.sh: builds the generated project in "$project" once with detailed logging
# and sets $compiler (the csc the SDK runs) and $rsp (a response file with the exact command line), with
# /parallel- first when $sequential is --sequential. The caller removes "$rsp" and "$rsp.log" when done.
rsp=$(mktemp)
dotnet build --no-restore --no-incremental -c Release -p:ReportAnalyzer=true -v:d -nodeReuse:false > "$rsp.log" 2>&1
compiler=$(grep -m1 -oE '/[^ ]*/Roslyn/bincore/csc ' "$rsp.log" | tr -d ' ')
grep -m1 -E '/Roslyn/bincore/csc ' "$rsp.log" | sed -e 's/^ *//' -e "s#^$compiler ##" > "$rsp"
if [ "${sequential:-}" = "--sequential" ]; then
  sed -i 's#^#/parallel- #' "$rsp"
fi
