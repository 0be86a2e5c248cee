/*
 * test_history.c: history through the real binary: two scans of two
 * fixture states (tests/data/history/v1, v2), then scans, diff (the last
 * two, and by number, text and JSON, German), report --since last, a date
 * and a number, prune --keep, forget, and the exit status of bad
 * arguments. Personal data: only the latest snapshot keeps contacts.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netmap/store.h"
#include "testutil.h"

#define SRC NETMAP_SOURCE_DIR
#define V1 "tests/data/history/v1"
#define V2 "tests/data/history/v2"

static tu_run run_in(const char *cwd, const char *const *args)
{
	tu_run r;
	tu_netmap(&r, cwd, args);
	return r;
}

#define NETMAP(...) run_in(SRC, (const char *const[]){__VA_ARGS__, NULL})

static void expect(tu_run r, int status, const char *out_part, const char *err_part)
{
	if (r.status != status || (out_part && !strstr(r.out, out_part)) ||
	    (err_part && !strstr(r.err, err_part)))
		fail_msg("status %d (want %d)\nstdout:\n%s\nstderr:\n%s", r.status, status, r.out,
			 r.err);
	tu_run_release(&r);
}

/* A store with snapshot 1 of v1 and snapshot 2 of v2; free the path. */
static char *two_scans(const char *name)
{
	char *dir = tu_tempdir(name);
	char *db = tu_path(dir, "n.db");

	expect(NETMAP("scan", "--db", db, "--today", "2026-11-26", V1), 0, NULL, NULL);
	expect(NETMAP("scan", "--db", db, "--today", "2026-11-26", V2), 0, NULL, NULL);
	free(dir);
	return db;
}

static void test_history__scans_and_diff(void **state)
{
	char *db = two_scans("hist-diff");
	tu_run r;

	r = NETMAP("scans", "--db", db);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "\n   1  "));
	assert_non_null(strstr(r.out, "\n   2  "));
	tu_run_release(&r);

	/* The default is the last two; the same as 1 2. */
	r = NETMAP("diff", "--db", db, "--lang", "en");
	tu_run s = NETMAP("diff", "--db", db, "--lang", "en", "1", "2");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	assert_string_equal(r.out, s.out);
	assert_true(strncmp(r.out, "What changed from snapshot 1 to 2\n", 34) == 0);
	/* A rename is a change of the same actor, not a removal and an addition. */
	assert_non_null(strstr(r.out, "  ~ Caritas Testdorf (caritas)\n"
				      "      name: Caritasverband Testdorf e.V. → Caritas Testdorf\n"));
	assert_non_null(strstr(r.out, "  - Altes Bündnis (alt), club\n"));
	assert_non_null(strstr(r.out, "  + Willkommensinitiative (ini), volunteer initiative\n"));
	assert_non_null(strstr(r.out, "      themes: language → language, work\n"));
	assert_non_null(strstr(r.out, "      status: active → dormant\n"));
	assert_non_null(strstr(r.out, "      role: member → chair\n"));
	assert_non_null(strstr(r.out, "Resolved findings (2)\n"
				      "  - duplicate groups: Arbeitskreis Sprache (ak-sprache) and"));
	assert_non_null(strstr(r.out, "  + group to review: Arbeitskreis Sprache (ak-sprache), dormant\n"));
	assert_null(strstr(r.out, "Erika")); /* no personal data */
	tu_run_release(&r);
	tu_run_release(&s);

	/* Backwards works too: what 2 → 1 would change. */
	expect(NETMAP("diff", "--db", db, "--lang", "en", "2", "1"), 0,
	       "  + Altes Bündnis (alt), club\n", NULL);
	expect(NETMAP("diff", "--db", db, "--lang", "de"), 0,
	       "Was sich von Stand 1 zu Stand 2 geändert hat\n", NULL);
	expect(NETMAP("diff", "--db", db, "--format", "json"), 0,
	       "{\"kind\": \"overlap\", \"a\": \"ak-sprache\", \"b\": \"nw-sprache\", \"class\": \"duplicate\"}",
	       NULL);
	expect(NETMAP("diff", "--db", db, "2", "2"), 0, "Nothing changed.", NULL);
	free(db);
}

