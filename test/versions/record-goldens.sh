#!/usr/bin/env bash
# Records programs/NAME.X.Y.out (stdout and stderr together, as the test reads them) for every
# program with each real interpreter given.   usage: record-goldens.sh PYTHON... [-- NAME.py...]
set -euo pipefail
cd "$(dirname "$0")/programs"
pys=(); progs=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do pys+=("$1"); shift; done
[ $# -gt 0 ] && shift
progs=("$@"); [ ${#progs[@]} -gt 0 ] || progs=(*.py)
for py in "${pys[@]}"; do
  ver=$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
  for src in "${progs[@]}"; do
    PYTHONHASHSEED=0 PYTHONIOENCODING=utf-8 "$py" "$src" >"${src%.py}.$ver.out" 2>&1 || true
  done
done
