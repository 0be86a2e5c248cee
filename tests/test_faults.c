/*
 * test_faults.c: the short version of `make faults` (tests/faults/run.sh),
 * through the real binary: a few scans killed with SIGKILL at points spread
 * over a scan, stores netmap must refuse without touching them (not a
 * netmap store, corrupted, from a newer netmap), a read-only store, and,
 * where this runs as root and may mount, a full disk.
 */
#define _DEFAULT_SOURCE /* setgroups */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <grp.h>
#include <stdbool.h>
#include <sys/stat.h>

#include "faults/faultutil.h"
#include "netmap/common.h"

#define KILL_TRIALS 8

static char *dir;

static int setup(void **state)
{
	dir = tu_tempdir("faults");
	return 0;
}

static int teardown(void **state)
{
	free(dir);
	return 0;
}

static char *at(const char *name)
{
	return tu_path(dir, name);
}

/* Run netmap to the end; its status, stderr in *err when err is not NULL. */
static int run(const char *const *args, char **err)
{
	char *errpath = at("stderr");
	int status = fu_wait(fu_spawn(args, NULL, errpath));

	if (err)
		*err = tu_read_file(errpath, NULL);
	free(errpath);
	return status;
}

static void test_faults__kill_during_scan_leaves_old_or_new_snapshots(void **state)
{
	char *big = at("big.yaml"), *small = at("small.yaml"), *db = at("kill.db");
	const char *scan_small[] = {"scan", "--db", db, small, NULL};
	const char *scan_big[] = {"scan", "--db", db, big, NULL};
	const char *scans[] = {"scans", "--db", db, NULL};
	char *complete, *before, *after;
	double start, total;
	int committed = 0;

	fu_write_dataset(big, 6000);
	fu_write_dataset(small, 50);
	fu_remove_store(db);
	assert_int_equal(run(scan_small, NULL), 0);
	/* A whole scan: how long it takes, and the snapshot it leaves. */
	start = fu_now();
	assert_int_equal(fu_wait(fu_spawn(scan_big, NULL, NULL)), 0);
	total = fu_now() - start;
	after = fu_snapshots(db);
	assert_non_null(strchr(after, '\n'));
	complete = nm_xstrdup(fu_body(strchr(after, '\n') + 1)); /* the second snapshot */
	free(after);

	for (int t = 0; t < KILL_TRIALS; t++) {
		double delay = total * (0.15 + 1.1 * t / (KILL_TRIALS - 1)); /* to 1.25 x */
		pid_t pid;
		const char *last;
		size_t nbefore;

		before = fu_snapshots(db);
		nbefore = strlen(before);
		pid = fu_spawn(scan_big, NULL, NULL);
		assert_true(pid > 0);
		fu_sleep(delay);
		kill(pid, SIGKILL);
		fu_wait(pid);

		assert_int_equal(run(scans, NULL), 0);
		after = fu_snapshots(db);
		if (strcmp(after, before) != 0) {
			/* The old snapshots, then one complete new one. */
			if (strncmp(after, before, nbefore) != 0)
				fail_msg("trial %d (%.2f s): old snapshots changed:\n%s---\n%s", t,
					 delay, before, after);
			last = after + nbefore;
			if (strcmp(fu_body(last), complete) != 0)
				fail_msg("trial %d (%.2f s): incomplete snapshot %s (complete: %s)",
					 t, delay, last, complete);
			committed++;
		}
		free(before);
		free(after);
	}
	print_message("%d kill trials, %d left the new snapshot complete, %d the store as before\n",
		      KILL_TRIALS, committed, KILL_TRIALS - committed);
	free(complete);
	free(big);
	free(small);
	free(db);
}

/* Scan and the reading commands on path: exit 2, the message, path unchanged. */
static void refused(const char *path, const char *message)
{
	const char *scan[] = {"scan", "--db", path, NETMAP_SOURCE_DIR "/data", NULL};
	const char *scans[] = {"scans", "--db", path, NULL};
	const char *report[] = {"report", "--db", path, NULL};
	const char *const *cmds[] = {scan, scans, report};
	size_t len0, len1;
	char *before = tu_read_file(path, &len0), *after, *err;

	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(run(cmds[i], &err), 2);
		if (!strstr(err, message))
			fail_msg("%s on '%s': no '%s' in: %s", cmds[i][0], path, message, err);
		free(err);
	}
	after = tu_read_file(path, &len1);
	assert_int_equal(len0, len1);
	assert_memory_equal(before, after, len0);
	free(before);
	free(after);
}

