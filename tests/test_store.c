/*
 * test_store.c: the SQLite store (contract 5.3, 5.4). Each test opens its
 * own store: ":memory:" where the behaviour does not depend on a file, a
 * file in a scratch folder where it does (foreign files, schema versions,
 * read-only media, removal, erasure, atomicity).
 *
 * Besides the store's API the tests open store files with SQLite itself,
 * as an analyst with the sqlite3 shell would: to see what the file holds,
 * to hold a lock, or to make a file that netmap must refuse.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sqlite3.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "netmap/buf.h"
#include "netmap/store.h"
#include "testutil.h"

/* ---- building datasets ------------------------------------------------- */

static char *dup_or_null(const char *s)
{
	return s ? nm_xstrdup(s) : NULL;
}

static uint32_t *index_list(size_t n, ...)
{
	uint32_t *list = n ? nm_xreallocarray(NULL, n, sizeof(*list)) : NULL;
	va_list ap;

	va_start(ap, n);
	for (size_t i = 0; i < n; i++)
		list[i] = va_arg(ap, uint32_t);
	va_end(ap);
	return list;
}

static nm_date date(const char *s)
{
	nm_date d;

	assert_int_equal(nm_date_parse(s, &d), 0);
	return d;
}

static void add_actor(nm_dataset *ds, const char *id, const char *name, nm_actor_type type,
		      const char *district, const char *website, const char *note,
		      const char *person, const char *email, const char *phone)
{
	nm_actor *a;

	ds->actors = nm_xreallocarray(ds->actors, ds->nactors + 1, sizeof(*ds->actors));
	a = &ds->actors[ds->nactors++];
	memset(a, 0, sizeof(*a));
	a->id = nm_xstrdup(id);
	a->name = nm_xstrdup(name);
	a->type = type;
	a->district = dup_or_null(district);
	a->website = dup_or_null(website);
	a->note = dup_or_null(note);
	a->person = dup_or_null(person);
	a->email = dup_or_null(email);
	a->phone = dup_or_null(phone);
}

static nm_committee *add_committee(nm_dataset *ds, const char *id, const char *name, nm_kind kind)
{
	nm_committee *c;

	ds->committees = nm_xreallocarray(ds->committees, ds->ncommittees + 1,
					  sizeof(*ds->committees));
	c = &ds->committees[ds->ncommittees++];
	memset(c, 0, sizeof(*c));
	c->id = nm_xstrdup(id);
	c->name = nm_xstrdup(name);
	c->kind = kind;
	c->status = NM_STATUS_ACTIVE;
	c->lead = NM_NONE;
	c->parent = NM_NONE;
	c->founded = c->ends = c->last_met = NM_DATE_NONE;
	c->meets = NM_FREQ_NONE;
	return c;
}

static void add_membership(nm_dataset *ds, uint32_t committee, uint32_t actor, nm_role role,
			   nm_date since)
{
	nm_membership *m;

	ds->memberships = nm_xreallocarray(ds->memberships, ds->nmemberships + 1,
					   sizeof(*ds->memberships));
	m = &ds->memberships[ds->nmemberships++];
	m->committee = committee;
	m->actor = actor;
	m->role = role;
	m->since = since;
}

/*
 * A small dataset that uses every field, each optional one both given and
 * absent, already in the order validation leaves it. email sets the e-mail
 * of actor awo-ks, so that tests can tell two scans' contact data apart.
 */
static nm_dataset *sample(const char *email)
{
	nm_dataset *ds = nm_dataset_new();
	nm_committee *c;

	ds->name = nm_xstrdup("Kassel");
	ds->themes_declared = true;
	ds->nthemes = 3;
	ds->themes = nm_xcalloc(3, sizeof(*ds->themes));
	ds->themes[0].id = nm_xstrdup("counselling");
	ds->themes[1].id = nm_xstrdup("health");
	ds->themes[1].label = nm_xstrdup("Gesundheit");
	ds->themes[2].id = nm_xstrdup("language");
	ds->themes[2].label = nm_xstrdup("Sprache und Sprachförderung");

	add_actor(ds, "awo-ks", "AWO Kassel", NM_TYPE_ASSOCIATION, "Nord-Holland",
		  "https://awo.example.org", "a note", "Erika Beispiel", email, "+49 561 0000");
	ds->actors[0].themes = index_list(2, 0u, 2u);
	ds->actors[0].nthemes = 2;
	add_actor(ds, "caritas-ks", "Caritasverband Kassel e.V.", NM_TYPE_OTHER, NULL, NULL, NULL,
		  NULL, NULL, NULL);
	add_actor(ds, "moschee-ks", "Moscheegemeinde", NM_TYPE_MIGRANT_ORGANISATION, "Mitte", NULL,
		  "", NULL, "info@moschee.example.org", NULL);
	ds->actors[2].themes = index_list(1, 1u);
	ds->actors[2].nthemes = 1;
	add_actor(ds, "vhs-ks", "Volkshochschule", NM_TYPE_EDUCATION_PROVIDER, NULL, NULL,
		  "says \"hi\"\nand 'bye'", "Max Muster", NULL, NULL);

	c = add_committee(ds, "ag-wohnen", "AG Wohnen", NM_KIND_WORKING_GROUP);
	c->ad_hoc = true;
	c->status = NM_STATUS_DORMANT;
	c->themes = index_list(1, 1u);
	c->nthemes = 1;
	c->lead = 3;
	c->parent = 1; /* a parent that sorts after its sub-group */
	c->founded = date("2019-03-01");
	c->ends = date("2021-06-30");
	c->last_met = date("2020-10-12");
	c->meets = NM_FREQ_QUARTERLY;
	c->district = nm_xstrdup("Nord-Holland");
	c->note = nm_xstrdup("free text");
	add_committee(ds, "ak-sprache", "Arbeitskreis Sprache", NM_KIND_NETWORK);
	c = add_committee(ds, "nw-integration", "Netzwerk Integration", NM_KIND_STEERING_GROUP);
	c->status = NM_STATUS_DISSOLVED;
	c->themes = index_list(3, 0u, 1u, 2u);
	c->nthemes = 3;
	c->lead = 0;
	c->founded = date("2024-02-29");
	c->meets = NM_FREQ_IRREGULAR;

	add_membership(ds, 0, 0, NM_ROLE_MEMBER, date("2021-05-01"));
	add_membership(ds, 0, 3, NM_ROLE_LEAD, NM_DATE_NONE);
	add_membership(ds, 1, 1, NM_ROLE_CHAIR, date("2019-01-01"));
	add_membership(ds, 1, 2, NM_ROLE_GUEST, NM_DATE_NONE);
	add_membership(ds, 2, 0, NM_ROLE_MEMBER, NM_DATE_NONE);

	ds->settings.max_load = 9;
	ds->settings_given = NM_SET_MAX_LOAD | NM_SET_SIMILAR_NAME;
	nm_ratio_parse("0.85", &ds->settings.similar_name);

	ds->nfiles = 2;
	ds->files = nm_xcalloc(2, sizeof(*ds->files));
	ds->files[0].path = nm_xstrdup("data/actors.yaml");
	memset(ds->files[0].sha256, 'a', 64);
	ds->files[1].path = nm_xstrdup("data/committees.yaml");
	memcpy(ds->files[1].sha256,
	       "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", 65);
	return ds;
}

