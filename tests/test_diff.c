/*
 * test_diff.c: two hand-made snapshots with every kind of change (actors,
 * committees and memberships added, removed and changed by each field; a
 * rename is a change) and two hand-made findings documents with every kind
 * of finding new and resolved; the text section golden in English and
 * German, JSON golden, markdown and HTML escaping, and the findings reader
 * against bytes that are not the JSON it expects.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netmap/diff.h"
#include "netmap/report.h"
#include "netmap/store.h"
#include "netmap/textfmt.h"
#include "testutil.h"

#define GOLDEN NETMAP_TEST_DATA "/golden/"

static const char before_yaml[] =
	"dataset: Testdorf\n"
	"themes: [{id: language, label: Sprache}, {id: work, label: Arbeit}, health]\n"
	"actors:\n"
	"  - {id: stadt, name: Stadt Testdorf, type: administration, themes: [language]}\n"
	"  - {id: vhs, name: VHS Testdorf, type: education_provider, themes: [language],\n"
	"     district: Mitte, website: https://vhs.example, note: alt}\n"
	"  - {id: caritas, name: Caritasverband Testdorf e.V., type: association,\n"
	"     contact: {email: a@example.org}}\n"
	"  - {id: gone, name: Altes Bündnis, type: club}\n"
	"  - {id: jc, name: Jobcenter, type: agency}\n"
	"committees:\n"
	"  - {id: ak, name: AK Sprache, kind: working_group, themes: [language], meets: monthly,\n"
	"     lead: stadt, members: [vhs, caritas, {actor: jc, since: 2020-01-01}]}\n"
	"  - {id: nw, name: Netzwerk Sprache, kind: network, themes: [language],\n"
	"     members: [stadt, vhs, caritas]}\n"
	"  - {id: old, name: AG Alt, kind: working_group, members: [gone, jc]}\n"
	"  - {id: sub, name: UAG, kind: working_group, parent: nw, founded: 2020-01-01}\n";

static const char after_yaml[] =
	"dataset: Testdorf\n"
	"themes: [{id: language, label: Sprache}, {id: work, label: Arbeit}, health]\n"
	"actors:\n"
	"  - {id: stadt, name: Stadt Testdorf, type: administration, themes: [language]}\n"
	"  - {id: vhs, name: VHS Testdorf, type: school, themes: [language, work],\n"
	"     district: Nord, note: neu}\n"
	"  - {id: caritas, name: Caritas Testdorf, type: association}\n"
	"  - {id: jc, name: Jobcenter, type: agency}\n"
	"  - {id: new, name: \"Neue \\e[31mInitiative\", type: volunteer_initiative}\n"
	"committees:\n"
	"  - {id: ak, name: AK Sprache und Arbeit, kind: network, ad_hoc: yes, status: dormant,\n"
	"     themes: [language, work], meets: quarterly, lead: vhs, ends: 2027-06-30,\n"
	"     last_met: 2026-10-01, district: Mitte, note: \"<b>&</b>\",\n"
	"     members: [stadt, {actor: vhs, role: chair}, {actor: jc, role: guest, since: 2019-05-01}]}\n"
	"  - {id: nw, name: Netzwerk Sprache, kind: network, themes: [language],\n"
	"     members: [stadt, vhs, caritas, new]}\n"
	"  - {id: sub, name: UAG, kind: working_group, founded: 2021-01-01}\n"
	"  - {id: added, name: AG Neu, kind: round_table, members: [new]}\n";

/* Every kind of finding: some stay, some are resolved, some are new. */
static const char before_json[] =
	"{\"netmap\": {\"version\": \"1.0.0\", \"format\": 1}, \"dataset\": \"Testdorf\",\n"
	" \"overlaps\": [{\"a\": \"ak\", \"b\": \"nw\", \"class\": \"duplicate\", \"shared\": 2,\n"
	"   \"jaccard\": 0.667, \"inside\": null, \"shared_members\": [\"caritas\", \"vhs\"]},\n"
	"   {\"a\": \"nw\", \"b\": \"old\", \"class\": \"overlap\", \"jaccard\": 0.3}],\n"
	" \"clusters\": [{\"committees\": [\"nw\", \"ak\"]}],\n"
	" \"load\": [{\"actor\": \"vhs\", \"committees\": 9, \"overloaded\": true},\n"
	"   {\"actor\": \"jc\", \"committees\": 7, \"overloaded\": true},\n"
	"   {\"actor\": \"stadt\", \"committees\": 1, \"overloaded\": false}],\n"
	" \"review\": [{\"committee\": \"old\", \"reason\": \"stale\"},\n"
	"   {\"committee\": \"sub\", \"reason\": \"long_running_ad_hoc\"}],\n"
	" \"gaps\": {\"uncovered_themes\": [\"health\", \"work\"], \"isolated_actors\": [\"gone\"],\n"
	"   \"single_type_committees\": [], \"coverage\": {\"language\": {\"club\": 0}},\n"
	"   \"missing_voices\": [{\"theme\": \"language\", \"type\": \"migrant_organisation\"}]},\n"
	" \"duplicate_actors\": []}";