static void test_faults__foreign_and_newer_stores_are_refused_untouched(void **state)
{
	char *text = at("text.db"), *foreign = at("foreign.db"), *newer = at("newer.db");
	const char *scan[] = {"scan", "--db", newer, NETMAP_SOURCE_DIR "/data", NULL};
	sqlite3 *h;

	tu_write_file(text, "actors: []\n");
	unlink(foreign);
	assert_int_equal(sqlite3_open(foreign, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "CREATE TABLE t (x); INSERT INTO t VALUES (1)", NULL, NULL,
				      NULL),
			 SQLITE_OK);
	sqlite3_close(h);
	fu_remove_store(newer);
	assert_int_equal(run(scan, NULL), 0);
	assert_int_equal(sqlite3_open(newer, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);

	refused(text, "is not a netmap store (not an SQLite database)");
	refused(foreign, "is not a netmap store");
	refused(newer, "was written by a newer netmap (schema 99; this netmap reads up to 1)");
	free(text);
	free(foreign);
	free(newer);
}

static void test_faults__corrupted_store_fails_cleanly(void **state)
{
	char *db = at("corrupt.db"), *err;
	const char *scan[] = {"scan", "--db", db, NETMAP_SOURCE_DIR "/data", NULL};
	const char *scans[] = {"scans", "--db", db, NULL};
	const char *report[] = {"report", "--db", db, "--format", "json", NULL};
	size_t len;
	char *bytes;
	FILE *f;

	fu_remove_store(db);
	assert_int_equal(run(scan, NULL), 0);
	assert_int_equal(run(scan, NULL), 0);
	/* Every page after the first two filled with 0x5a: the header stays. */
	bytes = tu_read_file(db, &len);
	assert_true(len > 3 * 4096);
	memset(bytes + 2 * 4096, 0x5a, len - 2 * 4096);
	f = fopen(db, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(bytes, 1, len, f), len);
	fclose(f);
	free(bytes);

	assert_int_equal(run(scan, &err), 2);
	assert_non_null(strstr(err, "store"));
	free(err);
	for (int i = 0; i < 2; i++) {
		int status = run(i ? report : scans, &err);
		if (status != 0 && status != 2)
			fail_msg("%s on a corrupted store exited %d: %s", i ? "report" : "scans",
				 status, err);
		if (status == 2)
			assert_non_null(strstr(err, "netmap: "));
		free(err);
	}
	free(db);
}

/* Run netmap as the user nobody (uid and gid 65534), in a child. */
static int run_as_nobody(const char *const *args, char **err)
{
	char *errpath = at("stderr");
	const char *argv[16];
	size_t n = 0;
	int status = 0;
	pid_t pid;

	argv[n++] = NETMAP_BIN;
	for (; args[n - 1] && n < 15; n++)
		argv[n] = args[n - 1];
	argv[n] = NULL;
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int fd = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0666);
		int out = open("/dev/null", O_WRONLY);
		if (fd < 0 || out < 0 || dup2(fd, 2) < 0 || dup2(out, 1) < 0 ||
		    setgroups(0, NULL) != 0 || setgid(65534) != 0 || setuid(65534) != 0)
			_exit(99);
		execv(NETMAP_BIN, (char *const *)argv);
		_exit(98);
	}
	status = fu_wait(pid);
	*err = tu_read_file(errpath, NULL);
	free(errpath);
	return status;
}

