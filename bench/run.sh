#!/usr/bin/env bash
# bench/run.sh: netmap's benchmark. See bench/README.md.
#
#   bench/run.sh [--gen own|shared|both] [--runs N] [--no-peer] BUILD [SCALE...]
#
# For each scale (default: city region country) it generates a dataset once
# (cached in bench/out/<generator>-<scale>/), then times, side by side and
# interleaved, the floor (BUILD/netmap_floor: libyaml parses the files and
# does nothing else), `netmap validate` (on every core, and --jobs 1) and
# `netmap scan --format json` with GNU time, and prints the median seconds
# of 5 runs with their min and max, peak memory and the median's ratio to
# the floor. At the callgrind scales (default city) it also counts the
# instructions of the floor, validate --jobs 1 and scan --jobs 1 under
# valgrind --tool=callgrind: a figure that other work on the machine does
# not move. At the peer scales (default region) it also runs
# bench/peer_overlap.py and prints netmap scan against it.
#
# Environment: BENCH_GEN (own, shared or both; default own),
# NETMAP_SHARED_BENCH (path of gen_dataset.py; default
# ../shared/bench/gen_dataset.py from the repository root), PEER_SCALES
# (default region; empty for none), PEER_PYTHON (default python3),
# BENCH_RUNS (runs per command; default 5), CALLGRIND_SCALES (default city;
# empty for none; needs valgrind), BENCH_SEED
# (default 1), BENCH_TIMEOUT (seconds a command may take; default 600),
# PEER_TIMEOUT (default 1800), BENCH_SLOW (a command that took longer in its
# first run is not run again; default 60 s), BENCH_STRICT=1 (exit 1 when a
# target is missed).

set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/bench/out
GEN=${BENCH_GEN:-own}
RUNS=${BENCH_RUNS:-}
PEER_SCALES=${PEER_SCALES-region}
CALLGRIND_SCALES=${CALLGRIND_SCALES-city}
PEER_PYTHON=${PEER_PYTHON:-python3}
SEED=${BENCH_SEED:-1}
TIMEOUT=${BENCH_TIMEOUT:-600}
PEER_TIMEOUT=${PEER_TIMEOUT:-1800}
SLOW=${BENCH_SLOW:-60}
SHARED_GEN=${NETMAP_SHARED_BENCH:-$ROOT/../shared/bench/gen_dataset.py}
TIME=/usr/bin/time
missed=0

usage() {
	sed -n '4p' "$0" | sed 's/^#  *//' >&2
	echo "Try 'bench/run.sh --help'." >&2
	exit 2
}

while [ $# -gt 0 ]; do
	case $1 in
	--gen) GEN=${2:-}; shift 2 ;;
	--gen=*) GEN=${1#--gen=}; shift ;;
	--runs) RUNS=${2:-}; shift 2 ;;
	--runs=*) RUNS=${1#--runs=}; shift ;;
	--no-peer) PEER_SCALES=; shift ;;
	-h|--help) sed -n '2,/^$/p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	--) shift; break ;;
	-*) echo "run.sh: unknown option '$1'" >&2; usage ;;
	*) break ;;
	esac
done
[ $# -ge 1 ] || usage
case $GEN in own|shared|both) ;; *) echo "run.sh: --gen wants own, shared or both" >&2; exit 2 ;; esac
case $RUNS in ''|[1-9]|[1-9][0-9]) ;; *) echo "run.sh: --runs wants a number from 1" >&2; exit 2 ;; esac

