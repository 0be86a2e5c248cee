#!/usr/bin/env bash
# The fault harness behind `make faults` (issue 5, item 3).
#
#   tests/faults/run.sh BUILD_DIR [TRIALS]
#
# 1. kill: `netmap scan` of a region-scale dataset (bench/gen.py) is killed
#    with SIGKILL after a random delay, TRIALS times (default 120): odd
#    trials uniform over the whole scan, even ones uniform over the write,
#    counted from the moment the store is opened. After every kill the store must open, pass PRAGMA
#    integrity_check, and hold exactly the snapshots it held before, or
#    those plus one complete new snapshot (row counts of every table).
# 2. full disk: a small tmpfs (in a private mount namespace, as root) or,
#    where mounting is not allowed, an LD_PRELOAD shim (enospc.c) that makes
#    writes fail with ENOSPC.
# 3. a file that is not a netmap store, a corrupted store, a store from a
#    newer netmap: exit 2, a clear message, the file unchanged.
# 4. a read-only store, as the user nobody and on a read-only bind mount:
#    every reading command works, scan exits 2 and changes nothing.
#
# Prints one line per check and a summary; exits 1 on the first failure.
set -euo pipefail

build=$(cd "${1:?usage: run.sh BUILD_DIR [TRIALS]}" && pwd)
trials=${2:-120}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
netmap="$build/netmap"
work="$build/faults"
seed=${FAULT_SEED:-$$}

[ -x "$netmap" ] || { echo "faults: no netmap in $build" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "faults: the sqlite3 shell is needed" >&2; exit 2; }
rm -rf "$work"
mkdir -p "$work"
RANDOM=$seed
echo "faults: seed $seed (FAULT_SEED=$seed reruns the same delays)"

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# ---- data ------------------------------------------------------------------

data="$root/bench/out/own-region"
small="$root/bench/out/own-city"
if [ ! -d "$data" ]; then
	data="$work/region"
	python3 "$root/bench/gen.py" --scale region "$data" >/dev/null
fi
if [ ! -d "$small" ]; then
	small="$work/city"
	python3 "$root/bench/gen.py" --scale city "$small" >/dev/null
fi
example="$root/data"

# One line per snapshot: its counts as stored and as rows, contacts apart.
signature() {
	sqlite3 -batch "$1" "SELECT s.id, s.dataset, s.actor_count, s.committee_count,
	  s.membership_count, s.file_count,
	  (SELECT count(*) FROM themes WHERE snapshot = s.id),
	  (SELECT count(*) FROM actors WHERE snapshot = s.id),
	  (SELECT count(*) FROM committees WHERE snapshot = s.id),
	  (SELECT count(*) FROM memberships WHERE snapshot = s.id),
	  (SELECT count(*) FROM input_files WHERE snapshot = s.id),
	  (SELECT count(*) FROM settings WHERE snapshot = s.id),
	  (SELECT count(*) FROM findings WHERE snapshot = s.id AND json IS NOT NULL)
	  FROM snapshots s ORDER BY s.id"
}

# Contacts are kept for the latest snapshot only: "latest-id count stray".
contacts() {
	sqlite3 -batch "$1" "SELECT (SELECT max(id) FROM snapshots),
	  (SELECT count(*) FROM contacts),
	  (SELECT count(*) FROM contacts WHERE snapshot <> (SELECT max(id) FROM snapshots))"
}

integrity() {
	local r
	r=$(sqlite3 -batch "$1" 'PRAGMA integrity_check' 2>&1) || fail "integrity_check could not run on $1: $r"
	[ "$r" = ok ] || fail "integrity_check on $1: $r"
}

# ---- 1. kill ------------------------------------------------------------------

echo "== kill: $trials trials, netmap scan of $(basename "$data") killed with SIGKILL"
ref="$work/ref.db"
"$netmap" scan --db "$ref" "$small" >/dev/null 2>&1
cp "$ref" "$work/baseline.db"
# Time a whole scan, and when it opens the store, by watching its descriptors.
start=$(date +%s%N)
"$netmap" scan --db "$ref" "$data" >/dev/null 2>&1 &
pid=$!
opened=0
while kill -0 "$pid" 2>/dev/null; do
	if [ "$opened" = 0 ] && ls -l "/proc/$pid/fd" 2>/dev/null | grep -q "$ref"; then
		opened=$(( ($(date +%s%N) - start) / 1000000 ))
	fi
	sleep 0.01
