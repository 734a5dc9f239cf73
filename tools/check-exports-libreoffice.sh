#!/usr/bin/env bash
# Opens the committee's export in LibreOffice Calc (headless) and checks that the agency names come
# back exactly, in Vietnamese: the load harness writes the export of a few agencies with every kind
# of Vietnamese mark, a comma, quotes and a formula-like name (tools/LoadHarness, --export-samples)
# as XLSX and CSV; Calc converts each to CSV; each name read back is compared with the one written.
# Installs Debian's libreoffice-calc-nogui when soffice is missing (about 150 MB: not part of
# ./test.sh for that reason). Needs the emulators (./tools/emulators.sh start). Output: docs/performance.md, "Exports".
set -euo pipefail
cd "$(dirname "$0")/.."

if ! dpkg -s libreoffice-calc-nogui >/dev/null 2>&1; then
  # apt may be held briefly by another install: retry.
  for attempt in 1 2 3 4 5 6; do
    if apt-get install -y -q libreoffice-calc-nogui >/dev/null; then break; fi
    [ "$attempt" = 6 ] && { echo "could not install libreoffice-calc-nogui" >&2; exit 1; }
    sleep 20
  done
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet run -c Release --project tools/LoadHarness -- --export-samples "$work" >/dev/null
soffice --version | head -n1
# CSV out: comma, double quote, UTF-8 (76), from line 1; the CSV in: the same.
soffice --headless -env:UserInstallation="file://$work/profile" --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' \
  --outdir "$work/from-xlsx" "$work/export.xlsx" >/dev/null
soffice --headless -env:UserInstallation="file://$work/profile" --infilter='CSV:44,34,76,1' \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir "$work/from-csv" "$work/export.csv" >/dev/null

python3 - "$work" <<'PY'
import csv, sys, pathlib
work = pathlib.Path(sys.argv[1])
names = (work / "names.txt").read_text(encoding="utf-8").splitlines()
failed = False
for source in ("from-xlsx", "from-csv"):
    with open(work / source / "export.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    back = sorted(r[1] for r in rows[1:])
    print(f"{source}: header {rows[0][1]!r}, {len(rows) - 1} rows")
    for name in sorted(names):
        # XLSX keeps the text as written; the CSV's formula-like cell carries the apostrophe that made it text.
        expected = "'" + name if source == "from-csv" and name[0] in "=+-@" else name
        ok = expected in back
        failed |= not ok
        print(f"  {'ok ' if ok else 'BAD'} {expected}")
sys.exit(1 if failed else 0)
PY
echo "every agency name came back exactly"
