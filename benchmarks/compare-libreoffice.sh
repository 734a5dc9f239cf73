#!/usr/bin/env bash
# The seed report made by what clerks use today and by CulturalServerless, side by side in one run:
#   LibreOffice (headless) converting an equivalent flat ODT of the same report to PDF — cold (a
#   fresh profile), warm (the profile made), and a batch of N documents in one process — against
#   our render+sign of the same report on one thread after a warm-up and on every core.
# It installs LibreOffice from Debian when it is missing (root), prints each figure and the ratios,
# and ends with the per-document ratio against the LibreOffice batch (the target is 10× or more).
#   benchmarks/compare-libreoffice.sh [--copies N] [--runs R]
set -euo pipefail
cd "$(dirname "$0")/.."

COPIES=20
RUNS=3
while [ $# -gt 0 ]; do
  case "$1" in
    --copies) COPIES="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    *) echo "usage: $0 [--copies N] [--runs R]" >&2; exit 2 ;;
  esac
done

if ! command -v soffice >/dev/null || [ ! -x /usr/bin/time ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "compare-libreoffice.sh: LibreOffice and GNU time are needed: sudo apt-get install libreoffice-writer-nogui time" >&2
    exit 1
  fi
  echo "Installing LibreOffice Writer and GNU time (Debian libreoffice-writer-nogui, time)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui time >/dev/null
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

now_ms() { date +%s%3N; }

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "LibreOffice: $(soffice --version 2>/dev/null | head -n1)"
echo "Date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"

dotnet build benchmarks/CulturalServerless.Benchmarks -c Release -nologo -v quiet -clp:ErrorsOnly\;NoSummary
ours() {
  dotnet run -c Release --no-build --project benchmarks/CulturalServerless.Benchmarks -- side-by-side \
    --out "$WORK/docs" --copies "$COPIES" "$@"
}

# LibreOffice: each run gets its own profile, so "cold" really starts from nothing.
libreoffice_run() { # run-number; prints "cold_ms warm_ms batch_per_doc_ms peak_rss_mb decision_ms"
  local profile="$WORK/profile-$1" out="$WORK/out-$1" start cold warm batch peak decision
  mkdir -p "$out"
  start=$(now_ms)
  soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" "$WORK/docs/seed-report.fodt" >/dev/null 2>&1
  cold=$(( $(now_ms) - start ))
  start=$(now_ms)
  soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" "$WORK/docs/seed-report.fodt" >/dev/null 2>&1
  warm=$(( $(now_ms) - start ))
  start=$(now_ms)
  /usr/bin/time -f '%M' -o "$WORK/rss-$1" soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf \
    --outdir "$out" "$WORK"/docs/batch/*.fodt >/dev/null 2>&1
  batch=$(( $(now_ms) - start ))
  peak=$(tail -n1 "$WORK/rss-$1")
  start=$(now_ms)
  soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" "$WORK/docs/decision-600.fodt" >/dev/null 2>&1
  decision=$(( $(now_ms) - start ))
  [ -s "$out/decision-600.pdf" ] || { echo "LibreOffice made no PDF of the decision" >&2; exit 1; }
  [ -s "$out/seed-report.fodt.pdf" ] || [ -s "$out/seed-report.pdf" ] || { echo "LibreOffice made no PDF" >&2; exit 1; }
  echo "$cold $warm $(awk -v t="$batch" -v n="$COPIES" 'BEGIN { printf "%.1f", t / n }') $(awk -v k="$peak" 'BEGIN { printf "%.0f", k / 1024 }') $decision"
}


printf '\n%-5s %10s %10s %16s %10s %14s | %14s %14s %16s %16s\n' run "LO cold ms" "LO warm ms" "LO batch ms/doc" "LO MB" "LO 600-dec ms" "ours ms/doc" "ours docs/s" "ours MB" "ours 600-dec ms"
for run in $(seq 1 "$RUNS"); do
  # Ours first in each run: it also writes the flat ODT and the batch copies LibreOffice converts.
  result=$(ours)
  get() { echo "$result" | sed -n "s/^$1=//p"; }
  read -r cold warm per_doc lo_mb lo_decision < <(libreoffice_run "$run")
  one=$(get ours_one_thread_median_ms); all=$(get ours_all_cores_docs_per_s); mb=$(get ours_peak_working_set_mb)
  decision=$(get ours_decision_one_thread_median_ms)
  printf '%-5s %10s %10s %16s %10s %14s | %14s %14s %16s %16s\n' "$run" "$cold" "$warm" "$per_doc" "$lo_mb" "$lo_decision" "$one" "$all" "$mb" "$decision"
  echo "$cold $warm $per_doc $one $all $lo_decision $decision" >> "$WORK/runs"
done

# Ratios over the runs' medians: per document against a single warm conversion and against the batch,
# and throughput against LibreOffice's batch rate.
awk '
  { cold[NR]=$1; warm[NR]=$2; batch[NR]=$3; one[NR]=$4; all[NR]=$5; lodec[NR]=$6; dec[NR]=$7 }
  function median(a, n,   i, j, t, b) { for (i = 1; i <= n; i++) b[i] = a[i]
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (b[j] < b[i]) { t = b[i]; b[i] = b[j]; b[j] = t }
    return n % 2 ? b[(n + 1) / 2] : (b[n / 2] + b[n / 2 + 1]) / 2 }
  END {
    n = NR; w = median(warm, n); b = median(batch, n); o = median(one, n); a = median(all, n); ld = median(lodec, n); d = median(dec, n)
    printf "\nMedians: LibreOffice warm %.0f ms, batch %.1f ms/doc (%.1f docs/s); ours %.2f ms/doc, %.0f docs/s\n", w, b, 1000 / b, o, a
    printf "Ratio per document, against one warm conversion: %.0fx\n", w / o
    printf "Ratio in throughput, all cores against the batch: %.0fx\n", a / (1000 / b)
    printf "Decision listing 600 agencies: LibreOffice warm %.0f ms, ours %.1f ms (render+sign, B-T; target under 1000 ms): %.0fx\n", ld, d, ld / d
    printf "Ratio per document, against the batch: %.1fx (target: 10x or more)\n", b / o
  }' "$WORK/runs"