done
wait "$pid" || fail "the reference scan failed"
total=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$opened" -gt 0 ] || opened=$(( total / 2 ))
complete=$(signature "$ref" | tail -n 1 | cut -d'|' -f2-)
ref_contacts=$(contacts "$ref" | cut -d'|' -f2)
echo "   a whole scan takes ${total} ms, the store is open from ${opened} ms"
echo "   a complete snapshot: $complete; contacts $ref_contacts"

db="$work/kill.db"
cp "$work/baseline.db" "$db"
survived=0 committed=0 rolled_back=0 in_write=0
for ((t = 1; t <= trials; t++)); do
	if [ "$(signature "$db" | wc -l)" -ge 4 ]; then
		rm -f "$db" "$db-wal" "$db-shm"
		cp "$work/baseline.db" "$db"
	fi
	before=$(signature "$db")
	"$netmap" scan --db "$db" "$data" >/dev/null 2>&1 &
	pid=$!
	if ((t % 2)); then
		delay=$(( RANDOM * (total + total / 10) / 32768 ))
	else
		# Wait for the store to be opened, then into the write.
		while kill -0 "$pid" 2>/dev/null && ! ls -l "/proc/$pid/fd" 2>/dev/null | grep -q "$db"; do
			sleep 0.005
		done
		delay=$(( RANDOM * (total - opened) / 32768 ))
	fi
	sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
	if ls -l "/proc/$pid/fd" 2>/dev/null | grep -q "$db"; then
		in_write=$((in_write + 1))
	fi
	kill -KILL "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true

	# netmap opens it first, as a user would after the crash.
	out=$("$netmap" scans --db "$db" 2>&1) || fail "trial $t (${delay} ms): scans failed: $out"
	integrity "$db"
	after=$(signature "$db")
	if [ "$after" = "$before" ]; then
		rolled_back=$((rolled_back + 1))
	else
		[ "$(printf '%s\n' "$after" | head -n -1)" = "$before" ] ||
			fail "trial $t (${delay} ms): earlier snapshots changed:
before:
$before
after:
$after"
		[ "$(printf '%s\n' "$after" | tail -n 1 | cut -d'|' -f2-)" = "$complete" ] ||
			fail "trial $t (${delay} ms): the new snapshot is incomplete: $(printf '%s\n' "$after" | tail -n 1)"
		committed=$((committed + 1))
	fi
	c=$(contacts "$db")
	[ "$(echo "$c" | cut -d'|' -f3)" = 0 ] || fail "trial $t: contacts of older snapshots left: $c"
	if ((t % 10 == 0)); then
		"$netmap" report --db "$db" --format json >/dev/null 2>&1 ||
			fail "trial $t: report failed after the kill"
		"$netmap" scan --db "$db" "$example" >/dev/null 2>&1 ||
			fail "trial $t: a scan after the kill failed"
	fi
	survived=$((survived + 1))
done
echo "   $survived of $trials trials survived ($in_write killed with the store open;" \
	"$committed found the new snapshot complete, $rolled_back found the store as before)"

# ---- helpers for the rest -----------------------------------------------------

# expect_fail STATUS PATTERN -- COMMAND...: the exit status and a message.
expect_fail() {
	local want=$1 pattern=$2 out status=0
	shift 3
	out=$("$@" 2>&1 >/dev/null) || status=$?
	[ "$status" = "$want" ] || fail "$* exited $status, not $want: $out"
	printf '%s\n' "$out" | grep -q -- "$pattern" || fail "$*: no '$pattern' in: $out"
	echo "   ok: exit $status, ${out%%$'\n'*}"
}

sha() { sha256sum "$1" | cut -d' ' -f1; }

# ---- 2. full disk -------------------------------------------------------------

