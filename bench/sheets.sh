#!/usr/bin/env bash
# bench/sheets.sh: the workbook row of `make bench` (docs: bench/README.md).
#
#   bench/sheets.sh BUILD [SCALE]
#
# Generates the dataset of SCALE (default region, about 250,000
# memberships) with the shared generator, scans it and writes it as a
# workbook with `netmap export --format xlsx`, has LibreOffice save that
# workbook again (shared strings, as Calc writes them) when soffice is
# there, and then runs, interleaved, the floor (BUILD/netmap_floor_xlsx:
# libzip inflates every sheet and the shared strings, expat parses them
# with empty handlers) and `netmap validate book.xlsx`, BENCH_RUNS times
# (default 5), printing the median, min and max of seconds and peak memory
# and the ratio of the medians. Target: validate within 1.5x of the floor,
# peak memory under 512 MiB at region scale.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:?usage: bench/sheets.sh BUILD [SCALE]}
SCALE=${2:-region}
RUNS=${BENCH_RUNS:-5}
SEED=${BENCH_SEED:-1}
GEN=${NETMAP_SHARED_BENCH:-$ROOT/../shared/bench/gen_dataset.py}
OUT=$ROOT/bench/out/sheets-$SCALE
TIME=/usr/bin/time
case $BUILD in /*) ;; *) BUILD=$PWD/$BUILD ;; esac

if [ ! -f "$GEN" ]; then
	echo "sheets.sh: no shared generator at $GEN; skipped" >&2
	exit 0
fi
mkdir -p "$OUT"
if [ ! -f "$OUT/netmap.xlsx" ]; then
	rm -rf "$OUT/data" "$OUT/store.db"
	python3 "$GEN" --scale "$SCALE" --seed "$SEED" --split 8 "$OUT/data" >/dev/null || exit 2
	"$BUILD/netmap" scan --db "$OUT/store.db" --today 2026-12-01 --format json "$OUT/data" \
		>/dev/null 2>&1
	"$BUILD/netmap" export --db "$OUT/store.db" --format xlsx -o "$OUT/netmap.xlsx" || exit 2
fi
if [ ! -f "$OUT/libreoffice/netmap.xlsx" ] && command -v soffice >/dev/null; then
	soffice --headless --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$OUT/libreoffice" \
		"$OUT/netmap.xlsx" >/dev/null 2>&1
fi

# One measurement: "seconds peak_kib" of a command, its output thrown away.
measure() {
	"$TIME" -f '%e %M' -o "$OUT/time.txt" "$@" >/dev/null 2>&1
	cat "$OUT/time.txt"
}

stats() { # numbers on stdin -> "median min max"
	sort -g | awk '{v[NR]=$1} END {printf "%s %s %s", v[int((NR+1)/2)], v[1], v[NR]}'
}

for book in "$OUT/netmap.xlsx" "$OUT/libreoffice/netmap.xlsx"; do
	[ -f "$book" ] || continue
	: >"$OUT/floor.txt"
	: >"$OUT/validate.txt"
	for _ in $(seq "$RUNS"); do
		measure "$BUILD/netmap_floor_xlsx" "$book" >>"$OUT/floor.txt"
		measure "$BUILD/netmap" validate --today 2026-12-01 "$book" >>"$OUT/validate.txt"
	done
	read -r fm fmin fmax < <(cut -d' ' -f1 "$OUT/floor.txt" | stats)
	read -r vm vmin vmax < <(cut -d' ' -f1 "$OUT/validate.txt" | stats)
	read -r pm _ _ < <(cut -d' ' -f2 "$OUT/validate.txt" | stats)
	who=netmap; case $book in */libreoffice/*) who=LibreOffice ;; esac
	printf '%s (%s, written by %s, %s)\n' "$SCALE" "$(basename "$book")" "$who" \
		"$(du -h "$book" | cut -f1)"
	printf '  floor     %6.2f s  (min %.2f, max %.2f)\n' "$fm" "$fmin" "$fmax"
	printf '  validate  %6.2f s  (min %.2f, max %.2f), peak %d MiB, %.2fx the floor (target 1.5x)\n' \
		"$vm" "$vmin" "$vmax" $((pm / 1024)) "$(echo "$vm / $fm" | bc -l)"
done