static const char after_json[] =
	"{\"netmap\": {\"version\": \"1.0.0\", \"format\": 1}, \"dataset\": \"Testdorf\",\n"
	" \"overlaps\": [{\"a\": \"ak\", \"b\": \"nw\", \"class\": \"nested\", \"inside\": \"ak\"}],\n"
	" \"clusters\": [],\n"
	" \"load\": [{\"actor\": \"vhs\", \"committees\": 9, \"overloaded\": true},\n"
	"   {\"actor\": \"jc\", \"committees\": 2, \"overloaded\": false}],\n"
	" \"review\": [{\"committee\": \"ak\", \"reason\": \"dormant\"},\n"
	"   {\"committee\": \"sub\", \"reason\": \"long_running_ad_hoc\"}],\n"
	" \"gaps\": {\"uncovered_themes\": [\"health\"], \"isolated_actors\": [\"caritas\"],\n"
	"   \"single_type_committees\": [\"added\"],\n"
	"   \"missing_voices\": [{\"theme\": \"language\", \"type\": \"migrant_organisation\"},\n"
	"     {\"theme\": \"work\", \"type\": \"volunteer_initiative\"}]},\n"
	" \"duplicate_actors\": [{\"a\": \"caritas\", \"b\": \"new\", \"reason\": \"similar_name\"}]}";

/* A hand-made snapshot's dataset, its file recorded as a scan would. */
static nm_dataset *dataset(const char *yaml)
{
	tu_data t;
	nm_dataset *ds;

	tu_validate(&t, &yaml, NULL, 1, "2026-11-26", TU_FILE_SHA);
	tu_expect_valid(&t);
	ds = t.ds;
	t.ds = NULL;
	tu_data_release(&t);
	return ds;
}

static nm_diff *compute(const char *fj, const char *tj)
{
	nm_dataset *a = dataset(before_yaml), *b = dataset(after_yaml);
	nm_diff *diff = NULL;
	nm_error err;

	assert_int_equal(nm_diff_compute(&diff, a, fj, 3, b, tj, 5, &err), NM_OK);
	nm_dataset_free(a);
	nm_dataset_free(b);
	return diff;
}

static const nm_diff_record *find(const nm_diff *d, nm_diff_what what, const char *id,
				  const char *actor)
{
	for (size_t i = 0; i < d->nrecords; i++) {
		const nm_diff_record *r = &d->records[i];
		if (r->what == what && strcmp(r->id, id) == 0 &&
		    (!actor || (r->actor && strcmp(r->actor, actor) == 0)))
			return &d->records[i];
	}
	return NULL;
}

/* "name: a -> b; ..." for a changed record, to assert every field at once. */
static char *fields(const nm_diff_record *r)
{
	nm_buf b = NM_BUF_INIT;

	for (size_t i = 0; i < r->nfields; i++)
		nm_buf_printf(&b, "%s%s: %s -> %s", i ? "; " : "", r->fields[i].name,
			      r->fields[i].before ? r->fields[i].before : "NULL",
			      r->fields[i].after ? r->fields[i].after : "NULL");
	return nm_buf_detach(&b);
}

static void expect_fields(const nm_diff *d, nm_diff_what what, const char *id, const char *actor,
			  const char *want)
{
	const nm_diff_record *r = find(d, what, id, actor);
	char *got;

	assert_non_null(r);
	assert_int_equal(r->change, NM_DIFF_CHANGED);
	got = fields(r);
	assert_string_equal(got, want);
	free(got);
}

/* The diff of before_json's and after_json's snapshots, made before a test. */
static int before_and_after(void **state)
{
	*state = compute(before_json, after_json);
	return 0;
}

