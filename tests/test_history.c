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

/* A store in a scratch folder, made before a test and removed after it. */
typedef struct history {
	char *dir;
	char *db;
} history;

static int store_of(void **state, const char *name, const char *const *versions)
{
	history *h = calloc(1, sizeof(*h));

	if (!h)
		return -1;
	h->dir = tu_tempdir(name);
	h->db = tu_path(h->dir, "n.db");
	for (; *versions; versions++)
		expect(NETMAP("scan", "--db", h->db, "--today", "2026-11-26", *versions), 0, NULL,
		       NULL);
	*state = h;
	return 0;
}

/* Snapshot 1 of v1. */
static int one_snapshot(void **state)
{
	return store_of(state, "hist-one", (const char *const[]){V1, NULL});
}

/* Snapshot 1 of v1 and snapshot 2 of v2. */
static int two_snapshots(void **state)
{
	return store_of(state, "hist-two", (const char *const[]){V1, V2, NULL});
}

/* Snapshots 1 and 3 of v1, 2 of v2. */
static int three_snapshots(void **state)
{
	return store_of(state, "hist-three", (const char *const[]){V1, V2, V1, NULL});
}

static int remove_store(void **state)
{
	history *h = *state;

	free(h->db);
	free(h->dir);
	free(h);
	return 0;
}

/* ------------------------------------------------------------ scans, diff */

static void test_history__scans_lists_every_snapshot_by_number(void **state)
{
	history *h = *state;
	tu_run r = NETMAP("scans", "--db", h->db);

	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "\n   1  "));
	assert_non_null(strstr(r.out, "\n   2  "));
	tu_run_release(&r);
}

static void test_history__diff_defaults_to_the_last_two_snapshots(void **state)
{
	history *h = *state;
	tu_run r = NETMAP("diff", "--db", h->db, "--lang", "en");
	tu_run s = NETMAP("diff", "--db", h->db, "--lang", "en", "1", "2");

	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	assert_string_equal(r.out, s.out);
	assert_true(strncmp(r.out, "What changed from snapshot 1 to 2\n", 34) == 0);
	tu_run_release(&r);
	tu_run_release(&s);
}

/* The English diff of the last two snapshots; release it. */
static tu_run diff_en(const history *h)
{
	tu_run r = NETMAP("diff", "--db", h->db, "--lang", "en");

	assert_int_equal(r.status, 0);
	return r;
}

static void test_history__diff_shows_a_rename_as_a_change_of_the_same_actor(void **state)
{
	tu_run r = diff_en(*state);

	/* A rename is a change of the same actor, not a removal and an addition. */
	assert_non_null(strstr(r.out,
			       "  ~ Caritas Testdorf (caritas)\n"
			       "      name: Caritasverband Testdorf e.V. → Caritas Testdorf\n"));
	tu_run_release(&r);
}

static void test_history__diff_lists_removed_and_added_actors(void **state)
{
	tu_run r = diff_en(*state);

	assert_non_null(strstr(r.out, "  - Altes Bündnis (alt), club\n"));
	assert_non_null(strstr(r.out, "  + Willkommensinitiative (ini), volunteer initiative\n"));
	tu_run_release(&r);
}

static void test_history__diff_shows_changed_themes_status_and_roles(void **state)
{
	tu_run r = diff_en(*state);

	assert_non_null(strstr(r.out, "      themes: language → language, work\n"));
	assert_non_null(strstr(r.out, "      status: active → dormant\n"));
	assert_non_null(strstr(r.out, "      role: member → chair\n"));
	tu_run_release(&r);
}

static void test_history__diff_lists_resolved_and_new_findings(void **state)
{
	tu_run r = diff_en(*state);

	assert_non_null(strstr(r.out,
			       "Resolved findings (2)\n"
			       "  - duplicate groups: Arbeitskreis Sprache (ak-sprache) and"));
	assert_non_null(
		strstr(r.out, "  + group to review: Arbeitskreis Sprache (ak-sprache), dormant\n"));
	tu_run_release(&r);
}