echo "== full disk"
full_disk_tmpfs() {
	unshare -m bash -c '
		set -e
		mnt=$1 netmap=$2 example=$3 small=$4
		mkdir -p "$mnt"
		mount -t tmpfs -o size=8m tmpfs "$mnt"
		"$netmap" scan --db "$mnt/s.db" "$example" >/dev/null
		sum=$(sha256sum "$mnt/s.db" | cut -d" " -f1)
		# Fill what is left, so that even the log cannot grow much.
		status=0
		"$netmap" scan --db "$mnt/s.db" "$small" >/dev/null 2>"$mnt/../err" || status=$?
		grep "^netmap:" "$mnt/../err" >&2 || true
		[ "$status" = 2 ] || { echo "scan on a full disk exited $status" >&2; exit 1; }
		grep -q "full" "$mnt/../err" || { echo "no clear message" >&2; exit 1; }
		"$netmap" scans --db "$mnt/s.db" | grep -c "^ *[0-9]" | grep -qx 1
		[ "$(sqlite3 "$mnt/s.db" "PRAGMA integrity_check")" = ok ]
		rm -f "$mnt/s.db-wal" "$mnt/s.db-shm"
		[ "$(sha256sum "$mnt/s.db" | cut -d" " -f1)" = "$sum" ] ||
			[ "$(sqlite3 "$mnt/s.db" "SELECT count(*) FROM snapshots")" = 1 ]
		# A new store on the full disk: no half-made store is left behind.
		"$netmap" scan --db "$mnt/new.db" "$small" >/dev/null 2>&1 && exit 1
		[ ! -e "$mnt/new.db" ] || { echo "a half-made store was left" >&2; exit 1; }
		umount "$mnt"
	' _ "$work/disk/mnt" "$netmap" "$example" "$data"
}
mkdir -p "$work/disk"
if [ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null &&
	unshare -m sh -c "mount -t tmpfs -o size=1m tmpfs '$work/disk'" 2>/dev/null; then
	full_disk_tmpfs 2>"$work/disk.err" || fail "full disk (tmpfs): $(cat "$work/disk.err")"
	echo "   ok (8 MiB tmpfs): exit 2, $(grep netmap: "$work/disk.err" | head -n 1)"
else
	echo "   (cannot mount a tmpfs here; injecting ENOSPC through LD_PRELOAD)"
	cc -shared -fPIC -o "$work/enospc.so" "$here/enospc.c" -ldl
	"$netmap" scan --db "$work/disk/s.db" "$example" >/dev/null
	sum=$(sha "$work/disk/s.db")
	for bytes in 0 4096 65536 1048576; do
		expect_fail 2 "store" -- env LD_PRELOAD="$work/enospc.so" NETMAP_FAULT_BYTES=$bytes \
			ASAN_OPTIONS=verify_asan_link_order=0 "$netmap" scan --db "$work/disk/s.db" "$small"
		integrity "$work/disk/s.db"
		[ "$(sqlite3 "$work/disk/s.db" 'SELECT count(*) FROM snapshots')" = 1 ] ||
			fail "full disk after $bytes bytes: the snapshots changed"
	done
fi

# ---- 3. stores netmap must not touch ---------------------------------------------

echo "== not a store, corrupted, newer"
mkdir -p "$work/bad"
printf 'actors: []\n' >"$work/bad/text.db"
sqlite3 "$work/bad/foreign.db" 'CREATE TABLE t (x); INSERT INTO t VALUES (1)'
"$netmap" scan --db "$work/bad/newer.db" "$example" >/dev/null
sqlite3 "$work/bad/newer.db" 'PRAGMA user_version = 99'
"$netmap" scan --db "$work/bad/corrupt.db" "$example" >/dev/null
"$netmap" scan --db "$work/bad/corrupt.db" "$example" >/dev/null
size=$(stat -c %s "$work/bad/corrupt.db")
# Garbage over the middle pages: the header survives, the b-trees do not.
dd if=/dev/urandom of="$work/bad/corrupt.db" bs=4096 seek=$((size / 4096 / 3)) \
	count=$((size / 4096 / 3)) conv=notrunc status=none
cp "$work/bad/corrupt.db" "$work/bad/corrupt2.db"
# The header alone: a wrong page size makes SQLite call the file no database.
printf '\x00\x03' | dd of="$work/bad/corrupt2.db" bs=1 seek=16 conv=notrunc status=none
declare -A want=([text.db]="not a netmap store" [foreign.db]="not a netmap store"
	[newer.db]="newer netmap" [corrupt.db]="store" [corrupt2.db]="not a netmap store")
for f in text.db foreign.db newer.db corrupt.db corrupt2.db; do
	sum=$(sha "$work/bad/$f")
	expect_fail 2 "${want[$f]}" -- "$netmap" scan --db "$work/bad/$f" "$example"
	for cmd in scans report; do
		if [ "$f" = corrupt.db ]; then
			# A reader that never touches a damaged page may succeed;
			# one that does must fail cleanly.
			status=0
			out=$("$netmap" $cmd --db "$work/bad/$f" 2>&1 >/dev/null) || status=$?
			case $status in
			0) echo "   ok: exit 0, $cmd read no damaged page" ;;
			2) echo "   ok: exit 2, ${out%%$'\n'*}" ;;
			*) fail "$cmd on a corrupted store exited $status: $out" ;;
			esac
			continue
		fi
		expect_fail 2 "${want[$f]}" -- "$netmap" $cmd --db "$work/bad/$f"
	done
	[ "$(sha "$work/bad/$f")" = "$sum" ] || fail "$f was changed"
	for x in -wal -shm -journal; do
		[ ! -s "$work/bad/$f$x" ] || fail "$f$x was left behind"
	done