/* Settings unlike the defaults everywhere: what a scan analysed with. */
static nm_settings analysed_settings(void)
{
	nm_settings s;

	nm_settings_default(&s);
	nm_ratio_parse("0.75", &s.duplicate_jaccard);
	nm_ratio_parse("1", &s.duplicate_theme_jaccard);
	nm_ratio_parse("0", &s.overlap_jaccard);
	nm_ratio_parse("0.123456789", &s.similar_name);
	s.min_shared = 0;
	s.max_load = 3;
	s.stale_days = UINT32_MAX;
	s.ad_hoc_days = 1;
	s.voices = 0;
	return s;
}

/* A dataset of n actors and committees, to cross the store's batches. */
static nm_dataset *bulk(size_t n)
{
	nm_dataset *ds = nm_dataset_new();
	char id[32], name[32];

	ds->nthemes = 2;
	ds->themes = nm_xcalloc(2, sizeof(*ds->themes));
	ds->themes[0].id = nm_xstrdup("t0");
	ds->themes[1].id = nm_xstrdup("t1");
	for (size_t i = 0; i < n; i++) {
		snprintf(id, sizeof(id), "a%05zu", i);
		snprintf(name, sizeof(name), "Actor %zu", i);
		add_actor(ds, id, name, (nm_actor_type)(i % NM_TYPE_COUNT), NULL, NULL, NULL,
			  i % 3 ? NULL : "P", i % 2 ? "e@example.org" : NULL, NULL);
		ds->actors[i].themes = index_list(1, (uint32_t)(i % 2));
		ds->actors[i].nthemes = 1;
	}
	for (size_t i = 0; i < n; i++) {
		nm_committee *c;

		snprintf(id, sizeof(id), "c%05zu", i);
		c = add_committee(ds, id, "Committee", (nm_kind)(i % NM_KIND_COUNT));
		c->last_met = (nm_date)(18000 + i);
		c->parent = i ? (uint32_t)(i - 1) : NM_NONE;
		for (size_t k = 0; k < 5; k++)
			add_membership(ds, (uint32_t)i, (uint32_t)((i + k * 7) % n), NM_ROLE_MEMBER,
				       k % 2 ? NM_DATE_NONE : (nm_date)(17000 + k));
	}
	nm_dataset_sort(ds);
	return ds;
}

/* ---- comparing datasets ------------------------------------------------ */

static void assert_str(const char *expected, const char *actual)
{
	if (!expected || !actual) {
		if (expected != actual)
			fail_msg("expected %s%s%s, got %s%s%s", expected ? "'" : "",
				 expected ? expected : "NULL", expected ? "'" : "",
				 actual ? "'" : "", actual ? actual : "NULL", actual ? "'" : "");
		return;
	}
	assert_string_equal(expected, actual);
}

static void assert_indices(const uint32_t *expected, size_t n, const uint32_t *actual, size_t m)
{
	assert_int_equal(n, m);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(expected[i], actual[i]);
}

static void assert_ratio(nm_ratio expected, nm_ratio actual)
{
	assert_int_equal(expected.num, actual.num);
	assert_int_equal(expected.den, actual.den);
}

static void assert_settings(const nm_settings *e, const nm_settings *a)
{
	assert_ratio(e->duplicate_jaccard, a->duplicate_jaccard);
	assert_ratio(e->duplicate_theme_jaccard, a->duplicate_theme_jaccard);
	assert_ratio(e->overlap_jaccard, a->overlap_jaccard);
	assert_ratio(e->similar_name, a->similar_name);
	assert_int_equal(e->min_shared, a->min_shared);
	assert_int_equal(e->max_load, a->max_load);
	assert_int_equal(e->stale_days, a->stale_days);
	assert_int_equal(e->ad_hoc_days, a->ad_hoc_days);
	assert_int_equal(e->voices, a->voices);
}

/* Every field of every record; contact data only when with_contact. */
static void assert_dataset(const nm_dataset *e, const nm_dataset *a, bool with_contact)
{
	assert_str(e->name, a->name);
	assert_int_equal(e->themes_declared, a->themes_declared);
	assert_settings(&e->settings, &a->settings);
	assert_int_equal(e->settings_given, a->settings_given);

	assert_int_equal(e->nfiles, a->nfiles);
	for (size_t i = 0; i < e->nfiles; i++) {
		assert_str(e->files[i].path, a->files[i].path);
		assert_string_equal(e->files[i].sha256, a->files[i].sha256);
	}
	assert_int_equal(e->nthemes, a->nthemes);
	for (size_t i = 0; i < e->nthemes; i++) {
		assert_str(e->themes[i].id, a->themes[i].id);
		assert_str(e->themes[i].label, a->themes[i].label);
	}
	assert_int_equal(e->nactors, a->nactors);
	for (size_t i = 0; i < e->nactors; i++) {
		const nm_actor *x = &e->actors[i], *y = &a->actors[i];

		assert_str(x->id, y->id);
		assert_str(x->name, y->name);
		assert_int_equal(x->type, y->type);
		assert_indices(x->themes, x->nthemes, y->themes, y->nthemes);
		assert_str(x->district, y->district);
		assert_str(x->website, y->website);
		assert_str(x->note, y->note);
		assert_str(with_contact ? x->person : NULL, y->person);
		assert_str(with_contact ? x->email : NULL, y->email);
		assert_str(with_contact ? x->phone : NULL, y->phone);
	}
	assert_int_equal(e->ncommittees, a->ncommittees);
	for (size_t i = 0; i < e->ncommittees; i++) {
		const nm_committee *x = &e->committees[i], *y = &a->committees[i];

		assert_str(x->id, y->id);
		assert_str(x->name, y->name);
		assert_int_equal(x->kind, y->kind);
		assert_int_equal(x->ad_hoc, y->ad_hoc);
		assert_int_equal(x->status, y->status);
		assert_indices(x->themes, x->nthemes, y->themes, y->nthemes);
		assert_int_equal(x->lead, y->lead);
		assert_int_equal(x->parent, y->parent);
		assert_int_equal(x->founded, y->founded);
		assert_int_equal(x->ends, y->ends);
		assert_int_equal(x->last_met, y->last_met);
		assert_int_equal(x->meets, y->meets);
		assert_str(x->district, y->district);
		assert_str(x->note, y->note);
	}
	assert_int_equal(e->nmemberships, a->nmemberships);
	for (size_t i = 0; i < e->nmemberships; i++) {
		assert_int_equal(e->memberships[i].committee, a->memberships[i].committee);
		assert_int_equal(e->memberships[i].actor, a->memberships[i].actor);
		assert_int_equal(e->memberships[i].role, a->memberships[i].role);
		assert_int_equal(e->memberships[i].since, a->memberships[i].since);
	}
}

/* ---- looking into store files as the sqlite3 shell would --------------- */

static sqlite3 *raw_open(const char *path)
{
	sqlite3 *db = NULL;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
					 NULL),
			 SQLITE_OK);
	return db;
}