BUILD=$1
shift
case $BUILD in /*) ;; *) BUILD=$PWD/$BUILD ;; esac
SCALES=${*:-city region country}
for s in $SCALES; do
	case $s in small|city|region|country) ;;
	*) echo "run.sh: unknown scale '$s' (small, city, region, country)" >&2; exit 2 ;;
	esac
done

if [ ! -x "$TIME" ]; then
	echo "run.sh: GNU time is missing at $TIME (apt-get install time, or make bench)" >&2
	exit 2
fi
if [ ! -x "$BUILD/netmap_floor" ]; then
	echo "run.sh: no floor program at $BUILD/netmap_floor (cmake --build $BUILD --target netmap_floor)" >&2
	exit 2
fi

mkdir -p "$OUT"
LOG=$OUT/last-run.txt
exec > >(tee "$LOG") 2>&1
tee_pid=$!

# ---------------------------------------------------------------- helpers

split_of() {
	case $1 in small) echo 1 ;; city) echo 4 ;; region) echo 8 ;; *) echo 16 ;; esac
}

# The files netmap reads for a directory argument, in its order: *.yaml and
# *.yml below it, no names beginning with '.', byte order of the full path.
dataset_files() {
	find "$1" -mindepth 1 \( -name '.*' -prune \) -o -type f \( -name '*.yaml' -o -name '*.yml' \) -print |
		LC_ALL=C sort
}

# generate GEN SCALE: make bench/out/GEN-SCALE unless it is there and was
# made by the same generator with the same arguments. Prints the directory.
generate() {
	local gen=$1 scale=$2 dir=$OUT/$1-$2 script args stamp
	args="--scale $scale --seed $SEED --split $(split_of "$scale") --style mixed"
	if [ "$gen" = own ]; then
		script=$ROOT/bench/gen.py
	else
		script=$SHARED_GEN
	fi
	stamp="$(sha256sum <"$script" | cut -c1-16) $args"
	if [ -f "$dir/.bench-stamp" ] && [ "$(cat "$dir/.bench-stamp")" = "$stamp" ]; then
		echo "$dir"
		return 0
	fi
	echo "generating $gen-$scale: $(basename "$script") $args" >&2
	rm -rf "$dir" "$dir.tmp"
	local t0=$SECONDS
	# shellcheck disable=SC2086
	if ! python3 "$script" $args "$dir.tmp" >&2; then
		echo "run.sh: the generator failed for $gen-$scale" >&2
		rm -rf "$dir.tmp"
		return 1
	fi
	echo "$stamp" >"$dir.tmp/.bench-stamp"
	mv "$dir.tmp" "$dir"
	echo "generated $gen-$scale in $((SECONDS - t0)) s" >&2
	echo "$dir"
}

# measure NAME OUTFILE CMD...: one timed run, LIMIT seconds at most; sets
# R_SEC, R_KB (peak resident set) and R_RC.
LIMIT=$TIMEOUT
measure() {
	local name=$1 out=$2 tf
	shift 2
	tf=$RUNDIR/$name.time
	"$TIME" -f '%e %M' -o "$tf" timeout --kill-after=10 "$LIMIT" "$@" >"$out" 2>"$RUNDIR/$name.err"
	R_RC=$?
	R_SEC=0 R_KB=0
	read -r R_SEC R_KB < <(tail -n 1 "$tf")
	if [ "$R_RC" = 124 ] || [ "$R_RC" = 137 ]; then
		echo "timed out after $LIMIT s" >"$RUNDIR/$name.err"
	fi
}

# What went wrong with a command, in one line.
why() {
	local name=$1 rc=$2 msg
	msg=$(grep -v '^[[:space:]]*$' "$RUNDIR/$name.err" 2>/dev/null | head -n 1)
	[ -n "$msg" ] || msg=$(grep -v '^[[:space:]]*$' "$RUNDIR/$name.out" 2>/dev/null | head -n 1)
	echo "failed (exit $rc): ${msg:-no message}" | cut -c1-100
}

# stats V...: "median min max" of the numbers (the lower middle one of an
# even count, so that every figure is one that was measured).
stats() {
	printf '%s\n' "$@" | LC_ALL=C sort -g | awk '{ v[NR] = $1 } END { printf "%s %s %s", v[int((NR + 1) / 2)], v[1], v[NR] }'
}

# instructions NAME CMD...: the instructions CMD executes under callgrind
# (all threads), or "-" when valgrind failed.
instructions() {
	local name=$1 n
	shift
	valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" >/dev/null 2>"$RUNDIR/$name.cg"
	n=$(sed -n 's/^==[0-9]*== Collected : \([0-9]*\).*/\1/p' "$RUNDIR/$name.cg" | tail -n 1)
	echo "${n:--}"
}

fmt_mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
# le A B: A <= B as decimals
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }

verdict() {
	if "$@"; then echo ok; else missed=1; echo MISSED; fi
}

describe() {
	local dir=$1
	python3 - "$dir" <<'EOF' 2>/dev/null
import json, os, sys
d = sys.argv[1]
try:
    s = json.load(open(os.path.join(d, "gen-stats.json")))
    print("%s actors, %s committees, %s memberships" % (
        format(s["actors"], ","), format(s["committees"], ","),
        format(s["memberships (pairs)"], ",")))
except Exception:
    pass
EOF
}