static void test_history__diff_bad_arguments(void **state)
{
	char *db = two_scans("hist-diff-bad");
	char *dir = tu_tempdir("hist-one");
	char *one = tu_path(dir, "one.db");
	char *none = tu_path(dir, "none.db");

	expect(NETMAP("diff", "--db", db, "1", "9"), 2, NULL, "netmap: no snapshot 9 in store '");
	expect(NETMAP("diff", "--db", db, "7"), 2, NULL, "no snapshot 7");
	expect(NETMAP("diff", "--db", db, "x"), 2, NULL,
	       "netmap: a snapshot is a number from 'netmap scans', not 'x'\n");
	expect(NETMAP("diff", "--db", db, "0"), 2, NULL, "not '0'");
	expect(NETMAP("diff", "--db", db, "1", "2", "3"), 2, NULL, "unexpected argument '3'");
	expect(NETMAP("diff", "--db", db, "--format", "html"), 2, NULL, "unknown format 'html'");
	expect(NETMAP("diff", "--db", none), 2, NULL, "no store at");
	expect(NETMAP("scan", "--db", one, "--today", "2026-11-26", V1), 0, NULL, NULL);
	expect(NETMAP("diff", "--db", one), 2, NULL, "holds one snapshot; a diff needs two");
	expect(NETMAP("report", "--db", one, "--since", "last"), 2, NULL,
	       "--since last needs an earlier snapshot");
	free(db);
	free(one);
	free(none);
	free(dir);
}

static void test_history__report_since(void **state)
{
	char *db = two_scans("hist-since");
	tu_run r, plain;

	plain = NETMAP("report", "--db", db, "--today", "2026-11-26", "--lang", "en");
	assert_int_equal(plain.status, 0);

	r = NETMAP("report", "--db", db, "--today", "2026-11-26", "--lang", "en", "--since", "last");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	assert_non_null(strstr(r.out, "What changed from snapshot 1 to 2\n"));
	assert_non_null(strstr(r.out, "  ~ Caritas Testdorf (caritas)\n"));
	tu_run_release(&r);

	/* A snapshot number names the same snapshot here. */
	r = NETMAP("report", "--db", db, "--today", "2026-11-26", "--lang", "en", "--since", "1");
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "What changed from snapshot 1 to 2\n"));
	tu_run_release(&r);

	/* A date far ahead names the latest snapshot: nothing changed since. */
	r = NETMAP("report", "--db", db, "--today", "2026-11-26", "--lang", "en", "--since",
		   "2099-01-01");
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "What changed from snapshot 2 to 2\n"));
	assert_non_null(strstr(r.out, "Nothing changed."));
	tu_run_release(&r);

	r = NETMAP("report", "--db", db, "--format", "json", "--since", "last");
	assert_int_equal(r.status, 0);
	tu_run_release(&r);

	expect(NETMAP("report", "--db", db, "--since", "2000-01-01"), 2, NULL,
	       "no snapshot taken on or before 2000-01-01");
	expect(NETMAP("report", "--db", db, "--since", "9"), 2, NULL, "no snapshot 9");
	expect(NETMAP("report", "--db", db, "--since", "yesterday"), 2, NULL,
	       "--since takes last, a date YYYY-MM-DD or a snapshot number, not 'yesterday'");
	expect(NETMAP("report", "--db", db, "--since", "2026-02-30"), 2, NULL, "not '2026-02-30'");
	tu_run_release(&plain);
	free(db);
}

