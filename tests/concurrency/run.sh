#!/usr/bin/env bash
# Concurrency on one store (issue 5, item 4), behind `make concurrency`.
#
#   tests/concurrency/run.sh BUILD_DIR [ROUNDS] [READERS]
#
# Each round starts two `netmap scan`s (a city-scale dataset from
# bench/gen.py and the example data, so the latest snapshot keeps changing
# between two datasets) and READERS (default 4) `netmap report --format
# json` and `netmap scans` at once, on one store. Then:
#   - every command exited 0, or 2 with "store ... is busy" (after the busy
#     timeout); nothing else, no signal;
#   - (at the end) a scan on a store another writer holds for 8 s fails
#     after the 5 s busy timeout with exit 2 and "is busy";
#   - every report printed, byte for byte, the report of one of the two
#     complete datasets (a reader never sees half a snapshot);
#   - the store gained exactly one snapshot per scan that succeeded (none
#     lost, none twice), each complete, and passes PRAGMA integrity_check.
set -euo pipefail

build=$(cd "${1:?usage: run.sh BUILD_DIR [ROUNDS] [READERS]}" && pwd)
rounds=${2:-20}
readers=${3:-4}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
netmap="$build/netmap"
work="$build/concurrency"
today=2026-11-26

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

rm -rf "$work"
mkdir -p "$work/out"
city="$root/bench/out/own-city"
if [ ! -d "$city" ]; then
	city="$work/city"
	python3 "$root/bench/gen.py" --scale city "$city" >/dev/null
fi
example="$root/data"

# The two reports a reader may see, and the rows of a complete snapshot.
sig() {
	sqlite3 -batch "$1" "SELECT s.dataset, s.actor_count, s.committee_count, s.membership_count,
	  (SELECT count(*) FROM actors WHERE snapshot = s.id),
	  (SELECT count(*) FROM committees WHERE snapshot = s.id),
	  (SELECT count(*) FROM memberships WHERE snapshot = s.id),
	  (SELECT count(*) FROM findings WHERE snapshot = s.id)
	  FROM snapshots s ORDER BY s.id"
}
for name in city example; do
	src=$city
	[ "$name" = example ] && src=$example
	"$netmap" scan --today "$today" --db "$work/$name.db" "$src" >/dev/null 2>&1
	"$netmap" report --today "$today" --format json --db "$work/$name.db" >"$work/$name.json"
	sig "$work/$name.db" >"$work/$name.sig"
done

db="$work/store.db"
"$netmap" scan --today "$today" --db "$db" "$example" >/dev/null 2>&1
ok_scans=0 busy_scans=0 ok_reads=0 busy_reads=0
for ((r = 1; r <= rounds; r++)); do
	before=$(sqlite3 "$db" 'SELECT count(*) FROM snapshots')
	pids=()
	"$netmap" scan --today "$today" --db "$db" "$city" >/dev/null 2>"$work/out/scan1.err" &
	pids+=($!)
	"$netmap" scan --today "$today" --db "$db" "$example" >/dev/null 2>"$work/out/scan2.err" &
	pids+=($!)
	for ((k = 1; k <= readers; k++)); do
		if ((k % 2)); then
			"$netmap" report --today "$today" --format json --db "$db" \
				>"$work/out/read$k.out" 2>"$work/out/read$k.err" &
		else
			"$netmap" scans --db "$db" >"$work/out/read$k.out" 2>"$work/out/read$k.err" &
		fi
		pids+=($!)
	done
	names=(scan1 scan2)
	for ((k = 1; k <= readers; k++)); do names+=("read$k"); done
	new=0
	for i in "${!pids[@]}"; do
		status=0
		wait "${pids[$i]}" || status=$?
		n=${names[$i]}
		case $status in
		0)
			if [[ $n == scan* ]]; then
				ok_scans=$((ok_scans + 1))
				new=$((new + 1))
			else
				ok_reads=$((ok_reads + 1))
			fi
			;;
		2)
			grep -q "store '.*' is busy" "$work/out/$n.err" ||
				fail "round $r: $n exited 2 without 'is busy': $(grep -v ': warning: ' "$work/out/$n.err" | head -n 3)"
			if [[ $n == scan* ]]; then busy_scans=$((busy_scans + 1)); else busy_reads=$((busy_reads + 1)); fi
			;;
		*)
			fail "round $r: $n exited $status: $(grep -v ': warning: ' "$work/out/$n.err" | head -n 3)"
			;;
		esac
		if [ "$status" = 0 ] && [[ $n == read* ]] && grep -q '^{' "$work/out/$n.out"; then
			cmp -s "$work/out/$n.out" "$work/city.json" || cmp -s "$work/out/$n.out" "$work/example.json" ||
				fail "round $r: $n saw neither complete snapshot"
		fi
	done
	after=$(sqlite3 "$db" 'SELECT count(*) FROM snapshots')
	[ "$after" = $((before + new)) ] ||
		fail "round $r: $new scans succeeded but the store went from $before to $after snapshots"
	[ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ] || fail "round $r: integrity_check"
	sig "$db" | sort -u | while read -r line; do
		grep -qxF -- "$line" "$work/city.sig" "$work/example.sig" ||
			fail "round $r: an incomplete snapshot: $line"
	done
	# Keep the store small: start again from the example every 8 rounds.
	if ((r % 8 == 0)); then
		rm -f "$db" "$db-wal" "$db-shm"
		"$netmap" scan --today "$today" --db "$db" "$example" >/dev/null 2>&1
	fi
done
# A writer that holds the store longer than the busy timeout (5 s): scan
# waits, then fails with exit 2 and "is busy"; readers are not held up.
(echo 'BEGIN IMMEDIATE;'; sleep 8; echo 'COMMIT;') | sqlite3 "$db" &
holder=$!
sleep 0.5
start=$(date +%s%N)
status=0
"$netmap" scan --today "$today" --db "$db" "$example" >/dev/null 2>"$work/out/held.err" || status=$?
waited=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$status" = 2 ] && grep -q "store '.*' is busy" "$work/out/held.err" ||
	fail "a scan on a held store exited $status: $(cat "$work/out/held.err")"
[ "$waited" -ge 4500 ] || fail "a scan gave up after $waited ms, before the busy timeout"
"$netmap" scans --db "$db" >/dev/null || fail "a reader was held up by a writer"
wait "$holder"
echo "concurrency: a held store: scan waited ${waited} ms, then: $(grep netmap: "$work/out/held.err")"

echo "concurrency: $rounds rounds of 2 scans and $readers readers on one store:" \
	"scans $ok_scans ok, $busy_scans busy; reads $ok_reads ok, $busy_reads busy; no failure"