static void test_history__diff_shows_no_personal_data(void **state)
{
	tu_run r = diff_en(*state);

	assert_null(strstr(r.out, "Erika"));
	tu_run_release(&r);
}

static void test_history__diff_backwards_shows_what_the_reverse_would_change(void **state)
{
	history *h = *state;

	/* Backwards works too: what 2 → 1 would change. */
	expect(NETMAP("diff", "--db", h->db, "--lang", "en", "2", "1"), 0,
	       "  + Altes Bündnis (alt), club\n", NULL);
}

static void test_history__diff_in_german(void **state)
{
	history *h = *state;

	expect(NETMAP("diff", "--db", h->db, "--lang", "de"), 0,
	       "Was sich von Stand 1 zu Stand 2 geändert hat\n", NULL);
}

static void test_history__diff_as_json_lists_the_findings(void **state)
{
	history *h = *state;

	expect(NETMAP("diff", "--db", h->db, "--format", "json"), 0,
	       "{\"kind\": \"overlap\", \"a\": \"ak-sprache\", \"b\": \"nw-sprache\", \"class\": \"duplicate\"}",
	       NULL);
}

static void test_history__diff_of_a_snapshot_with_itself_changes_nothing(void **state)
{
	history *h = *state;

	expect(NETMAP("diff", "--db", h->db, "2", "2"), 0, "Nothing changed.", NULL);
}

static void test_history__diff_of_a_missing_snapshot_exits_2(void **state)
{
	history *h = *state;

	expect(NETMAP("diff", "--db", h->db, "1", "9"), 2, NULL,
	       "netmap: no snapshot 9 in store '");
	expect(NETMAP("diff", "--db", h->db, "7"), 2, NULL, "no snapshot 7");
}

static void test_history__diff_of_a_snapshot_that_is_no_number_exits_2(void **state)
{
	history *h = *state;

	expect(NETMAP("diff", "--db", h->db, "x"), 2, NULL,
	       "netmap: a snapshot is a number from 'netmap scans', not 'x'\n");
	expect(NETMAP("diff", "--db", h->db, "0"), 2, NULL, "not '0'");
}

static void test_history__diff_of_three_snapshots_exits_2(void **state)
{
	history *h = *state;

	expect(NETMAP("diff", "--db", h->db, "1", "2", "3"), 2, NULL, "unexpected argument '3'");
}

static void test_history__diff_in_an_unknown_format_exits_2(void **state)
{
	history *h = *state;

	expect(NETMAP("diff", "--db", h->db, "--format", "html"), 2, NULL, "unknown format 'html'");
}

static void test_history__diff_without_a_store_exits_2(void **state)
{
	history *h = *state;
	char *none = tu_path(h->dir, "none.db");

	expect(NETMAP("diff", "--db", none), 2, NULL, "no store at");
	free(none);
}

static void test_history__diff_of_a_store_with_one_snapshot_exits_2(void **state)
{
	history *h = *state;

	expect(NETMAP("diff", "--db", h->db), 2, NULL, "holds one snapshot; a diff needs two");
}

/* ------------------------------------------------------------ report --since */

static void test_history__report_since_last_of_a_store_with_one_snapshot_exits_2(void **state)
{
	history *h = *state;

	expect(NETMAP("report", "--db", h->db, "--since", "last"), 2, NULL,
	       "--since last needs an earlier snapshot");
}

static void test_history__report_without_since_succeeds(void **state)
{
	history *h = *state;

	expect(NETMAP("report", "--db", h->db, "--today", "2026-11-26", "--lang", "en"), 0, NULL,
	       NULL);
}

static void test_history__report_since_last_shows_what_changed(void **state)
{
	history *h = *state;
	tu_run r = NETMAP("report", "--db", h->db, "--today", "2026-11-26", "--lang", "en",
			  "--since", "last");

	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	assert_non_null(strstr(r.out, "What changed from snapshot 1 to 2\n"));
	assert_non_null(strstr(r.out, "  ~ Caritas Testdorf (caritas)\n"));
	tu_run_release(&r);
}