static void test_faults__read_only_store_serves_readers_and_refuses_scan(void **state)
{
	char *ro = at("ro"), *db, *err;
	const char *version[] = {"--version", NULL};
	const char *scan[] = {"scan", "--db", NULL, NETMAP_SOURCE_DIR "/data", NULL};
	const char *readers[][8] = {
		{"scans", "--db", NULL, NULL},
		{"report", "--db", NULL, NULL},
		{"report", "--db", NULL, "--format", "json", NULL},
		{"list", "--db", NULL, "committees", NULL},
		{"show", "--db", NULL, "ak-sprache", NULL},
	};
	bool as_nobody = geteuid() == 0;
	size_t len0, len1;
	char *before, *after;

	mkdir(ro, 0755);
	db = tu_path(ro, "s.db");
	fu_remove_store(db);
	scan[2] = db;
	assert_int_equal(run(scan, NULL), 0);
	chmod(db, 0644);
	if (as_nobody) {
		/* nobody must reach the binary and the store to prove anything. */
		chmod(dir, 0777); /* for the stderr file */
		if (run_as_nobody(version, &err) != 0) {
			free(err);
			free(db);
			free(ro);
			skip();
		}
		free(err);
	} else {
		chmod(db, 0444);
		chmod(ro, 0555);
	}
	before = tu_read_file(db, &len0);
	for (size_t i = 0; i < sizeof(readers) / sizeof(readers[0]); i++) {
		int status;
		readers[i][2] = db;
		status = as_nobody ? run_as_nobody(readers[i], &err) : run(readers[i], &err);
		if (status != 0)
			fail_msg("'%s' on a read-only store exited %d: %s", readers[i][0], status,
				 err);
		free(err);
	}
	assert_int_equal(as_nobody ? run_as_nobody(scan, &err) : run(scan, &err), 2);
	assert_non_null(strstr(err, "the file is read-only"));
	free(err);
	after = tu_read_file(db, &len1);
	assert_int_equal(len0, len1);
	assert_memory_equal(before, after, len0);
	chmod(ro, 0755);
	chmod(dir, 0755);
	free(before);
	free(after);
	free(db);
	free(ro);
}

static void test_faults__full_disk_fails_with_exit_2_and_keeps_the_store(void **state)
{
	char *mnt = at("disk"), *big = at("big.yaml"), *script = at("disk.sh"),
	     *out = at("disk.out");
	char cmd[4096];
	char *result;
	nm_buf sh = NM_BUF_INIT;

	if (geteuid() != 0 || system("unshare -m true 2>/dev/null") != 0)
		skip(); /* make faults injects ENOSPC through LD_PRELOAD instead */
	mkdir(mnt, 0755);
	fu_write_dataset(big, 6000);
	/* In a private mount namespace: a 1 MiB tmpfs, a small scan, then a big one. */
	nm_buf_printf(
		&sh,
		"set -e\nmount -t tmpfs -o size=1m tmpfs '%s'\n"
		"'%s' scan --db '%s/s.db' '%s/data' >/dev/null 2>&1\n"
		"status=0\n'%s' scan --db '%s/s.db' '%s' >/dev/null 2>'%s.err' || status=$?\n"
		"echo \"status $status\"\ngrep -c 'database or disk is full' '%s.err' || true\n"
		"'%s' scans --db '%s/s.db' | wc -l\numount '%s'\n",
		mnt, NETMAP_BIN, mnt, NETMAP_SOURCE_DIR, NETMAP_BIN, mnt, big, out, out, NETMAP_BIN,
		mnt, mnt);
	tu_write_file(script, sh.ptr);
	snprintf(cmd, sizeof(cmd), "unshare -m sh '%s' > '%s' 2>&1", script, out);
	if (system(cmd) != 0) {
		result = tu_read_file(out, NULL);
		if (result && strstr(result, "mount:")) {
			free(result);
			nm_buf_release(&sh);
			free(mnt), free(big), free(script), free(out);
			skip();
		}
		fail_msg("the full-disk script failed: %s", result ? result : "");
	}
	result = tu_read_file(out, NULL);
	/* Exit 2, the message, and still one snapshot (a header line and one row). */
	assert_string_equal(result, "status 2\n1\n2\n");
	free(result);
	nm_buf_release(&sh);
	free(mnt);
	free(big);
	free(script);
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_faults__kill_during_scan_leaves_old_or_new_snapshots),
		cmocka_unit_test(test_faults__foreign_and_newer_stores_are_refused_untouched),
		cmocka_unit_test(test_faults__corrupted_store_fails_cleanly),
		cmocka_unit_test(test_faults__read_only_store_serves_readers_and_refuses_scan),
		cmocka_unit_test(test_faults__full_disk_fails_with_exit_2_and_keeps_the_store),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