summary_of() {
	python3 - "$1" <<'EOF' 2>/dev/null
import json, sys
s = json.load(open(sys.argv[1]))["summary"]
print(s["memberships"], s["analysed_committees"])
EOF
}

# ------------------------------------------------------------------ header

echo "netmap benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "repository: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ' (with local changes)')"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine inflates every figure; compare ratios from one run)"
echo "libyaml $(pkg-config --modversion yaml-0.1 2>/dev/null || echo '?'), build: $BUILD ($(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$BUILD/CMakeCache.txt" 2>/dev/null || echo '?'))"
if [ -x "$BUILD/netmap" ] && "$BUILD/netmap" --version >/dev/null 2>&1; then
	echo "netmap: $("$BUILD/netmap" --version 2>&1 | head -n 1)"
fi
case $(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$BUILD/CMakeCache.txt" 2>/dev/null) in
Release) ;;
*) echo "note: $BUILD is not a Release build; figures will flatter the floor less than they should" ;;
esac

gens=$GEN
[ "$GEN" = both ] && gens="own shared"

for gen in $gens; do
	if [ "$gen" = shared ] && [ ! -f "$SHARED_GEN" ]; then
		echo
		echo "note: shared generator not found at $SHARED_GEN (set NETMAP_SHARED_BENCH); skipped"
		continue
	fi
	for scale in $SCALES; do
		echo
		dir=$(generate "$gen" "$scale") || { missed=1; continue; }
		RUNDIR=$OUT/runs/$gen-$scale
		rm -rf "$RUNDIR"
		mkdir -p "$RUNDIR"
		mapfile -t files < <(dataset_files "$dir")
		bytes=$(cat "${files[@]}" | wc -c)   # also warms the page cache
		runs=${RUNS:-5}
		echo "== $gen-$scale: ${#files[@]} files, $(awk -v b="$bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }')$(d=$(describe "$dir"); [ -n "$d" ] && echo ", $d"), median of $runs interleaved runs"

		cmds="floor validate validate1 scan"
		declare -A times=() peak_kb=() state=() runs_of=()
		for cmd in $cmds; do
			state[$cmd]=ok
			times[$cmd]=
			if [ "$cmd" != floor ] && [ ! -x "$BUILD/netmap" ]; then
				state[$cmd]="netmap: not built"
			fi
		done
		db=$RUNDIR/scan.db
		for ((r = 1; r <= runs; r++)); do
			for cmd in $cmds; do
				[ "${state[$cmd]}" = ok ] || continue
				case $cmd in
				floor) measure floor "$RUNDIR/floor.out" "$BUILD/netmap_floor" "${files[@]}" ;;
				validate) measure validate "$RUNDIR/validate.out" "$BUILD/netmap" validate "$dir" ;;
				validate1) measure validate1 "$RUNDIR/validate1.out" "$BUILD/netmap" validate --jobs 1 "$dir" ;;
				scan)
					rm -f "$db" "$db-wal" "$db-shm" "$db-journal"
					measure scan "$RUNDIR/scan.json" "$BUILD/netmap" scan --db "$db" --format json "$dir"
					;;
				esac
				if [ "$R_RC" != 0 ]; then
					state[$cmd]=$(why "$cmd" "$R_RC")
					continue
				fi
				runs_of[$cmd]=$r
				if ! le "$R_SEC" "$SLOW"; then
					state[$cmd]=slow   # once is enough to know
				fi
				times[$cmd]="${times[$cmd]} $R_SEC"
				if [ -z "${peak_kb[$cmd]:-}" ] || [ "$R_KB" -gt "${peak_kb[$cmd]}" ]; then
					peak_kb[$cmd]=$R_KB
				fi
			done
		done

		floor_s=
		# shellcheck disable=SC2086
		[ -n "${times[floor]}" ] && read -r floor_s _ _ < <(stats ${times[floor]})
		printf '%-30s %7s %7s %7s %9s %8s  %s\n' command median min max "peak MiB" "x floor" "target (at country scale)"
		for cmd in $cmds; do
			case $cmd in
			floor) label="floor (libyaml events only)"; target="" ;;
			validate) label="netmap validate"; target="<= 1.5x floor, < 1 GiB" ;;
			validate1) label="netmap validate --jobs 1"; target="" ;;
			scan) label="netmap scan --format json"; target="<= 3x floor (4x with the analysis), < 1 GiB" ;;
			esac
			if [ -z "${times[$cmd]}" ]; then
				printf '%-30s %s\n' "$label" "${state[$cmd]}"
				continue
			fi
			# shellcheck disable=SC2086
			read -r s lo hi < <(stats ${times[$cmd]})
			x=$( [ -n "$floor_s" ] && ratio "$s" "$floor_s" || echo -)
			if [ "$scale" = country ] && { [ "$cmd" = validate ] || [ "$cmd" = scan ]; }; then
				limit=1.5
				[ "$cmd" = scan ] && limit=${SCAN_LIMIT:-3}
				target="$target: $(verdict le "$x" "$limit") (x $limit), memory $(verdict test "${peak_kb[$cmd]}" -lt 1048576)"
			fi
			[ "${runs_of[$cmd]}" = "$runs" ] || target="${target:+$target; }median of ${runs_of[$cmd]}"
			printf '%-30s %7.2f %7.2f %7.2f %9s %8s  %s\n' "$label" "$s" "$lo" "$hi" "$(fmt_mib "${peak_kb[$cmd]}")" "$x" "$target"
		done
		[ -n "$floor_s" ] && echo "floor: $(cat "$RUNDIR/floor.out")"

		case " $CALLGRIND_SCALES " in
		*" $scale "*)
			if ! command -v valgrind >/dev/null 2>&1; then
				echo "callgrind: valgrind is missing (apt-get install valgrind, or make bench)"
			else
				ci_floor=$(instructions floor.cg "$BUILD/netmap_floor" "${files[@]}")
				ci_validate=$(instructions validate.cg "$BUILD/netmap" validate --jobs 1 "$dir")
				rm -f "$db" "$db-wal" "$db-shm" "$db-journal"
				ci_scan=$(instructions scan.cg "$BUILD/netmap" scan --jobs 1 --db "$db" --format json "$dir")
				echo "instructions (callgrind, one thread): floor $ci_floor," \
					"validate $ci_validate ($(ratio "$ci_validate" "$ci_floor")x)," \
					"scan $ci_scan ($(ratio "$ci_scan" "$ci_floor")x)"
			fi
			;;
		esac

		case " $PEER_SCALES " in *" $scale "*) ;; *) continue ;; esac
		echo "-- peer: bench/peer_overlap.py ($PEER_PYTHON), one run"
		LIMIT=$PEER_TIMEOUT measure peer "$RUNDIR/peer.out" "$PEER_PYTHON" "$ROOT/bench/peer_overlap.py" "${files[@]}"
		if [ "$R_RC" != 0 ]; then
			echo "peer: $(why peer "$R_RC")"
			continue
		fi
		line=$(grep '^PEER ' "$RUNDIR/peer.out")
		val() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
		peer_s=$R_SEC
		echo "peer: load $(val load_seconds) s, overlap $(val overlap_seconds) s; wall $peer_s s, peak $(fmt_mib "$R_KB") MiB" \
			"(Python $(val python), NetworkX $(val networkx), PyYAML $(val pyyaml) with libyaml)"
		echo "peer: $(val pairs) committee pairs share a member, $(val overlap_pairs) with jaccard >= 0.3"
		if [ -n "${times[scan]}" ]; then
			# shellcheck disable=SC2086
			read -r scan_s _ _ < <(stats ${times[scan]})
			x=$(ratio "$peer_s" "$scan_s")
			echo "netmap scan $scan_s s (median) vs peer $peer_s s: ${x}x faster (target >= 50x): $(verdict le 50 "$x")"
			read -r nm_m nm_a < <(summary_of "$RUNDIR/scan.json")
			if [ -n "${nm_m:-}" ]; then
				same=same
				[ "$nm_m" = "$(val memberships)" ] && [ "$nm_a" = "$(val analysed)" ] || same=DIFFERENT
				echo "check: memberships netmap $nm_m / peer $(val memberships), analysed committees netmap $nm_a / peer $(val analysed): $same"
			fi
		else
			echo "netmap scan: ${state[scan]} (peer $peer_s s; netmap needs <= $(awk -v p="$peer_s" 'BEGIN { printf "%.2f", p / 50 }') s for 50x)"
		fi
	done
done

echo
echo "log: $LOG; outputs and stderr of each command: $OUT/runs/"
status=0
if [ "${BENCH_STRICT:-0}" = 1 ] && [ "$missed" = 1 ]; then
	status=1
fi
exec >&- 2>&-
wait "$tee_pid" 2>/dev/null
exit $status