static int diff_release(void **state)
{
	nm_diff_free(*state);
	return 0;
}

static void test_diff__names_the_two_snapshots_it_compares(void **state)
{
	const nm_diff *d = *state;

	assert_int_equal(d->from, 3);
	assert_int_equal(d->to, 5);
	assert_false(nm_diff_is_empty(d));
}

static void test_diff__lists_every_changed_record_in_order_and_nothing_else(void **state)
{
	const nm_diff *d = *state;
	const nm_diff_record *r;
	char summary[256] = "";

	/* Everything that changed, in order, and nothing else. */
	for (size_t i = 0; i < d->nrecords; i++) {
		r = &d->records[i];
		snprintf(summary + strlen(summary), sizeof(summary) - strlen(summary),
			 "%c%c%s%s%s ", "ACM"[r->what], "+-~"[r->change], r -> id,
			 r -> actor ? "/" : "", r->actor ? r->actor : "");
	}
	assert_string_equal(summary, "A~caritas A-gone A+new A~vhs "
				     "C+added C~ak C-old C~sub "
				     "M+added/new M-ak/caritas M~ak/jc M~ak/stadt M~ak/vhs "
				     "M+nw/new M-old/gone M-old/jc ");
}

static void test_diff__a_rename_is_a_change_of_the_same_actor(void **state)
{
	/* A rename is a change of the same id; contact data is no field. */
	expect_fields(*state, NM_DIFF_ACTOR, "caritas", NULL,
		      "name: Caritasverband Testdorf e.V. -> Caritas Testdorf");
}

static void test_diff__an_actors_changed_fields_are_listed_old_to_new(void **state)
{
	expect_fields(*state, NM_DIFF_ACTOR, "vhs", NULL,
		      "type: education_provider -> school; themes: language -> language,work; "
		      "district: Mitte -> Nord; website: https://vhs.example -> NULL; "
		      "note: alt -> neu");
}

static void test_diff__a_committees_changed_fields_are_listed_old_to_new(void **state)
{
	expect_fields(
		*state, NM_DIFF_COMMITTEE, "ak", NULL,
		"name: AK Sprache -> AK Sprache und Arbeit; kind: working_group -> network; "
		"ad_hoc: false -> true; status: active -> dormant; "
		"themes: language -> language,work; lead: stadt -> vhs; ends: NULL -> 2027-06-30; "
		"last_met: NULL -> 2026-10-01; meets: monthly -> quarterly; "
		"district: NULL -> Mitte; note: NULL -> <b>&</b>");
	expect_fields(*state, NM_DIFF_COMMITTEE, "sub", NULL,
		      "parent: nw -> NULL; founded: 2020-01-01 -> 2021-01-01");
}

static void test_diff__a_moved_lead_changes_the_roles_of_both_members(void **state)
{
	/* The committee's lead is a role: it moved from stadt to vhs. */
	expect_fields(*state, NM_DIFF_MEMBERSHIP, "ak", "vhs", "role: member -> lead");
	expect_fields(*state, NM_DIFF_MEMBERSHIP, "ak", "stadt", "role: lead -> member");
}

static void test_diff__a_memberships_changed_role_and_since_are_listed(void **state)
{
	expect_fields(*state, NM_DIFF_MEMBERSHIP, "ak", "jc",
		      "role: member -> guest; since: 2020-01-01 -> 2019-05-01");
}

static void test_diff__removed_and_added_records_carry_their_names_and_details(void **state)
{
	const nm_diff *d = *state;
	const nm_diff_record *r;

	r = find(d, NM_DIFF_ACTOR, "gone", NULL);
	assert_int_equal(r->change, NM_DIFF_REMOVED);
	assert_string_equal(r->name, "Altes Bündnis");
	assert_string_equal(r->detail, "club");
	r = find(d, NM_DIFF_COMMITTEE, "added", NULL);
	assert_int_equal(r->change, NM_DIFF_ADDED);
	assert_string_equal(r->detail, "round_table");
	r = find(d, NM_DIFF_MEMBERSHIP, "ak", "caritas");
	assert_int_equal(r->change, NM_DIFF_REMOVED);
	assert_string_equal(r->actor_name, "Caritasverband Testdorf e.V.");
	assert_string_equal(r->detail, "member");
}