done

# ---- 4. read-only -------------------------------------------------------------------

echo "== read-only store"
ro="$work/ro"
mkdir -p "$ro"
"$netmap" scan --db "$ro/s.db" "$example" >/dev/null
"$netmap" scan --db "$ro/s.db" "$example" >/dev/null
chmod 755 "$work" "$ro" "$build"
chmod 644 "$ro/s.db"
sum=$(sha "$ro/s.db")
readers=(
	"scans "
	"report "
	"report --format json"
	"report --format markdown"
	"report --format csv --table overlaps"
	"report --format html"
	"list committees"
	"list actors"
	"show ak-sprache"
)
run_readonly() { # how: nobody | bind
	local how=$1 prefix=()
	if [ "$how" = nobody ]; then
		prefix=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
	fi
	for r in "${readers[@]}"; do
		# shellcheck disable=SC2086
		"${prefix[@]}" "$netmap" ${r%% *} --db "$ro/s.db" ${r#* } >/dev/null 2>"$work/ro.err" ||
			fail "read-only ($how): '$r' failed: $(cat "$work/ro.err")"
	done
	expect_fail 2 "read-only" -- \
		"${prefix[@]}" "$netmap" scan --db "$ro/s.db" "$example"
}
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	# Everything on the way to the binary must be reachable for nobody.
	if setpriv --reuid=nobody --regid=nogroup --clear-groups "$netmap" --version >/dev/null 2>&1; then
		run_readonly nobody
		echo "   ok (as nobody): ${#readers[@]} reading commands, scan refused"
	else
		echo "   (nobody cannot run $netmap here; skipped)"
	fi
	if unshare -m true 2>/dev/null; then
		unshare -m bash -c "mount --bind '$ro' '$ro' && mount -o remount,bind,ro '$ro' &&
			$(declare -f run_readonly expect_fail fail); readers=($(printf "'%s' " "${readers[@]}"));
			netmap='$netmap' ro='$ro' work='$work' example='$example' run_readonly bind" ||
			fail "read-only bind mount"
		echo "   ok (read-only bind mount): ${#readers[@]} reading commands, scan refused"
	fi
elif [ "$(id -u)" != 0 ]; then
	chmod a-w "$ro" "$ro/s.db"
	run_readonly self
	chmod u+w "$ro" "$ro/s.db"
	echo "   ok (no write permission): ${#readers[@]} reading commands, scan refused"
fi
[ "$(sha "$ro/s.db")" = "$sum" ] || fail "the read-only store was changed"

echo "faults: all passed ($survived/$trials kill trials survived)"