static void raw_exec(const char *path, const char *sql)
{
	sqlite3 *db = raw_open(path);

	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

/* The text of the first column of the first row of sql, or NULL. */
static char *raw_text(const char *path, const char *sql)
{
	sqlite3 *db = raw_open(path);
	sqlite3_stmt *stmt = NULL;
	char *out = NULL;

	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), SQLITE_OK);
	if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
		out = nm_xstrdup((const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	return out;
}

static void assert_raw(const char *path, const char *sql, const char *expected)
{
	char *actual = raw_text(path, sql);

	assert_str(expected, actual);
	free(actual);
}

/* Every row of every table (and the schema), as text with types. */
static char *dump(const char *path)
{
	sqlite3 *db = raw_open(path);
	sqlite3_stmt *tables = NULL, *rows = NULL;
	nm_buf out = NM_BUF_INIT, sql = NM_BUF_INIT;

	assert_int_equal(sqlite3_prepare_v2(db, "SELECT name, sql FROM sqlite_master ORDER BY name",
					    -1, &tables, NULL),
			 SQLITE_OK);
	while (sqlite3_step(tables) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(tables, 0);
		const char *def = (const char *)sqlite3_column_text(tables, 1);

		nm_buf_printf(&out, "== %s\n%s\n", name, def ? def : "");
		if (!def || strncmp(def, "CREATE TABLE", 12) != 0)
			continue;
		nm_buf_clear(&sql);
		nm_buf_printf(&sql, "SELECT * FROM \"%s\"", name);
		assert_int_equal(sqlite3_prepare_v2(db, nm_buf_cstr(&sql), -1, &rows, NULL),
				 SQLITE_OK);
		while (sqlite3_step(rows) == SQLITE_ROW) {
			for (int i = 0; i < sqlite3_column_count(rows); i++) {
				const unsigned char *v = sqlite3_column_text(rows, i);
				nm_buf_printf(&out, "%d:%s|", sqlite3_column_type(rows, i),
					      v ? (const char *)v : "");
			}
			nm_buf_putc(&out, '\n');
		}
		sqlite3_finalize(rows);
	}
	sqlite3_finalize(tables);
	sqlite3_close(db);
	nm_buf_release(&sql);
	return nm_buf_detach(&out);
}

static bool file_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

static bool file_contains(const char *path, const char *needle)
{
	size_t len, n = strlen(needle);
	char *data = tu_read_file(path, &len);
	bool found = false;

	for (size_t i = 0; data && i + n <= len && !found; i++)
		found = memcmp(data + i, needle, n) == 0;
	free(data);
	return found;
}

static char *suffixed(const char *path, const char *suffix)
{
	nm_buf b = NM_BUF_INIT;

	nm_buf_puts(&b, path);
	nm_buf_puts(&b, suffix);
	return nm_buf_detach(&b);
}

/* ---- helpers for the store's API --------------------------------------- */

static nm_store *open_ok(const char *path, nm_store_mode mode)
{
	nm_store *store = NULL;
	nm_error err = {0};
	int rc = nm_store_open(&store, path, mode, &err);

	if (rc != NM_OK)
		fail_msg("cannot open '%s': %s", path, err.message);
	assert_non_null(store);
	return store;
}

static void assert_open_fails(const char *path, nm_store_mode mode, int code, const char *message)
{
	nm_store *store = (nm_store *)&store;
	nm_error err = {0};

	assert_int_equal(nm_store_open(&store, path, mode, &err), code);
	assert_null(store);
	assert_int_equal(err.code, code);
	assert_string_equal(err.message, message);
}

static int64_t put_ok(nm_store *store, const nm_dataset *ds, const char *findings)
{
	nm_settings s = analysed_settings();
	nm_error err = {0};
	int64_t id = -1;

	if (nm_store_put_snapshot(store, ds, date("2026-11-26"), &s, findings, &id, &err) != NM_OK)
		fail_msg("put failed: %s", err.message);
	return id;
}

static nm_dataset *load_ok(nm_store *store, int64_t id, nm_snapshot_info *info)
{
	nm_dataset *ds = NULL;
	nm_error err = {0};

	if (nm_store_load(store, id, &ds, info, &err) != NM_OK)
		fail_msg("load of %lld failed: %s", (long long)id, err.message);
	return ds;
}

static char *message(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;

static char *message(const char *fmt, ...)
{
	nm_buf b = NM_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	nm_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	return nm_buf_detach(&b);
}

/* ---- the tests --------------------------------------------------------- */

static void test_store__memory_store_starts_empty(void **state)
{
	nm_store *store = open_ok(":memory:", NM_STORE_WRITE);
	nm_snapshot_info *list = (nm_snapshot_info *)&list;
	nm_error err = {0};
	int64_t id = 0;
	size_t n = 7;

	(void)state;
	assert_int_equal(nm_store_list(store, &list, &n, &err), NM_OK);
	assert_int_equal(n, 0);
	assert_null(list);
	assert_int_equal(nm_store_latest(store, &id, &err), NM_ENOTFOUND);
	assert_string_equal(err.message,
			    "store ':memory:' has no snapshot; run 'netmap scan' first");
	nm_store_close(store);
}

static void test_store__a_put_in_two_steps_commits_only_at_its_end(void **state)
{
	nm_store *store = open_ok(":memory:", NM_STORE_WRITE);
	nm_dataset *ds = sample("e.beispiel@example.org"), *back;
	nm_settings s = analysed_settings();
	nm_error err = {0};
	int64_t id = 0, latest = 0;
	char *findings = NULL;

	(void)state;
	/* Rolled back at the end: as if it never began. */
	assert_int_equal(nm_store_put_begin(store, ds, date("2026-11-26"), &s, &err), NM_OK);
	assert_int_equal(nm_store_put_end(store, NULL, false, &id, &err), NM_OK);
	assert_int_equal(id, 0);
	assert_int_equal(nm_store_latest(store, &latest, &err), NM_ENOTFOUND);
	/* An end without a beginning is a mistake of the caller. */
	assert_int_equal(nm_store_put_end(store, "{}", true, &id, &err), NM_EUSAGE);
	assert_string_equal(err.message, "no snapshot is being written to store ':memory:'");
	/* Committed with its findings, the same as one nm_store_put_snapshot. */
	assert_int_equal(nm_store_put_begin(store, ds, date("2026-11-26"), &s, &err), NM_OK);
	assert_int_equal(nm_store_put_end(store, "{\"x\": 1}", true, &id, &err), NM_OK);
	assert_int_equal(id, 1);
	assert_int_equal(nm_store_latest(store, &latest, &err), NM_OK);
	assert_int_equal(latest, 1);
	assert_int_equal(nm_store_findings(store, 1, &findings, &err), NM_OK);
	assert_string_equal(findings, "{\"x\": 1}");
	free(findings);
	back = load_ok(store, 1, NULL);
	assert_int_equal(back->nactors, ds->nactors);
	assert_int_equal(back->nmemberships, ds->nmemberships);
	nm_dataset_free(back);
	nm_dataset_free(ds);
	nm_store_close(store);
}

static void test_store__round_trip_keeps_every_field(void **state)
{
	nm_store *store = open_ok(":memory:", NM_STORE_WRITE);
	nm_dataset *ds = sample("e.beispiel@example.org"), *back;
	nm_settings used = analysed_settings();
	nm_snapshot_info info;
	int64_t id = put_ok(store, ds, "{\"overlaps\": []}");

	(void)state;
	assert_int_equal(id, 1);
	back = load_ok(store, id, &info);
	assert_dataset(ds, back, true);

	assert_int_equal(info.id, 1);
	assert_int_equal(info.today, date("2026-11-26"));
	assert_settings(&used, &info.settings);
	assert_string_equal(info.version, NETMAP_VERSION);
	assert_string_equal(info.dataset, "Kassel");
	assert_int_equal(info.nfiles, 2);
	assert_int_equal(info.nactors, 4);
	assert_int_equal(info.ncommittees, 3);
	assert_int_equal(info.nmemberships, 5);
	/* YYYY-MM-DDTHH:MM:SSZ */
	assert_int_equal(strlen(info.taken_at), 20);
	assert_int_equal(info.taken_at[10], 'T');
	assert_int_equal(info.taken_at[19], 'Z');

	nm_snapshot_info_release(&info);
	nm_dataset_free(back);
	nm_dataset_free(ds);
	nm_store_close(store);
}

static void test_store__round_trip_of_an_empty_dataset(void **state)
{
	nm_store *store = open_ok(":memory:", NM_STORE_WRITE);
	nm_dataset *ds = nm_dataset_new(), *back;
	nm_settings s;
	nm_snapshot_info info;
	nm_error err = {0};
	int64_t id = 0;

	(void)state;
	nm_settings_default(&s);
	assert_int_equal(nm_store_put_snapshot(store, ds, NM_DATE_NONE, &s, NULL, &id, &err),
			 NM_OK);
	back = load_ok(store, id, &info);
	assert_dataset(ds, back, true);
	assert_null(info.dataset);
	assert_int_equal(info.today, NM_DATE_NONE);
	assert_settings(&s, &info.settings);
	assert_int_equal(info.nfiles, 0);
	assert_int_equal(info.nactors, 0);
	assert_int_equal(info.ncommittees, 0);
	assert_int_equal(info.nmemberships, 0);
	nm_snapshot_info_release(&info);
	nm_dataset_free(back);
	nm_dataset_free(ds);
	nm_store_close(store);
}

static void test_store__round_trip_across_batches(void **state)
{
	nm_store *store = open_ok(":memory:", NM_STORE_WRITE);
	nm_dataset *ds = bulk(203), *back;

	(void)state;
	back = load_ok(store, put_ok(store, ds, "{}"), NULL);
	assert_int_equal(back->nmemberships, 203 * 5);
	assert_dataset(ds, back, true);
	nm_dataset_free(back);
	nm_dataset_free(ds);
	nm_store_close(store);
}

static void test_store__snapshots_are_listed_oldest_first(void **state)
{
	nm_store *store = open_ok(":memory:", NM_STORE_WRITE);
	nm_dataset *ds = sample("a@example.org"), *empty = nm_dataset_new();
	nm_snapshot_info *list = NULL;
	nm_error err = {0};
	int64_t latest = 0;
	size_t n = 0;

	(void)state;
	assert_int_equal(put_ok(store, ds, "{}"), 1);
	assert_int_equal(put_ok(store, empty, "{}"), 2);
	assert_int_equal(put_ok(store, ds, "{}"), 3);
	assert_int_equal(nm_store_latest(store, &latest, &err), NM_OK);
	assert_int_equal(latest, 3);
	assert_int_equal(nm_store_list(store, &list, &n, &err), NM_OK);
	assert_int_equal(n, 3);
	for (size_t i = 0; i < n; i++) {
		nm_settings used = analysed_settings();

		assert_int_equal(list[i].id, (int64_t)i + 1);
		assert_int_equal(list[i].today, date("2026-11-26"));
		assert_settings(&used, &list[i].settings);
		assert_string_equal(list[i].version, NETMAP_VERSION);
	}
	assert_string_equal(list[0].dataset, "Kassel");
	assert_int_equal(list[0].nfiles, 2);
	assert_int_equal(list[0].nactors, 4);
	assert_int_equal(list[0].ncommittees, 3);
	assert_int_equal(list[0].nmemberships, 5);
	assert_null(list[1].dataset);
	assert_int_equal(list[1].nfiles, 0);
	assert_int_equal(list[1].nactors, 0);
	assert_int_equal(list[1].ncommittees, 0);
	assert_int_equal(list[1].nmemberships, 0);
	for (size_t i = 0; i < n; i++)
		nm_snapshot_info_release(&list[i]);
	free(list);
	nm_dataset_free(ds);
	nm_dataset_free(empty);
	nm_store_close(store);
}

static void test_store__findings_come_back_as_stored(void **state)
{
	static const char json[] =
		"{\"netmap\": {\"version\": \"1.0.0\"}, \"dataset\": \"K\\u00e4ssel\","
		" \"note\": \"Sprachförderung\"}\n";
	nm_store *store = open_ok(":memory:", NM_STORE_WRITE);
	nm_dataset *ds = nm_dataset_new();
	nm_settings s = analysed_settings();
	nm_error err = {0};
	char *out = NULL;
	int64_t id = 0;

	(void)state;
	put_ok(store, ds, json);
	assert_int_equal(nm_store_findings(store, 1, &out, &err), NM_OK);
	assert_string_equal(out, json);
	free(out);

	assert_int_equal(nm_store_put_snapshot(store, ds, date("2026-11-27"), &s, NULL, &id, &err),
			 NM_OK);
	assert_int_equal(nm_store_findings(store, id, &out, &err), NM_ENOTFOUND);
	assert_null(out);
	assert_string_equal(err.message, "snapshot 2 in store ':memory:' has no findings");
	assert_int_equal(nm_store_findings(store, 3, &out, &err), NM_ENOTFOUND);
	assert_string_equal(err.message, "no snapshot 3 in store ':memory:'");
	nm_dataset_free(ds);
	nm_store_close(store);
}

static void test_store__load_of_a_missing_snapshot_is_not_found(void **state)
{
	nm_store *store = open_ok(":memory:", NM_STORE_WRITE);
	nm_dataset *ds = (nm_dataset *)&ds;
	nm_error err = {0};

	(void)state;
	assert_int_equal(nm_store_load(store, 42, &ds, NULL, &err), NM_ENOTFOUND);
	assert_null(ds);
	assert_string_equal(err.message, "no snapshot 42 in store ':memory:'");
	nm_store_close(store);
}

static void test_store__read_memory_store_is_an_empty_store(void **state)
{
	nm_store *store = open_ok(":memory:", NM_STORE_READ);
	nm_dataset *ds = nm_dataset_new();
	nm_snapshot_info *list = NULL;
	nm_settings s = analysed_settings();
	nm_error err = {0};
	int64_t id = 0;
	size_t n = 1;

	(void)state;
	assert_int_equal(nm_store_list(store, &list, &n, &err), NM_OK);
	assert_int_equal(n, 0);
	assert_int_equal(nm_store_latest(store, &id, &err), NM_ENOTFOUND);
	assert_int_equal(nm_store_put_snapshot(store, ds, 0, &s, "{}", &id, &err), NM_EUSAGE);
	assert_string_equal(err.message, "store ':memory:' is open read-only");
	assert_int_equal(nm_store_forget_actor(store, "x", &err), NM_EUSAGE);
	nm_dataset_free(ds);
	nm_store_close(store);
}

/* A memory store holding snapshot 1 of the sample, and the sample. */
typedef struct stored_sample {
	nm_store *store;
	nm_dataset *ds;
} stored_sample;

static int memory_store_with_one_snapshot(void **state)
{
	stored_sample *f = calloc(1, sizeof(*f));

	if (!f)
		return -1;
	f->store = open_ok(":memory:", NM_STORE_WRITE);
	f->ds = sample("a@example.org");
	put_ok(f->store, f->ds, "{}");
	*state = f;
	return 0;
}

static int stored_sample_release(void **state)
{
	stored_sample *f = *state;

	nm_dataset_free(f->ds);
	nm_store_close(f->store);
	free(f);
	return 0;
}

/* After a failed put (its change to the sample undone): snapshot 1 as it was, 2 next. */
static void expect_nothing_changed(stored_sample *f)
{
	nm_error err = {0};
	int64_t id = 0;
	nm_dataset *back;

	assert_int_equal(nm_store_latest(f->store, &id, &err), NM_OK);
	assert_int_equal(id, 1);
	/* Snapshot 1 kept its contact data through the failed put. */
	back = load_ok(f->store, 1, NULL);
	assert_dataset(f->ds, back, true);
	nm_dataset_free(back);
	assert_int_equal(put_ok(f->store, f->ds, "{}"), 2);
}

static void test_store__two_actors_with_one_id_are_refused_and_change_nothing(void **state)
{
	stored_sample *f = *state;
	nm_settings s = analysed_settings();
	nm_error err = {0};
	int64_t id = 0;

	/* Two actors with one id: the schema refuses the second. */
	free(f->ds->actors[1].id);
	f->ds->actors[1].id = nm_xstrdup("awo-ks");
	assert_int_equal(nm_store_put_snapshot(f->store, f->ds, 0, &s, "{}", &id, &err), NM_ESTORE);
	assert_string_equal(err.message, "cannot write actors to store ':memory:':"
					 " UNIQUE constraint failed: actors.snapshot, actors.id");
	free(f->ds->actors[1].id);
	f->ds->actors[1].id = nm_xstrdup("caritas-ks");
	expect_nothing_changed(f);
}

static void test_store__a_membership_of_a_bad_index_is_refused_and_changes_nothing(void **state)
{
	stored_sample *f = *state;
	nm_settings s = analysed_settings();
	nm_error err = {0};
	int64_t id = 0;

	f->ds->memberships[4].actor = 99;
	assert_int_equal(nm_store_put_snapshot(f->store, f->ds, 0, &s, "{}", &id, &err), NM_ESTORE);
	assert_string_equal(err.message,
			    "cannot write membership 4 to store ':memory:': bad index or role");
	f->ds->memberships[4].actor = 0;
	expect_nothing_changed(f);
}

static void test_store__an_unknown_enum_value_is_refused_and_changes_nothing(void **state)
{
	stored_sample *f = *state;
	nm_settings s = analysed_settings();
	nm_error err = {0};
	int64_t id = 0;

	f->ds->committees[0].meets = (nm_freq)77;
	assert_int_equal(nm_store_put_snapshot(f->store, f->ds, 0, &s, "{}", &id, &err), NM_ESTORE);
	assert_string_equal(err.message, "cannot write committee 'ag-wohnen' to store ':memory:':"
					 " unknown enum value");
	f->ds->committees[0].meets = NM_FREQ_QUARTERLY;
	expect_nothing_changed(f);
}

static void test_store__missing_file_is_not_found(void **state)
{
	char *dir = tu_tempdir("store-missing"), *path = tu_path(dir, "netmap.db");
	char *expected = message("no store at '%s'; run 'netmap scan' first", path);

	(void)state;
	assert_open_fails(path, NM_STORE_READ, NM_ENOTFOUND, expected);
	assert_false(file_exists(path));
	free(expected);
	free(path);
	free(dir);
}

static void test_store__a_store_in_a_missing_folder_cannot_be_created(void **state)
{
	char *dir = tu_tempdir("store-nofolder"), *path = tu_path(dir, "no/netmap.db");
	char *expected = message("cannot create store '%s': No such file or directory", path);

	(void)state;
	assert_open_fails(path, NM_STORE_WRITE, NM_ESTORE, expected);
	free(expected);
	free(path);
	free(dir);
}

static void test_store__a_foreign_sqlite_file_is_refused(void **state)
{
	char *dir = tu_tempdir("store-foreign"), *path = tu_path(dir, "other.db");
	char *expected = message("'%s' is not a netmap store", path), *before, *after;
	char *wal = suffixed(path, "-wal");

	(void)state;
	raw_exec(path, "CREATE TABLE t (x); INSERT INTO t VALUES (1)");
	before = tu_read_file(path, NULL);
	assert_open_fails(path, NM_STORE_READ, NM_ESTORE, expected);
	assert_open_fails(path, NM_STORE_WRITE, NM_ESTORE, expected);
	/* Untouched, and not switched to WAL. */
	after = tu_read_file(path, NULL);
	assert_string_equal(before, after);
	assert_false(file_exists(wal));
	assert_raw(path, "PRAGMA journal_mode", "delete");
	free(after);
	free(before);
	free(wal);
	free(expected);
	free(path);
	free(dir);
}

static void test_store__a_file_that_is_not_sqlite_is_refused(void **state)
{
	char *dir = tu_tempdir("store-text"), *path = tu_path(dir, "notes.txt");
	char *expected = message("'%s' is not a netmap store (not an SQLite database)", path);
	char *after;

	(void)state;
	tu_write_file(path,
		      "actors:\n  - id: awo-ks\n    name: AWO and more text to fill a header\n");
	assert_open_fails(path, NM_STORE_READ, NM_ESTORE, expected);
	assert_open_fails(path, NM_STORE_WRITE, NM_ESTORE, expected);
	after = tu_read_file(path, NULL);
	assert_string_equal(
		after, "actors:\n  - id: awo-ks\n    name: AWO and more text to fill a header\n");
	free(after);
	free(expected);
	free(path);
	free(dir);
}

static void test_store__a_newer_schema_is_refused(void **state)
{
	char *dir = tu_tempdir("store-newer"), *path = tu_path(dir, "netmap.db");
	char *expected = message("store '%s' was written by a newer netmap (schema 2;"
				 " this netmap reads up to 1)",
				 path);

	(void)state;
	nm_store_close(open_ok(path, NM_STORE_WRITE));
	raw_exec(path, "PRAGMA user_version = 2");
	assert_open_fails(path, NM_STORE_READ, NM_ESTORE, expected);
	assert_open_fails(path, NM_STORE_WRITE, NM_ESTORE, expected);
	assert_raw(path, "PRAGMA user_version", "2");
	free(expected);
	free(path);
	free(dir);
}

static void test_store__a_new_file_gets_the_schema_and_pragmas(void **state)
{
	char *dir = tu_tempdir("store-new"), *path = tu_path(dir, "netmap.db");
	nm_store *store = open_ok(path, NM_STORE_WRITE);
	nm_dataset *ds = sample("a@example.org");

	(void)state;
	put_ok(store, ds, "{}");
	nm_store_close(store);
	assert_raw(path, "PRAGMA application_id", "1313685840");
	assert_raw(path, "PRAGMA user_version", "1");
	assert_raw(path, "PRAGMA journal_mode", "wal");
	/* What the sqlite3 shell shows: text ids, dates and enum values. */
	assert_raw(path,
		   "SELECT founded || ' ' || ends || ' ' || last_met || ' ' || meets || ' '"
		   " || lead || ' ' || parent || ' ' || themes FROM committees"
		   " WHERE id = 'ag-wohnen'",
		   "2019-03-01 2021-06-30 2020-10-12 quarterly vhs-ks ak-sprache [\"health\"]");
	assert_raw(path,
		   "SELECT typeof(founded) || typeof(ends) || typeof(meets) || typeof(lead)"
		   " FROM committees WHERE id = 'ak-sprache'",
		   "nullnullnullnull");
	assert_raw(path,
		   "SELECT group_concat(t.value, ',') FROM actors, json_each(actors.themes) t"
		   " WHERE actors.id = 'awo-ks'",
		   "counselling,language");
	assert_raw(path,
		   "SELECT role || ' ' || since FROM memberships"
		   " WHERE committee = 'ag-wohnen' AND actor = 'awo-ks'",
		   "member 2021-05-01");
	assert_raw(path, "SELECT value FROM settings WHERE name = 'voices'", "");
	assert_raw(path,
		   "SELECT dataset_value || ' ' || given FROM settings"
		   " WHERE name = 'voices'",
		   "migrant_organisation,volunteer_initiative 0");
	assert_raw(path,
		   "SELECT value || ' ' || dataset_value || ' ' || given FROM settings"
		   " WHERE name = 'similar_name'",
		   "0.123456789 0.85 1");
	assert_raw(path, "SELECT today || ' ' || netmap_version || ' ' || dataset FROM snapshots",
		   "2026-11-26 " NETMAP_VERSION " Kassel");
	nm_dataset_free(ds);
	free(path);
	free(dir);
}

static void test_store__an_empty_file_becomes_a_store(void **state)
{
	char *dir = tu_tempdir("store-empty"), *path = tu_path(dir, "netmap.db");
	nm_snapshot_info *list = NULL;
	nm_error err = {0};
	nm_store *store;
	size_t n = 1, len = 1;
	char *data;

	(void)state;
	tu_write_file(path, "");
	/* Read, it is a store without snapshots, and stays an empty file. */
	store = open_ok(path, NM_STORE_READ);
	assert_int_equal(nm_store_list(store, &list, &n, &err), NM_OK);
	assert_int_equal(n, 0);
	nm_store_close(store);
	data = tu_read_file(path, &len);
	assert_int_equal(len, 0);
	free(data);
	/* Written, it gets the schema. */
	nm_store_close(open_ok(path, NM_STORE_WRITE));
	assert_raw(path, "PRAGMA user_version", "1");
	free(path);
	free(dir);
}

static void test_store__abandon_removes_a_file_this_open_created(void **state)
{
	char *dir = tu_tempdir("store-abandon"), *path = tu_path(dir, "netmap.db");
	char *wal = suffixed(path, "-wal"), *shm = suffixed(path, "-shm");
	nm_dataset *ds = sample("a@example.org");
	nm_store *store = open_ok(path, NM_STORE_WRITE);

	(void)state;
	put_ok(store, ds, "{}");
	assert_true(file_exists(path));
	nm_store_abandon(store);
	assert_false(file_exists(path));
	assert_false(file_exists(wal));
	assert_false(file_exists(shm));
	nm_dataset_free(ds);
	free(wal);
	free(shm);
	free(path);
	free(dir);
}

/* A store file with one snapshot, there before the open under test. */
static int store_file_with_one_snapshot(void **state)
{
	char **paths = calloc(2, sizeof(*paths));
	nm_dataset *ds = sample("a@example.org");
	nm_store *store;

	if (!paths)
		return -1;
	paths[0] = tu_tempdir("store-abandon-kept");
	paths[1] = tu_path(paths[0], "netmap.db");
	store = open_ok(paths[1], NM_STORE_WRITE);
	put_ok(store, ds, "{}");
	nm_store_close(store);
	nm_dataset_free(ds);
	*state = paths;
	return 0;
}

static int store_file_release(void **state)
{
	char **paths = *state;

	free(paths[1]);
	free(paths[0]);
	free(paths);
	return 0;
}

static void test_store__abandon_of_a_write_keeps_a_store_that_was_there(void **state)
{
	char **paths = *state;
	nm_store *store = open_ok(paths[1], NM_STORE_WRITE);

	/* A store that was there before the open stays. */
	nm_store_abandon(store);
	assert_true(file_exists(paths[1]));
}

static void test_store__abandon_of_a_read_keeps_the_store(void **state)
{
	char **paths = *state;
	nm_store *store = open_ok(paths[1], NM_STORE_READ);

	nm_store_abandon(store);
	assert_true(file_exists(paths[1]));
}

static void test_store__abandon_of_no_store_does_nothing(void **state)
{
	(void)state;
	nm_store_abandon(NULL);
}

static void test_store__contact_data_is_kept_for_the_latest_snapshot_only(void **state)
{
	char *dir = tu_tempdir("store-contact"), *path = tu_path(dir, "netmap.db");
	nm_dataset *first = sample("first.scan@example.org"),
		   *second = sample("second@example.org");
	char *wal = suffixed(path, "-wal");
	nm_dataset *back;
	nm_store *store = open_ok(path, NM_STORE_WRITE);

	(void)state;
	put_ok(store, first, "{}");
	put_ok(store, second, "{}");
	back = load_ok(store, 1, NULL);
	assert_dataset(first, back, false);
	nm_dataset_free(back);
	back = load_ok(store, 2, NULL);
	assert_dataset(second, back, true);
	nm_dataset_free(back);
	nm_store_close(store);

	/* Not in the file either, nor in its write-ahead log. */
	assert_false(file_contains(path, "first.scan@example.org"));
	assert_false(file_contains(wal, "first.scan@example.org"));
	assert_true(file_contains(path, "second@example.org"));
	store = open_ok(path, NM_STORE_READ);
	back = load_ok(store, 2, NULL);
	assert_dataset(second, back, true);
	nm_dataset_free(back);
	nm_store_close(store);
	/* A report leaves nothing beside the store. */
	assert_false(file_exists(wal));
	nm_dataset_free(first);
	nm_dataset_free(second);
	free(wal);
	free(path);
	free(dir);
}

static void test_store__forget_erases_one_actor_everywhere(void **state)
{
	char *dir = tu_tempdir("store-forget"), *path = tu_path(dir, "netmap.db");
	char *expected = message("no actor 'nobody' in store '%s'", path);
	nm_dataset *ds = sample("forget.me@example.org"), *back;
	nm_store *store = open_ok(path, NM_STORE_WRITE);
	nm_error err = {0};

	(void)state;
	put_ok(store, ds, "{}");
	put_ok(store, ds, "{}");
	assert_int_equal(nm_store_forget_actor(store, "awo-ks", &err), NM_OK);
	assert_int_equal(nm_store_forget_actor(store, "nobody", &err), NM_ENOTFOUND);
	assert_string_equal(err.message, expected);
	/* Forgetting twice is fine: the actor is known, its data already gone. */
	assert_int_equal(nm_store_forget_actor(store, "awo-ks", &err), NM_OK);
	nm_store_close(store);

	assert_false(file_contains(path, "forget.me@example.org"));
	assert_false(file_contains(path, "Erika Beispiel"));
	assert_false(file_contains(path, "+49 561 0000"));
	store = open_ok(path, NM_STORE_READ);
	for (int64_t id = 1; id <= 2; id++) {
		back = load_ok(store, id, NULL);
		assert_null(back->actors[0].person);
		assert_null(back->actors[0].email);
		assert_null(back->actors[0].phone);
		assert_string_equal(back->actors[0].name, "AWO Kassel");
		assert_string_equal(back->actors[0].note, "a note");
		/* Others keep theirs in the latest snapshot. */
		assert_str(id == 2 ? "info@moschee.example.org" : NULL, back->actors[2].email);
		assert_str(id == 2 ? "Max Muster" : NULL, back->actors[3].person);
		nm_dataset_free(back);
	}
	nm_store_close(store);
	nm_dataset_free(ds);
	free(expected);
	free(path);
	free(dir);
}

/* Fail each row of a put in turn: the store must be exactly as before. */
static void fail_every_row(const char *path, const nm_dataset *first, const nm_dataset *next,
			   long expected_rows, long step)
{
	nm_store *store = open_ok(path, NM_STORE_WRITE);
	nm_settings s = analysed_settings();
	char *before, *after;
	long n;

	put_ok(store, first, "{\"first\": true}");
	before = dump(path);
	for (n = 1;; n += step) {
		nm_error err = {0};
		int64_t id = 0;
		int rc;

		nm_store_fail_at_insert(store, n);
		rc = nm_store_put_snapshot(store, next, 1, &s, "{}", &id, &err);
		if (rc == NM_OK)
			break;
		assert_int_equal(rc, NM_ESTORE);
		after = dump(path);
		if (strcmp(before, after) != 0)
			fail_msg("row %ld: the store changed:\n%s\n---\n%s", n, before, after);
		free(after);
	}
	/* The first n that did not fail is past the last row. */
	assert_true(n > expected_rows && n - step <= expected_rows);
	/* The hook is for one put only. */
	nm_store_fail_at_insert(store, 1);
	nm_store_fail_at_insert(store, 0);
	put_ok(store, next, "{}");
	nm_store_close(store);
	free(before);
}

static void test_store__a_put_failing_at_any_row_changes_nothing(void **state)
{
	char *dir = tu_tempdir("store-atomic"), *path = tu_path(dir, "netmap.db");
	nm_dataset *first = sample("first@example.org"), *next = sample("next@example.org");
	/* snapshot, 10 settings, 2 files, 3 themes, 4 actors, 3 contacts,
	 * 3 committees, 5 memberships, findings */
	long rows = 1 + 10 + 2 + 3 + 4 + 3 + 3 + 5 + 1;

	(void)state;
	fail_every_row(path, first, next, rows, 1);
	nm_dataset_free(first);
	nm_dataset_free(next);
	free(path);
	free(dir);
}

static void test_store__a_put_failing_inside_a_batch_changes_nothing(void **state)
{
	char *dir = tu_tempdir("store-atomic-bulk"), *path = tu_path(dir, "netmap.db");
	nm_dataset *first = bulk(100), *next = bulk(150);
	long contacts = 0;

	(void)state;
	for (size_t i = 0; i < next->nactors; i++)
		contacts += next->actors[i].person || next->actors[i].email;
	fail_every_row(path, first, next, 1 + 10 + 0 + 2 + 150 + contacts + 150 + 150 * 5 + 1, 7);
	nm_dataset_free(first);
	nm_dataset_free(next);
	free(path);
	free(dir);
}

static void test_store__a_busy_store_fails_with_ebusy_and_still_reads(void **state)
{
	char *dir = tu_tempdir("store-busy"), *path = tu_path(dir, "netmap.db");
	char *expected = message("store '%s' is busy", path);
	nm_dataset *ds = sample("a@example.org");
	nm_store *writer = open_ok(path, NM_STORE_WRITE), *reader;
	nm_settings s = analysed_settings();
	nm_snapshot_info *list = NULL;
	nm_error err = {0};
	sqlite3 *other = raw_open(path);
	int64_t id = 0;
	size_t n = 0;

	(void)state;
	put_ok(writer, ds, "{}");
	/* Another process is in the middle of a scan. */
	assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE; DELETE FROM findings", NULL, NULL,
				      NULL),
			 SQLITE_OK);
	/* A second scan opens the store meanwhile, and fails only to write. */
	nm_store_close(open_ok(path, NM_STORE_WRITE));
	nm_store_busy_timeout(writer, 20);
	assert_int_equal(nm_store_put_snapshot(writer, ds, 0, &s, "{}", &id, &err), NM_EBUSY);
	assert_string_equal(err.message, expected);
	assert_int_equal(nm_store_forget_actor(writer, "awo-ks", &err), NM_EBUSY);
	assert_string_equal(err.message, expected);
	/* A report reads the last committed state meanwhile. */
	reader = open_ok(path, NM_STORE_READ);
	assert_int_equal(nm_store_list(reader, &list, &n, &err), NM_OK);
	assert_int_equal(n, 1);
	nm_snapshot_info_release(&list[0]);
	free(list);
	nm_store_close(reader);
	assert_int_equal(sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(other);
	assert_int_equal(put_ok(writer, ds, "{}"), 2);
	nm_store_close(writer);
	nm_dataset_free(ds);
	free(expected);
	free(path);
	free(dir);
}

/*
 * In a child that may not write the folder nor the file (as the user
 * nobody when the tests run as root, since root may write anything): the
 * store reads, and a write open fails.
 */
/*
 * A scratch folder in /tmp, for the tests that read as the user nobody,
 * who may not be able to reach the build tree (CI may build below a
 * folder only root may enter).
 */
static char *world_tempdir(void)
{
	char *dir = nm_xstrdup("/tmp/netmap-test-store-XXXXXX");

	assert_non_null(mkdtemp(dir));
	assert_int_equal(chmod(dir, 0755), 0);
	return dir;
}

static void remove_tempdir(const char *dir)
{
	nm_buf cmd = NM_BUF_INIT;

	nm_buf_printf(&cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(nm_buf_cstr(&cmd)), 0);
	nm_buf_release(&cmd);
}

static int read_without_write_access(const char *path, const nm_dataset *expected)
{
	nm_store *store = NULL;
	nm_dataset *back = NULL;
	nm_error err = {0};
	int64_t latest = 0;
	int status = 0;

	if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
		return 10;
	if (access(path, W_OK) == 0)
		return 11;
	if (nm_store_open(&store, path, NM_STORE_READ, &err) != NM_OK) {
		fprintf(stderr, "read open: %s\n", err.message);
		return 12;
	}
	if (nm_store_latest(store, &latest, &err) != NM_OK || latest != 1 ||
	    nm_store_load(store, 1, &back, NULL, &err) != NM_OK) {
		fprintf(stderr, "read: %s\n", err.message);
		status = 13;
	} else if (back->nmemberships != expected->nmemberships ||
		   strcmp(back->actors[0].email, expected->actors[0].email) != 0 ||
		   back->committees[0].parent != 1) {
		status = 14;
	}
	nm_dataset_free(back);
	nm_store_close(store);
	if (status == 0 && nm_store_open(&store, path, NM_STORE_WRITE, &err) != NM_ESTORE)
		status = 15;
	else if (status == 0 && !strstr(err.message, "the file is read-only"))
		status = 16;
	nm_store_close(store);
	return status;
}

static void test_store__a_store_that_cannot_be_written_still_reads(void **state)
{
	char *dir = world_tempdir(), *path = tu_path(dir, "netmap.db");
	char *shm = suffixed(path, "-shm"), *wal = suffixed(path, "-wal");
	nm_dataset *ds = sample("ro@example.org");
	nm_store *store = open_ok(path, NM_STORE_WRITE);
	char *before, *after;
	int status = 0;
	pid_t pid;

	(void)state;
	put_ok(store, ds, "{}");
	nm_store_close(store);
	before = dump(path);
	assert_false(file_exists(shm));
	assert_false(file_exists(wal));
	assert_int_equal(chmod(path, 0444), 0);
	assert_int_equal(chmod(dir, 0555), 0);

	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		_exit(read_without_write_access(path, ds));
	assert_int_equal(waitpid(pid, &status, 0), pid);

	assert_int_equal(chmod(dir, 0755), 0);
	assert_int_equal(chmod(path, 0644), 0);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_false(file_exists(shm));
	assert_false(file_exists(wal));
	after = dump(path);
	assert_string_equal(before, after);
	free(before);
	free(after);
	nm_dataset_free(ds);
	free(shm);
	free(wal);
	free(path);
	remove_tempdir(dir);
	free(dir);
}

static void test_store__a_read_only_file_in_a_writable_folder_reads(void **state)
{
	char *dir = world_tempdir(), *path = tu_path(dir, "netmap.db");
	nm_dataset *ds = sample("ro@example.org");
	nm_store *store = open_ok(path, NM_STORE_WRITE);
	int status = 0;
	pid_t pid;

	(void)state;
	put_ok(store, ds, "{}");
	nm_store_close(store);
	assert_int_equal(chmod(path, 0444), 0);
	assert_int_equal(chmod(dir, 0777), 0);

	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		_exit(read_without_write_access(path, ds));
	assert_int_equal(waitpid(pid, &status, 0), pid);

	assert_int_equal(chmod(dir, 0755), 0);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	nm_dataset_free(ds);
	free(path);
	remove_tempdir(dir);
	free(dir);
}

/* Coordinators (contract 7.1) are one more settings row; stores without it read as none. */
static void test_store__coordinators_are_kept_and_an_older_store_has_none(void **state)
{
	char *dir = tu_tempdir("store-coordinators"), *path = tu_path(dir, "netmap.db");
	nm_store *store = open_ok(path, NM_STORE_WRITE);
	nm_dataset *ds = sample("c@example.org"), *back;
	nm_settings used = analysed_settings();
	nm_snapshot_info info;
	nm_error err = {0};
	int64_t id = 0;

	(void)state;
	used.coordinators = nm_xstrdup("awo-kassel,stadt");
	ds->settings.coordinators = nm_xstrdup("stadt");
	ds->settings_given |= NM_SET_COORDINATORS;
	assert_int_equal(nm_store_put_snapshot(store, ds, date("2026-11-26"), &used, "{}", &id,
					       &err),
			 NM_OK);
	nm_settings_release(&used);
	back = load_ok(store, id, &info);
	assert_string_equal(info.settings.coordinators, "awo-kassel,stadt");
	assert_string_equal(back->settings.coordinators, "stadt");
	assert_true(back->settings_given & NM_SET_COORDINATORS);
	nm_snapshot_info_release(&info);
	nm_dataset_free(back);
	nm_store_close(store);
	assert_raw(path,
		   "SELECT value || '|' || dataset_value || '|' || given FROM settings "
		   "WHERE name = 'coordinators'",
		   "awo-kassel,stadt|stadt|1");

	/* A snapshot taken before the setting existed has no row. */
	raw_exec(path, "DELETE FROM settings WHERE name = 'coordinators'");
	store = open_ok(path, NM_STORE_READ);
	back = load_ok(store, id, &info);
	assert_null(info.settings.coordinators);
	assert_null(back->settings.coordinators);
	assert_false(back->settings_given & NM_SET_COORDINATORS);
	nm_snapshot_info_release(&info);
	nm_dataset_free(back);
	nm_store_close(store);
	nm_dataset_free(ds);
	free(path);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_store__memory_store_starts_empty),
		cmocka_unit_test(test_store__round_trip_keeps_every_field),
		cmocka_unit_test(test_store__a_put_in_two_steps_commits_only_at_its_end),
		cmocka_unit_test(test_store__round_trip_of_an_empty_dataset),
		cmocka_unit_test(test_store__round_trip_across_batches),
		cmocka_unit_test(test_store__snapshots_are_listed_oldest_first),
		cmocka_unit_test(test_store__findings_come_back_as_stored),
		cmocka_unit_test(test_store__load_of_a_missing_snapshot_is_not_found),
		cmocka_unit_test(test_store__read_memory_store_is_an_empty_store),
		cmocka_unit_test_setup_teardown(
			test_store__two_actors_with_one_id_are_refused_and_change_nothing,
			memory_store_with_one_snapshot, stored_sample_release),
		cmocka_unit_test_setup_teardown(
			test_store__a_membership_of_a_bad_index_is_refused_and_changes_nothing,
			memory_store_with_one_snapshot, stored_sample_release),
		cmocka_unit_test_setup_teardown(
			test_store__an_unknown_enum_value_is_refused_and_changes_nothing,
			memory_store_with_one_snapshot, stored_sample_release),
		cmocka_unit_test(test_store__missing_file_is_not_found),
		cmocka_unit_test(test_store__a_store_in_a_missing_folder_cannot_be_created),
		cmocka_unit_test(test_store__a_foreign_sqlite_file_is_refused),
		cmocka_unit_test(test_store__a_file_that_is_not_sqlite_is_refused),
		cmocka_unit_test(test_store__a_newer_schema_is_refused),
		cmocka_unit_test(test_store__a_new_file_gets_the_schema_and_pragmas),
		cmocka_unit_test(test_store__an_empty_file_becomes_a_store),
		cmocka_unit_test(test_store__abandon_removes_a_file_this_open_created),
		cmocka_unit_test_setup_teardown(
			test_store__abandon_of_a_write_keeps_a_store_that_was_there,
			store_file_with_one_snapshot, store_file_release),
		cmocka_unit_test_setup_teardown(test_store__abandon_of_a_read_keeps_the_store,
						store_file_with_one_snapshot, store_file_release),
		cmocka_unit_test(test_store__abandon_of_no_store_does_nothing),
		cmocka_unit_test(test_store__contact_data_is_kept_for_the_latest_snapshot_only),
		cmocka_unit_test(test_store__forget_erases_one_actor_everywhere),
		cmocka_unit_test(test_store__a_put_failing_at_any_row_changes_nothing),
		cmocka_unit_test(test_store__a_put_failing_inside_a_batch_changes_nothing),
		cmocka_unit_test(test_store__a_busy_store_fails_with_ebusy_and_still_reads),
		cmocka_unit_test(test_store__a_store_that_cannot_be_written_still_reads),
		cmocka_unit_test(test_store__a_read_only_file_in_a_writable_folder_reads),
		cmocka_unit_test(test_store__coordinators_are_kept_and_an_older_store_has_none),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