static void test_diff__findings_new_and_resolved(void **state)
{
	nm_diff *d = compute(before_json, after_json);
	char summary[1024] = "";

	(void)state;
	assert_true(d->findings_compared);
	for (size_t i = 0; i < d->nfindings; i++) {
		const nm_diff_finding *f = &d->findings[i];
		snprintf(summary + strlen(summary), sizeof(summary) - strlen(summary),
			 "%c%d:%s%s%s%s%s\n", f->resolved ? '-' : '+', (int)f->kind, f->part[0],
			 f->part[1] ? "/" : "", f->part[1] ? f->part[1] : "", f->part[2] ? "/" : "",
			 f->part[2] ? f->part[2] : "");
	}
	assert_string_equal(summary, "+0:ak/nw/nested\n"
				     "+3:ak/dormant\n"
				     "+5:caritas\n"
				     "+6:added\n"
				     "+7:work/volunteer_initiative\n"
				     "+8:caritas/new/similar_name\n"
				     "-0:ak/nw/duplicate\n"
				     "-0:nw/old/overlap\n"
				     "-1:ak,nw\n"
				     "-2:jc\n"
				     "-3:old/stale\n"
				     "-4:work\n"
				     "-5:gone\n");
	nm_diff_free(d);
}

static void test_diff__nothing_changed(void **state)
{
	nm_dataset *a = dataset(before_yaml);
	nm_diff *d = NULL;
	nm_buf b = NM_BUF_INIT;
	nm_error err;

	(void)state;
	assert_int_equal(nm_diff_compute(&d, a, before_json, 1, a, before_json, 1, &err), NM_OK);
	assert_true(nm_diff_is_empty(d));
	nm_diff_write_text(&b, d, NM_LANG_EN, 80);
	assert_string_equal(b.ptr, "What changed from snapshot 1 to 1\n"
				   "---------------------------------\n"
				   "  Nothing changed.\n");
	nm_buf_clear(&b);
	nm_diff_write_json(&b, d);
	assert_string_equal(
		b.ptr,
		"{\"from\": 1, \"to\": 1,\n"
		" \"actors\": {\"added\": [],\n   \"removed\": [],\n   \"changed\": []},\n"
		" \"committees\": {\"added\": [],\n   \"removed\": [],\n   \"changed\": []},\n"
		" \"memberships\": {\"added\": [],\n   \"removed\": [],\n   \"changed\": []},\n"
		" \"findings\": {\"new\": [],\n   \"resolved\": []}}");
	nm_buf_release(&b);
	nm_diff_free(d);
	nm_dataset_free(a);
}

static void check_width(const char *text, size_t width)
{
	const char *line = text;

	while (*line) {
		const char *nl = strchr(line, '\n');
		char *copy = nm_xstrndup(line, nl ? (size_t)(nl - line) : strlen(line));
		if (nm_text_width(copy) > width)
			fail_msg("line wider than %zu columns: '%s'", width, copy);
		free(copy);
		line = nl ? nl + 1 : line + strlen(line);
	}
}

static void test_diff__text_golden_in_english_and_german(void **state)
{
	nm_diff *d = compute(before_json, after_json);
	nm_buf b = NM_BUF_INIT;

	(void)state;
	nm_diff_write_text(&b, d, NM_LANG_EN, 80);
	tu_assert_golden(b.ptr, GOLDEN "diff-en.txt");
	assert_null(strchr(b.ptr, '\033')); /* the escape in a name is cleaned */
	check_width(b.ptr, 80);
	nm_buf_clear(&b);
	nm_diff_write_text(&b, d, NM_LANG_DE, 80);
	tu_assert_golden(b.ptr, GOLDEN "diff-de.txt");
	check_width(b.ptr, 80);
	nm_buf_release(&b);
	nm_diff_free(d);
}

static void test_diff__json_golden(void **state)
{
	nm_diff *d = compute(before_json, after_json);
	nm_buf b = NM_BUF_INIT;

	(void)state;
	nm_diff_write_json(&b, d);
	nm_buf_putc(&b, '\n');
	tu_assert_golden(b.ptr, GOLDEN "diff.json");
	nm_buf_release(&b);
	nm_diff_free(d);
}