static void test_history__prune(void **state)
{
	char *db = two_scans("hist-prune");
	tu_run r;

	expect(NETMAP("scan", "--db", db, "--today", "2026-11-26", V1), 0, NULL, NULL);
	expect(NETMAP("prune", "--db", db), 2, NULL, "say how many snapshots to keep: --keep N");
	expect(NETMAP("prune", "--db", db, "--keep", "0"), 2, NULL, "at least 1");
	expect(NETMAP("prune", "--db", db, "--keep", "x"), 2, NULL, NULL);
	expect(NETMAP("prune", "--db", db, "--keep", "1", "extra"), 2, NULL, "unexpected argument");

	expect(NETMAP("prune", "--db", db, "--keep", "5"), 0, "dropped 0 snapshots, kept at most 5\n",
	       NULL);
	r = NETMAP("prune", "--db", db, "--keep", "2");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "dropped 1 snapshot, kept at most 2\n");
	tu_run_release(&r);
	r = NETMAP("scans", "--db", db);
	assert_null(strstr(r.out, "\n   1  "));
	assert_non_null(strstr(r.out, "\n   2  "));
	assert_non_null(strstr(r.out, "\n   3  "));
	tu_run_release(&r);
	/* The kept snapshots still compare; dropped ones are gone. */
	expect(NETMAP("diff", "--db", db, "--lang", "en"), 0, "What changed from snapshot 2 to 3", NULL);
	expect(NETMAP("diff", "--db", db, "1", "3"), 2, NULL, "no snapshot 1");

	expect(NETMAP("prune", "--db", db, "--keep", "1"), 0, "dropped 1 snapshot", NULL);
	r = NETMAP("scans", "--db", db);
	assert_null(strstr(r.out, "\n   2  "));
	assert_non_null(strstr(r.out, "\n   3  "));
	tu_run_release(&r);
	/* Ids are never reused. */
	expect(NETMAP("scan", "--db", db, "--today", "2026-11-26", V2), 0, NULL, NULL);
	expect(NETMAP("scans", "--db", db), 0, "\n   4  ", NULL);
	free(db);
}

/* How many contact rows the store holds, and for which snapshots. */
static void contacts_of(const char *db, const char *actor, int64_t snapshot, bool want)
{
	nm_store *store = NULL;
	nm_dataset *ds = NULL;
	nm_error err;
	uint32_t i;

	assert_int_equal(nm_store_open(&store, db, NM_STORE_READ, &err), NM_OK);
	assert_int_equal(nm_store_load(store, snapshot, &ds, NULL, &err), NM_OK);
	i = nm_dataset_find_actor(ds, actor);
	assert_int_not_equal(i, NM_NONE);
	if (want)
		assert_non_null(ds->actors[i].email);
	else
		assert_true(!ds->actors[i].person && !ds->actors[i].email && !ds->actors[i].phone);
	nm_dataset_free(ds);
	nm_store_close(store);
}

static const char *holds(const char *raw, size_t len, const char *s)
{
	size_t n = strlen(s);

	for (size_t i = 0; i + n <= len; i++)
		if (memcmp(raw + i, s, n) == 0)
			return raw + i;
	return NULL;
}

static void test_history__forget_and_only_the_latest_keeps_contacts(void **state)
{
	char *db = two_scans("hist-forget");
	char *raw;
	size_t len;

	/* Only the latest snapshot keeps contact data. */
	contacts_of(db, "caritas", 1, false);
	contacts_of(db, "caritas", 2, true);

	expect(NETMAP("forget", "--db", db), 2, NULL, "name the actor whose personal data to erase");
	expect(NETMAP("forget", "--db", db, "a", "b"), 2, NULL, "name one actor, not 2");
	expect(NETMAP("forget", "--db", db, "nobody"), 2, NULL, "netmap: no actor 'nobody' in store");
	expect(NETMAP("forget", "--db", db, "caritas"), 0,
	       "erased the contact person and e-mail of actor 'caritas' from every snapshot\n", NULL);
	contacts_of(db, "caritas", 2, false);
	expect(NETMAP("forget", "--db", db, "caritas"), 0,
	       "no contact data was kept for actor 'caritas'; nothing to erase\n", NULL);
	/* An actor only an older snapshot knows is known: nothing to erase. */
	expect(NETMAP("forget", "--db", db, "alt"), 0, "nothing to erase", NULL);
	/* The bytes are gone from the file, not only from the table. */
	raw = tu_read_file(db, &len);
	assert_non_null(raw);
	assert_null(holds(raw, len, "erika@example.org"));
	assert_null(holds(raw, len, "Erika Beispiel"));
	free(raw);
	free(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_history__scans_and_diff),
		cmocka_unit_test(test_history__diff_bad_arguments),
		cmocka_unit_test(test_history__report_since),
		cmocka_unit_test(test_history__prune),
		cmocka_unit_test(test_history__forget_and_only_the_latest_keeps_contacts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
