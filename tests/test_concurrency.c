/*
 * test_concurrency.c: the short version of tests/concurrency/run.sh. Two
 * scans and three readers on one store at once, a few rounds: every
 * command succeeds or fails with "store ... is busy"; every report shows
 * one complete snapshot, byte for byte; the store gains exactly one
 * snapshot per scan that succeeded.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "faults/faultutil.h"

#define ROUNDS 3
#define READERS 3
#define TODAY "2026-11-26"

static void test_concurrency__scans_and_readers_on_one_store(void **state)
{
	char *dir = tu_tempdir("concurrency");
	char *big = tu_path(dir, "big.yaml"), *db = tu_path(dir, "store.db");
	char *refs[2], *refdb = tu_path(dir, "ref.db");
	const char *srcs[2] = {NULL, NETMAP_SOURCE_DIR "/data"};
	int ok_scans = 0, busy = 0;

	fu_write_dataset(big, 3000);
	srcs[0] = big;
	/* The two reports a reader may see. */
	for (int i = 0; i < 2; i++) {
		const char *scan[] = {"scan", "--today", TODAY, "--db", refdb, srcs[i], NULL};
		const char *report[] = {"report", "--today", TODAY, "--format",
					"json",   "--db",    refdb, NULL};
		char *out = tu_path(dir, i ? "ref1.json" : "ref0.json");
		fu_remove_store(refdb);
		assert_int_equal(fu_wait(fu_spawn(scan, NULL, NULL)), 0);
		assert_int_equal(fu_wait(fu_spawn(report, out, NULL)), 0);
		refs[i] = tu_read_file(out, NULL);
		free(out);
	}

	fu_remove_store(db);
	{
		const char *scan[] = {"scan", "--today", TODAY, "--db", db, srcs[1], NULL};
		assert_int_equal(fu_wait(fu_spawn(scan, NULL, NULL)), 0);
	}
	for (int r = 0; r < ROUNDS; r++) {
		pid_t pids[2 + READERS];
		char *outs[2 + READERS], *errs[2 + READERS];
		char *before = fu_snapshots(db), *after;
		size_t nbefore = 0, nafter = 0;
		int new_snapshots = 0;

		for (int i = 0; i < 2 + READERS; i++) {
			char name[32];
			snprintf(name, sizeof(name), "out%d", i);
			outs[i] = tu_path(dir, name);
			snprintf(name, sizeof(name), "err%d", i);
			errs[i] = tu_path(dir, name);
		}
		for (int i = 0; i < 2; i++) {
			const char *scan[] = {"scan", "--today", TODAY, "--db", db, srcs[i], NULL};
			pids[i] = fu_spawn(scan, outs[i], errs[i]);
		}
		for (int i = 2; i < 2 + READERS; i++) {
			const char *report[] = {"report", "--today", TODAY, "--format",
						"json",   "--db",    db,    NULL};
			pids[i] = fu_spawn(report, outs[i], errs[i]);
		}
		for (int i = 0; i < 2 + READERS; i++) {
			int status = fu_wait(pids[i]);
			char *err = tu_read_file(errs[i], NULL);
			char *out = tu_read_file(outs[i], NULL);

			if (status == 2 && strstr(err, "is busy")) {
				busy++;
			} else if (status != 0) {
				fail_msg("round %d, command %d exited %d: %s", r, i, status, err);
			} else if (i < 2) {
				new_snapshots++;
				ok_scans++;
			} else if (strcmp(out, refs[0]) != 0 && strcmp(out, refs[1]) != 0) {
				fail_msg("round %d: a reader saw neither complete snapshot", r);
			}
			free(err);
			free(out);
			free(outs[i]);
			free(errs[i]);
		}
		after = fu_snapshots(db);
		for (const char *p = before; *p; p++)
			nbefore += *p == '\n';
		for (const char *p = after; *p; p++)
			nafter += *p == '\n';
		assert_int_equal(strncmp(after, before, strlen(before)), 0);
		assert_int_equal(nafter, nbefore + (size_t)new_snapshots);
		free(before);
		free(after);
	}
	print_message("%d rounds: %d scans stored, %d commands busy\n", ROUNDS, ok_scans, busy);
	free(refs[0]);
	free(refs[1]);
	free(refdb);
	free(big);
	free(db);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_concurrency__scans_and_readers_on_one_store),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