static void test_diff__markdown_and_html_escape_the_data(void **state)
{
	nm_diff *d = compute(before_json, after_json);
	nm_buf b = NM_BUF_INIT;
	tu_data data;
	nm_report_opts opts;

	(void)state;
	tu_yaml(&data, "netmap: 1\nactors: [{id: a, name: A, type: other}]\n", "2026-11-26");
	nm_report_opts_init(&opts);
	opts.since = d;
	nm_report_html(&b, data.an, &opts);
	tu_data_release(&data);
	assert_non_null(strstr(
		b.ptr, "<section class=\"since\">\n<h2>What changed from snapshot 3 to 5</h2>"));
	assert_non_null(strstr(b.ptr, "note: (none) → &lt;b&gt;&amp;&lt;/b&gt;</li>"));
	assert_null(strstr(b.ptr, "<b>"));
	assert_null(strchr(b.ptr, '\033'));
	assert_non_null(strstr(b.ptr, "</section>\n"));
	nm_buf_clear(&b);
	nm_diff_write_markdown(&b, d, NM_LANG_DE);
	assert_non_null(strstr(b.ptr, "## Was sich von Stand 3 zu Stand 5 geändert hat\n"));
	assert_non_null(strstr(b.ptr, "  - Notiz: (keine Angabe) → \\<b\\>\\&\\</b\\>\n"));
	assert_non_null(strstr(b.ptr, "- `~` Caritas Testdorf (caritas)\n"));
	assert_null(strchr(b.ptr, '\033'));
	nm_buf_release(&b);
	nm_diff_free(d);
}

/* The reader takes any bytes; what it cannot read leaves findings uncompared. */
static void test_diff__findings_that_are_no_json_object_are_not_compared(void **state)
{
	static const char *const bad[] = {
		"",
		"{",
		"[]",
		"null",
		"{\"overlaps\": [",
		"{\"a\": \"\\u12\"}",
		"{\"a\" 1}",
		"{\"a\": tru}",
		"{\"a\": \"x\"} trailing",
		"{\"a\": \"raw\ncontrol\"}",
		"\"x\"",
		"{\"a\": -}",
		"{\"a\": \"\\q\"}",
	};
	nm_diff *d;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		d = compute(bad[i], after_json);
		if (d->findings_compared) /* not JSON, or JSON but no object */
			fail_msg("read as findings: '%s'", bad[i]);
		assert_int_equal(d->nfindings, 0);
		nm_diff_free(d);
	}
}

static void test_diff__missing_findings_are_not_compared_and_the_diff_says_so(void **state)
{
	nm_dataset *a = dataset(after_yaml);
	nm_buf b = NM_BUF_INIT;
	nm_error err;
	nm_diff *d;

	(void)state;
	assert_int_equal(nm_diff_compute(&d, a, NULL, 1, a, after_json, 2, &err), NM_OK);
	nm_dataset_free(a);
	assert_false(d->findings_compared);
	nm_diff_write_text(&b, d, NM_LANG_EN, 80);
	assert_non_null(strstr(b.ptr, "  Nothing changed.\n")); /* records as before */
	assert_non_null(strstr(b.ptr, "  The findings of one of the snapshots could not be read;"));
	nm_buf_clear(&b);
	nm_diff_write_json(&b, d);
	assert_non_null(strstr(b.ptr, "\"findings\": null}"));
	nm_diff_free(d);
	nm_buf_release(&b);
}

static void test_diff__deeply_nested_findings_stop_at_the_limit(void **state)
{
	nm_buf deep = NM_BUF_INIT;
	nm_diff *d;

	(void)state;
	/* Deep nesting stops at the limit instead of the stack. */
	for (int i = 0; i < 100000; i++)
		nm_buf_putc(&deep, '[');
	d = compute(deep.ptr, after_json);
	assert_false(d->findings_compared);
	nm_diff_free(d);
	nm_buf_release(&deep);
}

static void test_diff__findings_of_the_wrong_shape_are_skipped_and_the_rest_compared(void **state)
{
	/* Entries of the wrong shape are skipped, the rest compared; escapes decoded. */
	nm_diff *d = compute(
		"{\"overlaps\": [1, {\"a\": \"ak\"}, {\"a\": \"ak\", \"b\": 2, "
		"\"class\": \"x\"}],"
		" \"load\": {\"actor\": \"vhs\"}, \"gaps\": [],"
		" \"review\": [{\"committee\": \"\\u0061k\", \"reason\": \"dormant\"}]}",
		"{}");

	(void)state;
	assert_true(d->findings_compared);
	assert_int_equal(d->nfindings, 1);
	assert_true(d->findings[0].resolved);
	assert_string_equal(d->findings[0].part[0], "ak");
	nm_diff_free(d);
}