static void test_history__report_since_a_number_compares_with_that_snapshot(void **state)
{
	history *h = *state;
	tu_run r = NETMAP("report", "--db", h->db, "--today", "2026-11-26", "--lang", "en",
			  "--since", "1");

	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "What changed from snapshot 1 to 2\n"));
	tu_run_release(&r);
}

static void test_history__report_since_a_date_ahead_compares_with_the_latest(void **state)
{
	history *h = *state;
	tu_run r = NETMAP("report", "--db", h->db, "--today", "2026-11-26", "--lang", "en",
			  "--since", "2099-01-01");

	/* A date far ahead names the latest snapshot: nothing changed since. */
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "What changed from snapshot 2 to 2\n"));
	assert_non_null(strstr(r.out, "Nothing changed."));
	tu_run_release(&r);
}

static void test_history__report_since_last_as_json_succeeds(void **state)
{
	history *h = *state;

	expect(NETMAP("report", "--db", h->db, "--format", "json", "--since", "last"), 0, NULL,
	       NULL);
}

static void test_history__report_since_a_date_before_every_snapshot_exits_2(void **state)
{
	history *h = *state;

	expect(NETMAP("report", "--db", h->db, "--since", "2000-01-01"), 2, NULL,
	       "no snapshot taken on or before 2000-01-01");
}

static void test_history__report_since_a_missing_snapshot_exits_2(void **state)
{
	history *h = *state;

	expect(NETMAP("report", "--db", h->db, "--since", "9"), 2, NULL, "no snapshot 9");
}

static void test_history__report_since_a_word_exits_2(void **state)
{
	history *h = *state;

	expect(NETMAP("report", "--db", h->db, "--since", "yesterday"), 2, NULL,
	       "--since takes last, a date YYYY-MM-DD or a snapshot number, not 'yesterday'");
}

static void test_history__report_since_an_impossible_date_exits_2(void **state)
{
	history *h = *state;

	expect(NETMAP("report", "--db", h->db, "--since", "2026-02-30"), 2, NULL,
	       "not '2026-02-30'");
}

/* ------------------------------------------------------------ prune */

static void test_history__prune_without_keep_exits_2(void **state)
{
	history *h = *state;

	expect(NETMAP("prune", "--db", h->db), 2, NULL, "say how many snapshots to keep: --keep N");
}

static void test_history__prune_keeping_none_exits_2(void **state)
{
	history *h = *state;

	expect(NETMAP("prune", "--db", h->db, "--keep", "0"), 2, NULL, "at least 1");
}

static void test_history__prune_keeping_no_number_exits_2(void **state)
{
	history *h = *state;

	expect(NETMAP("prune", "--db", h->db, "--keep", "x"), 2, NULL, NULL);
}

static void test_history__prune_with_an_extra_argument_exits_2(void **state)
{
	history *h = *state;

	expect(NETMAP("prune", "--db", h->db, "--keep", "1", "extra"), 2, NULL,
	       "unexpected argument");
}

static void test_history__prune_keeping_more_than_there_are_drops_nothing(void **state)
{
	history *h = *state;

	expect(NETMAP("prune", "--db", h->db, "--keep", "5"), 0,
	       "dropped 0 snapshots, kept at most 5\n", NULL);
}

static void test_history__prune_drops_the_oldest_snapshots(void **state)
{
	history *h = *state;
	tu_run r = NETMAP("prune", "--db", h->db, "--keep", "2");

	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "dropped 1 snapshot, kept at most 2\n");
	tu_run_release(&r);
	r = NETMAP("scans", "--db", h->db);
	assert_null(strstr(r.out, "\n   1  "));
	assert_non_null(strstr(r.out, "\n   2  "));
	assert_non_null(strstr(r.out, "\n   3  "));
	tu_run_release(&r);
}

static void test_history__pruned_store_compares_kept_snapshots_only(void **state)
{
	history *h = *state;

	expect(NETMAP("prune", "--db", h->db, "--keep", "2"), 0, NULL, NULL);
	/* The kept snapshots still compare; dropped ones are gone. */
	expect(NETMAP("diff", "--db", h->db, "--lang", "en"), 0,
	       "What changed from snapshot 2 to 3", NULL);
	expect(NETMAP("diff", "--db", h->db, "1", "3"), 2, NULL, "no snapshot 1");
}

static void test_history__prune_to_one_keeps_the_latest(void **state)
{
	history *h = *state;
	tu_run r;

	expect(NETMAP("prune", "--db", h->db, "--keep", "2"), 0, NULL, NULL);
	expect(NETMAP("prune", "--db", h->db, "--keep", "1"), 0, "dropped 1 snapshot", NULL);
	r = NETMAP("scans", "--db", h->db);
	assert_null(strstr(r.out, "\n   2  "));
	assert_non_null(strstr(r.out, "\n   3  "));
	tu_run_release(&r);
}

static void test_history__snapshot_ids_are_never_reused_after_a_prune(void **state)
{
	history *h = *state;

	expect(NETMAP("prune", "--db", h->db, "--keep", "1"), 0, NULL, NULL);
	expect(NETMAP("scan", "--db", h->db, "--today", "2026-11-26", V2), 0, NULL, NULL);
	expect(NETMAP("scans", "--db", h->db), 0, "\n   4  ", NULL);
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

/* ------------------------------------------------------------ personal data */

static void test_history__only_the_latest_snapshot_keeps_contacts(void **state)
{
	history *h = *state;

	contacts_of(h->db, "caritas", 1, false);
	contacts_of(h->db, "caritas", 2, true);
}

static void test_history__forget_without_an_actor_exits_2(void **state)
{
	history *h = *state;

	expect(NETMAP("forget", "--db", h->db), 2, NULL,
	       "name the actor whose personal data to erase");
}

static void test_history__forget_of_two_actors_exits_2(void **state)
{
	history *h = *state;

	expect(NETMAP("forget", "--db", h->db, "a", "b"), 2, NULL, "name one actor, not 2");
}

static void test_history__forget_of_an_unknown_actor_exits_2(void **state)
{
	history *h = *state;

	expect(NETMAP("forget", "--db", h->db, "nobody"), 2, NULL,
	       "netmap: no actor 'nobody' in store");
}

static void test_history__forget_erases_the_contacts_from_the_file(void **state)
{
	history *h = *state;
	char *raw;
	size_t len;

	expect(NETMAP("forget", "--db", h->db, "caritas"), 0,
	       "erased the contact person and e-mail of actor 'caritas' from every snapshot\n",
	       NULL);
	contacts_of(h->db, "caritas", 2, false);
	/* The bytes are gone from the file, not only from the table. */
	raw = tu_read_file(h->db, &len);
	assert_non_null(raw);
	assert_null(holds(raw, len, "erika@example.org"));
	assert_null(holds(raw, len, "Erika Beispiel"));
	free(raw);
}

static void test_history__forget_a_second_time_has_nothing_to_erase(void **state)
{
	history *h = *state;

	expect(NETMAP("forget", "--db", h->db, "caritas"), 0, NULL, NULL);
	expect(NETMAP("forget", "--db", h->db, "caritas"), 0,
	       "no contact data was kept for actor 'caritas'; nothing to erase\n", NULL);
}

static void
test_history__forget_of_an_actor_only_an_older_snapshot_knows_erases_nothing(void **state)
{
	history *h = *state;

	/* Known, so no error; an older snapshot keeps no contacts. */
	expect(NETMAP("forget", "--db", h->db, "alt"), 0, "nothing to erase", NULL);
}

#define WITH(test, setup) cmocka_unit_test_setup_teardown(test, setup, remove_store)

int main(void)
{
	const struct CMUnitTest tests[] = {
		WITH(test_history__scans_lists_every_snapshot_by_number, two_snapshots),
		WITH(test_history__diff_defaults_to_the_last_two_snapshots, two_snapshots),
		WITH(test_history__diff_shows_a_rename_as_a_change_of_the_same_actor,
		     two_snapshots),
		WITH(test_history__diff_lists_removed_and_added_actors, two_snapshots),
		WITH(test_history__diff_shows_changed_themes_status_and_roles, two_snapshots),
		WITH(test_history__diff_lists_resolved_and_new_findings, two_snapshots),
		WITH(test_history__diff_shows_no_personal_data, two_snapshots),
		WITH(test_history__diff_backwards_shows_what_the_reverse_would_change,
		     two_snapshots),
		WITH(test_history__diff_in_german, two_snapshots),
		WITH(test_history__diff_as_json_lists_the_findings, two_snapshots),
		WITH(test_history__diff_of_a_snapshot_with_itself_changes_nothing, two_snapshots),
		WITH(test_history__diff_of_a_missing_snapshot_exits_2, two_snapshots),
		WITH(test_history__diff_of_a_snapshot_that_is_no_number_exits_2, two_snapshots),
		WITH(test_history__diff_of_three_snapshots_exits_2, two_snapshots),
		WITH(test_history__diff_in_an_unknown_format_exits_2, two_snapshots),
		WITH(test_history__diff_without_a_store_exits_2, two_snapshots),
		WITH(test_history__diff_of_a_store_with_one_snapshot_exits_2, one_snapshot),
		WITH(test_history__report_since_last_of_a_store_with_one_snapshot_exits_2,
		     one_snapshot),
		WITH(test_history__report_without_since_succeeds, two_snapshots),
		WITH(test_history__report_since_last_shows_what_changed, two_snapshots),
		WITH(test_history__report_since_a_number_compares_with_that_snapshot,
		     two_snapshots),
		WITH(test_history__report_since_a_date_ahead_compares_with_the_latest,
		     two_snapshots),
		WITH(test_history__report_since_last_as_json_succeeds, two_snapshots),
		WITH(test_history__report_since_a_date_before_every_snapshot_exits_2,
		     two_snapshots),
		WITH(test_history__report_since_a_missing_snapshot_exits_2, two_snapshots),
		WITH(test_history__report_since_a_word_exits_2, two_snapshots),
		WITH(test_history__report_since_an_impossible_date_exits_2, two_snapshots),
		WITH(test_history__prune_without_keep_exits_2, three_snapshots),
		WITH(test_history__prune_keeping_none_exits_2, three_snapshots),
		WITH(test_history__prune_keeping_no_number_exits_2, three_snapshots),
		WITH(test_history__prune_with_an_extra_argument_exits_2, three_snapshots),
		WITH(test_history__prune_keeping_more_than_there_are_drops_nothing,
		     three_snapshots),
		WITH(test_history__prune_drops_the_oldest_snapshots, three_snapshots),
		WITH(test_history__pruned_store_compares_kept_snapshots_only, three_snapshots),
		WITH(test_history__prune_to_one_keeps_the_latest, three_snapshots),
		WITH(test_history__snapshot_ids_are_never_reused_after_a_prune, three_snapshots),
		WITH(test_history__only_the_latest_snapshot_keeps_contacts, two_snapshots),
		WITH(test_history__forget_without_an_actor_exits_2, two_snapshots),
		WITH(test_history__forget_of_two_actors_exits_2, two_snapshots),
		WITH(test_history__forget_of_an_unknown_actor_exits_2, two_snapshots),
		WITH(test_history__forget_erases_the_contacts_from_the_file, two_snapshots),
		WITH(test_history__forget_a_second_time_has_nothing_to_erase, two_snapshots),
		WITH(test_history__forget_of_an_actor_only_an_older_snapshot_knows_erases_nothing,
		     two_snapshots),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