/* Through a store: snapshots by number, a missing one is NM_ENOTFOUND. */
static void test_diff__snapshots_of_a_store(void **state)
{
	nm_store *store = NULL;
	nm_dataset *a = dataset(before_yaml), *b = dataset(after_yaml);
	nm_settings s;
	nm_store_pair pair;
	nm_diff *d = NULL;
	nm_error err;
	int64_t id;

	(void)state;
	nm_settings_default(&s);
	assert_int_equal(nm_store_open(&store, ":memory:", NM_STORE_WRITE, &err), NM_OK);
	assert_int_equal(nm_store_put_snapshot(store, a, 0, &s, before_json, &id, &err), NM_OK);
	assert_int_equal(nm_store_put_snapshot(store, b, 0, &s, after_json, &id, &err), NM_OK);
	assert_int_equal(nm_store_load_pair(store, 1, 2, &pair, &err), NM_OK);
	assert_int_equal(nm_diff_compute(&d, pair.ds[0], pair.findings[0], 1, pair.ds[1],
					 pair.findings[1], 2, &err),
			 NM_OK);
	nm_store_pair_release(&pair);
	assert_int_equal(d->nfindings, 13);
	assert_non_null(find(d, NM_DIFF_ACTOR, "new", NULL));
	nm_diff_free(d);
	assert_int_equal(nm_store_load_pair(store, 1, 7, &pair, &err), NM_ENOTFOUND);
	assert_non_null(strstr(err.message, "no snapshot 7"));
	nm_store_pair_release(&pair);
	assert_int_equal(nm_store_previous(store, 2, &id, &err), NM_OK);
	assert_int_equal(id, 1);
	assert_int_equal(nm_store_previous(store, 1, &id, &err), NM_ENOTFOUND);
	/* A snapshot put without findings comes without them, and no error. */
	assert_int_equal(nm_store_put_snapshot(store, b, 0, &s, NULL, &id, &err), NM_OK);
	assert_int_equal(nm_store_load_pair(store, 1, id, &pair, &err), NM_OK);
	assert_string_equal(err.message, "");
	assert_non_null(pair.findings[0]);
	assert_null(pair.findings[1]);
	assert_int_equal(pair.ds[1]->nactors, b->nactors);
	nm_store_pair_release(&pair);
	nm_store_close(store);
	nm_dataset_free(a);
	nm_dataset_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_diff__names_the_two_snapshots_it_compares,
						before_and_after, diff_release),
		cmocka_unit_test_setup_teardown(
			test_diff__lists_every_changed_record_in_order_and_nothing_else,
			before_and_after, diff_release),
		cmocka_unit_test_setup_teardown(test_diff__a_rename_is_a_change_of_the_same_actor,
						before_and_after, diff_release),
		cmocka_unit_test_setup_teardown(
			test_diff__an_actors_changed_fields_are_listed_old_to_new, before_and_after,
			diff_release),
		cmocka_unit_test_setup_teardown(
			test_diff__a_committees_changed_fields_are_listed_old_to_new,
			before_and_after, diff_release),
		cmocka_unit_test_setup_teardown(
			test_diff__a_moved_lead_changes_the_roles_of_both_members, before_and_after,
			diff_release),
		cmocka_unit_test_setup_teardown(
			test_diff__a_memberships_changed_role_and_since_are_listed,
			before_and_after, diff_release),
		cmocka_unit_test_setup_teardown(
			test_diff__removed_and_added_records_carry_their_names_and_details,
			before_and_after, diff_release),
		cmocka_unit_test(test_diff__findings_new_and_resolved),
		cmocka_unit_test(test_diff__nothing_changed),
		cmocka_unit_test(test_diff__text_golden_in_english_and_german),
		cmocka_unit_test(test_diff__json_golden),
		cmocka_unit_test(test_diff__markdown_and_html_escape_the_data),
		cmocka_unit_test(test_diff__findings_that_are_no_json_object_are_not_compared),
		cmocka_unit_test(test_diff__missing_findings_are_not_compared_and_the_diff_says_so),
		cmocka_unit_test(test_diff__deeply_nested_findings_stop_at_the_limit),
		cmocka_unit_test(
			test_diff__findings_of_the_wrong_shape_are_skipped_and_the_rest_compared),
		cmocka_unit_test(test_diff__snapshots_of_a_store),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
