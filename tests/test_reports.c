/*
 * test_reports.c: the text, markdown and csv reports in English and
 * German. Datasets go through the real loader, validator and analysis with
 * a fixed today; outputs are compared with golden files (small and example
 * data, both languages) and taken apart to check their structure: CSV
 * records of constant width with RFC 4180 quoting and no formula, Markdown
 * tables whose rows keep their cells, text within 80 columns, and hostile
 * names that change none of it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netmap/analysis.h"
#include "netmap/buf.h"
#include "netmap/loader.h"
#include "netmap/report.h"
#include "netmap/report_csv.h"
#include "netmap/textfmt.h"
#include "netmap/validate.h"
#include "testutil.h"

#define TODAY "2026-11-26"
#define GOLDEN NETMAP_TEST_DATA "/golden/"

/* Load, validate and analyse one YAML document given as a string. */
static tu_data from_yaml(const char *yaml)
{
	tu_data f;

	tu_yaml(&f, yaml, TODAY);
	return f;
}

/* The same for files and directories below the source tree. */
static tu_data from_path(const char *path)
{
	tu_data f = {0};
	nm_loader *ld;
	nm_validator *v;
	nm_error err = {0};
	nm_date today;

	assert_int_equal(nm_date_parse(TODAY, &today), 0);
	nm_diags_init(&f.diags);
	ld = nm_loader_new(&f.diags);
	v = nm_validator_new(&f.diags, today);
	assert_int_equal(nm_loader_add_path(ld, path, &err), 0);
	for (size_t i = 0; i < nm_loader_file_count(ld); i++) {
		nm_doc *docs;
		size_t ndocs;
		char sha[65];
		assert_int_equal(nm_loader_read(ld, i, &docs, &ndocs, sha, &err), 0);
		for (size_t k = 0; k < ndocs; k++)
			nm_validator_add_doc(v, &docs[k]);
	}
	nm_loader_free(ld);
	(void)nm_validator_finish(v, &f.ds);
	nm_validator_free(v);
	tu_analyse(&f, TODAY);
	return f;
}

typedef struct render_opts {
	nm_lang lang;
	const char *table;
	bool all, contacts;
	long long snapshot;
} render_opts;

static char *render(nm_report_fn fn, const tu_data *f, render_opts ro)
{
	nm_report_opts opts;
	nm_buf out = NM_BUF_INIT;

	nm_report_opts_init(&opts);
	opts.lang = ro.lang;
	opts.table = ro.table;
	opts.all = ro.all;
	opts.include_contacts = ro.contacts;
	opts.snapshot = ro.snapshot;
	fn(&out, f->an, &opts);
	return nm_buf_detach(&out);
}

static const char *const all_tables[] = {
	"overlaps",
	"clusters",
	"load",
	"review",
	"gaps",
	"uncovered_themes",
	"isolated_actors",
	"single_type_committees",
	"coverage",
	"missing_voices",
	"duplicate_actors",
	"actors",
	"committees",
	"invitations",
	"merge_proposals",
};
#define NTABLES (sizeof(all_tables) / sizeof(all_tables[0]))

/* A dataset where every name tries to break some format. */
static const char hostile_yaml[] =
	"netmap: 1\n"
	"dataset: \"<b>Stadt</b> | \\\"Q\\\" \\e[2J\"\n"
	"themes:\n"
	"  - {id: language, label: \"=cmd|' /C calc'!A0\"}\n"
	"  - {id: work, label: \"Arbeit\\r\\n| x | y |\"}\n"
	"  - {id: health, label: \"# Gesundheit <img src=x onerror=alert(1)>\"}\n"
	"actors:\n"
	"  - {id: h1, name: \"<script>alert('x')</script>\", type: association,"
	" themes: [language], contact: {person: Erika Beispiel, email: erika@example.org}}\n"
	"  - {id: h2, name: \"=HYPERLINK(\\\"http://evil\\\",\\\"x\\\")\", type: agency}\n"
	"  - {id: h3, name: \"+49 a;b,c\", type: club}\n"
	"  - {id: h4, name: \"-2+3\", type: school}\n"
	"  - {id: h5, name: \"@SUM(A1:A9)\", type: chamber}\n"
	"  - {id: h6, name: \"Line one\\nline two\\r\\n| cell |\", type: other}\n"
	"  - {id: h7, name: \"\\e[31mred\\e[0m **bold** [link](javascript:alert(1)) `tick`\","
	" type: migrant_organisation}\n"
	"  - {id: h8, name: \"\\tTabbed \\\"quoted\\\"\", type: volunteer_initiative}\n"
	"  - {id: h9, name: \"1. not a list & &amp; _u_ ~s~ $x$ \\\\\", type: youth_work}\n"
	"  - {id: h10, name: \"Interkultureller Eltern- und Familienverein "
	"Lindenau-Weidenau-Nordhausen e.V. – Beratungs- und Begegnungszentrum für "
	"Zugewanderte und Geflüchtete aus aller Welt im Landkreis\", type: club}\n"
	"committees:\n"
	"  - {id: c1, name: \"| Pipe | Gremium |\", kind: working_group, themes: [language],"
	" meets: weekly, members: [h1, h2, h3, h4, h5, h6, h7, h10]}\n"
	"  - {id: c2, name: \"=1+1 <i>AK</i>\", kind: network, themes: [language],"
	" meets: monthly, members: [h1, h2, h3, h4, h5, h6, h7, h10]}\n"
	"  - {id: c3, name: \"-Gremium\\nzwei\", kind: round_table, themes: [work],"
	" status: dormant, members: [h1, h2, h3, h4, h5, h6, h7, h10]}\n"
	"  - {id: c4, name: \"@AK\", kind: committee, members: [h1, h2, h3, h4, h5, h6, h7,"
	" h10]}\n"
	"  - {id: c5, name: \"+AK\", kind: committee, members: [h1, h2, h3, h4, h5, h6, h7, "
	"h10]}\n"
	"  - {id: c6, name: \"AK sechs\", kind: committee, members: [h1, h2, h3, h4, h5, h6,"
	" h7, h10]}\n"
	"  - {id: c7, name: \"AK sieben\", kind: committee, ad_hoc: true, ends: 2026-11-25,"
	" members: [h1, h2, h3, h6, h7]}\n";

/*
 * Split a CSV document into records; fail on anything RFC 4180 does not
 * allow (a bare LF or CR outside quotes, a quote inside an unquoted cell,
 * text after a closing quote). Each record's cells are returned through
 * the callback as unquoted strings.
 */
typedef void (*csv_record_fn)(char **cells, size_t n, void *ctx);

static void csv_parse(const char *s, char sep, csv_record_fn fn, void *ctx)
{
	char *cells[64];
	size_t n = 0;
	nm_buf cur = NM_BUF_INIT;

	while (*s) {
		nm_buf_clear(&cur);
		if (*s == '"') {
			s++;
			for (;;) {
				assert_true(*s != '\0');
				if (*s == '"' && s[1] == '"') {
					nm_buf_putc(&cur, '"');
					s += 2;
				} else if (*s == '"') {
					s++;
					break;
				} else {
					nm_buf_putc(&cur, *s++);
				}
			}
		} else {
			while (*s && *s != sep && *s != '\r' && *s != '\n') {
				assert_true(*s != '"');
				nm_buf_putc(&cur, *s++);
			}
		}
		assert_true(n < 64);
		cells[n++] = nm_xstrdup(nm_buf_cstr(&cur));
		if (*s == sep) {
			s++;
			continue;
		}
		assert_true(s[0] == '\r' && s[1] == '\n');
		s += 2;
		fn(cells, n, ctx);
		for (size_t i = 0; i < n; i++)
			free(cells[i]);
		n = 0;
	}
	assert_int_equal(n, 0);
	nm_buf_release(&cur);
}

typedef struct csv_check {
	size_t width; /* cells in the header */
	size_t records;
	nm_buf all; /* every cell, one a line, for searching */
} csv_check;

static void check_record(char **cells, size_t n, void *ctx)
{
	csv_check *c = ctx;

	if (c->records == 0)
		c->width = n;
	assert_int_equal(n, c->width);
	for (size_t i = 0; i < n; i++) {
		/* Nothing a spreadsheet would run as a formula. */
		assert_null(strchr("=+-@\t\r", cells[i][0]) && cells[i][0] ? cells[i] : NULL);
		assert_null(strchr(cells[i], '\033'));
		nm_buf_printf(&c->all, "%s\n", cells[i]);
	}
	c->records++;
}

/* Parse a whole CSV output; its records and cells. */
static csv_check csv_structure(const char *csv, nm_lang lang)
{
	csv_check c = {0, 0, NM_BUF_INIT};

	if (lang == NM_LANG_DE) {
		assert_memory_equal(csv, "\xEF\xBB\xBF", 3);
		csv += 3;
	}
	csv_parse(csv, lang == NM_LANG_DE ? ';' : ',', check_record, &c);
	assert_true(c.records >= 1);
	return c;
}

/* ------------------------------------------------------------ fixtures */

/* A dataset made before a test and released after it. */
static int fixture(void **state, tu_data f)
{
	tu_data *p = malloc(sizeof(*p));

	if (!p)
		return -1;
	*p = f;
	*state = p;
	return 0;
}

/* Every name tries to break some format. */
static int hostile_data(void **state)
{
	return fixture(state, from_yaml(hostile_yaml));
}

/* tests/data/cli/small.yaml */
static int small_data(void **state)
{
	return fixture(state, from_path(NETMAP_SOURCE_DIR "/tests/data/cli/small.yaml"));
}

/* The example data of data/. */
static int example_data(void **state)
{
	return fixture(state, from_path(NETMAP_SOURCE_DIR "/data"));
}

/* Thirteen isolated actors: one more than a list shows (and two). */
static int thirteen_actors(void **state)
{
	nm_buf yaml = NM_BUF_INIT;
	int rc;

	nm_buf_puts(&yaml, "actors:\n");
	for (int i = 0; i < 13; i++)
		nm_buf_printf(&yaml, "  - {id: a%02d, name: Akteur %d, type: club}\n", i, i);
	rc = fixture(state, from_yaml(yaml.ptr));
	nm_buf_release(&yaml);
	return rc;
}

static int release_data(void **state)
{
	tu_data *f = *state;

	tu_data_release(f);
	free(f);
	return 0;
}

/* ------------------------------------------------------------ csv */

static void test_reports__csv_tables_keep_their_width_in_both_languages(void **state)
{
	const tu_data *f = *state;

	for (int lang = 0; lang < 2; lang++) {
		for (size_t t = 0; t < NTABLES; t++) {
			render_opts ro = {(nm_lang)lang, all_tables[t], false, true, 0};
			char *csv = render(nm_report_csv, f, ro);
			csv_check c = csv_structure(csv, (nm_lang)lang);
			nm_buf_release(&c.all);
			free(csv);
		}
	}
}

/* The English actors table of the hostile data, and its cells. */
typedef struct actors_csv {
	char *csv;
	csv_check c;
} actors_csv;

static actors_csv hostile_actors(const tu_data *f)
{
	render_opts ro = {NM_LANG_EN, "actors", false, false, 0};
	actors_csv a;

	a.csv = render(nm_report_csv, f, ro);
	a.c = csv_structure(a.csv, NM_LANG_EN);
	assert_int_equal(a.c.records, 1 + 10);
	return a;
}

static void actors_csv_release(actors_csv *a)
{
	nm_buf_release(&a->c.all);
	free(a->csv);
}

static void test_reports__csv_cells_that_start_like_a_formula_get_a_quote(void **state)
{
	actors_csv a = hostile_actors(*state);
	const char *all = a.c.all.ptr;

	assert_non_null(strstr(all, "\n'=HYPERLINK(\"http://evil\",\"x\")\n"));
	assert_non_null(strstr(all, "\n'+49 a;b,c\n"));
	assert_non_null(strstr(all, "\n'-2+3\n"));
	assert_non_null(strstr(all, "\n'@SUM(A1:A9)\n"));
	actors_csv_release(&a);
}

static void test_reports__csv_line_breaks_stay_inside_their_quoted_cell(void **state)
{
	actors_csv a = hostile_actors(*state);

	assert_non_null(strstr(a.c.all.ptr, "\nLine one\nline two\n| cell |\n"));
	actors_csv_release(&a);
}

static void
test_reports__csv_escape_sequences_and_tabs_become_the_replacement_character(void **state)
{
	actors_csv a = hostile_actors(*state);

	assert_non_null(strstr(a.c.all.ptr, "\xEF\xBF\xBD[31mred"));
	assert_non_null(strstr(a.c.all.ptr, "\n\xEF\xBF\xBDTabbed \"quoted\"\n"));
	actors_csv_release(&a);
}

static void test_reports__csv_doubles_quotes_and_quotes_cells_with_commas(void **state)
{
	actors_csv a = hostile_actors(*state);

	assert_non_null(strstr(a.csv, "h2,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",agency,"));
	assert_non_null(strstr(a.csv, "h3,\"'+49 a;b,c\",club,"));
	assert_non_null(strstr(a.csv, "h4,'-2+3,school,"));
	actors_csv_release(&a);
}

static void test_reports__csv_german_uses_a_bom_semicolons_decimal_commas_and_words(void **state)
{
	render_opts de = {NM_LANG_DE, "overlaps", false, false, 0};
	char *a = render(nm_report_csv, *state, de);

	assert_non_null(strstr(a, "\xEF\xBB\xBFGremium A;Name A;Gremium B;Name B;Befund;"));
	assert_non_null(strstr(a, "ak-sprache;Arbeitskreis Sprache;nw-sprache;"
				  "Netzwerk Sprachförderung;Doppelung;4;0,800;1,000;1,000;;"));
	free(a);
}

static void test_reports__csv_english_uses_commas_decimal_points_and_keys(void **state)
{
	render_opts en = {NM_LANG_EN, "overlaps", false, false, 0};
	char *b = render(nm_report_csv, *state, en);

	assert_non_null(strstr(b, "a,a_name,b,b_name,class,shared,jaccard,containment,"
				  "theme_jaccard,inside,shared_members,shared_themes\r\n"));
	assert_non_null(strstr(b, "ak-sprache,Arbeitskreis Sprache,nw-sprache,"
				  "Netzwerk Sprachförderung,duplicate,4,0.800,1.000,1.000,,"));
	assert_int_equal(b[0], 'a'); /* no byte-order mark in English */
	free(b);
}

static void test_reports__csv_actors_leave_out_contacts_unless_asked(void **state)
{
	render_opts without = {NM_LANG_EN, "actors", false, false, 0};
	char *a = render(nm_report_csv, *state, without);

	assert_null(strstr(a, "erika"));
	assert_null(strstr(a, "Erika"));
	assert_non_null(strstr(a, "id,name,type,themes,district,website,committees,note\r\n"));
	free(a);
}

static void test_reports__csv_actors_with_contacts_add_person_email_and_phone(void **state)
{
	render_opts with = {NM_LANG_EN, "actors", false, true, 0};
	char *b = render(nm_report_csv, *state, with);

	assert_non_null(strstr(b, ",note,person,email,phone\r\n"));
	assert_non_null(strstr(b, ",Erika Beispiel,erika@example.org,\r\n"));
	free(b);
}

static void test_reports__csv_unknown_table_writes_nothing(void **state)
{
	render_opts ro = {NM_LANG_EN, "nonsense", false, false, 0};
	char *a = render(nm_report_csv, *state, ro);

	assert_string_equal(a, "");
	assert_false(nm_csv_table_known("nonsense"));
	assert_false(nm_csv_table_known(NULL));
	free(a);
}

static void test_reports__csv_every_table_is_known_and_listed(void **state)
{
	(void)state;
	for (size_t t = 0; t < NTABLES; t++) {
		assert_true(nm_csv_table_known(all_tables[t]));
		assert_non_null(strstr(nm_csv_tables(), all_tables[t]));
	}
}

/* Unescaped pipes in a line: the cell boundaries a renderer sees. */
static size_t pipes(const char *line, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++) {
		if (line[i] == '\\') {
			i++;
			continue;
		}
		if (line[i] == '|')
			n++;
	}
	return n;
}

static void check_markdown(const char *md)
{
	size_t table_pipes = 0;
	const char *line = md;

	assert_null(strchr(md, '\033'));
	assert_null(strchr(md, '\r'));
	assert_null(strchr(md, '\t'));
	while (*line) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);

		/* Every < and > from the data is escaped: no raw HTML. */
		for (size_t i = 0; i < len; i++) {
			if (line[i] == '\\')
				i++;
			else
				assert_false(line[i] == '<' || line[i] == '>');
		}
		if (len && line[0] == '|') {
			size_t n = pipes(line, len);
			if (!table_pipes)
				table_pipes = n;
			assert_int_equal(n, table_pipes);
		} else {
			table_pipes = 0;
		}
		line += len + (end != NULL);
	}
}

/* The Markdown report of f in lang; free it. */
static char *markdown_of(const tu_data *f, int lang)
{
	render_opts ro = {(nm_lang)lang, NULL, false, false, 0};

	return render(nm_report_markdown, f, ro);
}

/* Fail unless the Markdown report holds want in both languages. */
static void expect_markdown_holds(const tu_data *f, const char *want)
{
	for (int lang = 0; lang < 2; lang++) {
		char *md = markdown_of(f, lang);

		if (!strstr(md, want))
			fail_msg("no '%s' in the %s report:\n%s", want, lang ? "German" : "English",
				 md);
		free(md);
	}
}

static void test_reports__markdown_of_hostile_names_keeps_its_tables_and_shows_no_html(void **state)
{
	for (int lang = 0; lang < 2; lang++) {
		char *md = markdown_of(*state, lang);

		check_markdown(md);
		free(md);
	}
}

static void test_reports__markdown_escapes_html_in_names(void **state)
{
	expect_markdown_holds(*state, "\\<script\\>alert('x')\\</script\\>");
	expect_markdown_holds(*state, "\\# Gesundheit \\<img src=x onerror=alert(1)\\>");
}

static void test_reports__markdown_escapes_pipes_in_names(void **state)
{
	expect_markdown_holds(*state, "\\| Pipe \\| Gremium \\|");
}

static void test_reports__markdown_escapes_emphasis_links_and_code(void **state)
{
	expect_markdown_holds(*state,
			      "\\*\\*bold\\*\\* \\[link\\](javascript:alert(1)) \\`tick\\`");
}

static void test_reports__markdown_joins_line_breaks_in_names(void **state)
{
	expect_markdown_holds(*state, "Line one line two  \\| cell \\|");
}

static void test_reports__markdown_escapes_lists_entities_and_backslashes(void **state)
{
	expect_markdown_holds(*state, "1\\. not a list \\& \\&amp; \\_u\\_ \\~s\\~ \\$x\\$ \\\\");
}

static void test_reports__markdown_shows_no_contacts(void **state)
{
	for (int lang = 0; lang < 2; lang++) {
		char *md = markdown_of(*state, lang);

		assert_null(strstr(md, "Erika"));
		free(md);
	}
}

static void check_text(const char *txt, size_t width)
{
	const char *line = txt;

	while (*line) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		char *copy = nm_xstrndup(line, len);

		if (nm_text_width(copy) > width)
			fail_msg("line wider than %zu columns: '%s'", width, copy);
		for (size_t i = 0; i < len; i++)
			assert_false((unsigned char)copy[i] < 0x20 || copy[i] == 0x7f);
		free(copy);
		line += len + (end != NULL);
	}
}

/* ------------------------------------------------------------ text */

/* Every text report of f (both languages, with and without --all) within 80 columns. */
static void expect_text_fits(const tu_data *f)
{
	for (int lang = 0; lang < 2; lang++) {
		for (int all = 0; all < 2; all++) {
			render_opts ro = {(nm_lang)lang, NULL, all, false, 7};
			char *a = render(nm_report_text, f, ro);
			check_text(a, 80);
			free(a);
		}
	}
}

static void test_reports__text_of_hostile_names_fits_80_columns_without_controls(void **state)
{
	expect_text_fits(*state);
}

static void test_reports__text_of_the_example_data_fits_80_columns_without_controls(void **state)
{
	expect_text_fits(*state);
}

static void test_reports__text_shows_no_contacts(void **state)
{
	for (int lang = 0; lang < 2; lang++) {
		for (int all = 0; all < 2; all++) {
			render_opts ro = {(nm_lang)lang, NULL, all, false, 7};
			char *a = render(nm_report_text, *state, ro);
			assert_null(strstr(a, "Erika"));
			free(a);
		}
	}
}

/* The report of the small data, snapshot 1, in lang; free it. */
static char *small_report(const tu_data *f, nm_report_fn fn, nm_lang lang)
{
	render_opts ro = {lang, NULL, false, false, 1};

	return render(fn, f, ro);
}

static void test_reports__german_text_writes_the_date_with_dots(void **state)
{
	char *t = small_report(*state, nm_report_text, NM_LANG_DE);

	assert_non_null(strstr(t, "netmap-Übersicht: Testdorf an der Fulda\n"
				  "Stand: 26.11.2026, Snapshot 1\n"));
	free(t);
}

static void test_reports__german_text_groups_thousands_with_a_dot(void **state)
{
	char *t = small_report(*state, nm_report_text, NM_LANG_DE);

	assert_non_null(strstr(t, "(2.521 Tage)"));
	free(t);
}

static void test_reports__german_text_writes_a_space_before_percent(void **state)
{
	char *t = small_report(*state, nm_report_text, NM_LANG_DE);

	assert_non_null(strstr(t, "(80 % Überschneidung)"));
	free(t);
}

static void test_reports__german_text_has_german_words_only(void **state)
{
	char *t = small_report(*state, nm_report_text, NM_LANG_DE);

	assert_non_null(strstr(t, "ohne ehrenamtliche Initiative am Tisch"));
	assert_null(strstr(t, " the "));
	free(t);
}

static void test_reports__german_markdown_has_german_words_and_dates(void **state)
{
	char *m = small_report(*state, nm_report_markdown, NM_LANG_DE);

	assert_non_null(strstr(m, "*Stand: 26.11.2026, Snapshot 1*"));
	assert_non_null(strstr(m, "| Befund | Anzahl |"));
	assert_null(strstr(m, " the "));
	free(m);
}

static void test_reports__english_text_writes_iso_dates_and_groups_with_a_comma(void **state)
{
	char *e = small_report(*state, nm_report_text, NM_LANG_EN);

	assert_non_null(strstr(e, "As of 2026-11-26, snapshot 1\n"));
	assert_non_null(strstr(e, "(2,521 days)"));
	free(e);
}

/* ------------------------------------------------------------ long lists */

static void test_reports__markdown_lists_are_capped_with_a_hint(void **state)
{
	render_opts ro = {NM_LANG_EN, NULL, false, false, 0};
	char *md = render(nm_report_markdown, *state, ro);

	assert_null(strstr(md, "- Akteur 12 (`a12`)"));
	assert_non_null(strstr(md, "*… and 3 more (`--all` shows them all)*"));
	check_markdown(md);
	free(md);
}

static void test_reports__markdown_lists_with_all_show_every_entry(void **state)
{
	render_opts ro = {NM_LANG_EN, NULL, true, false, 0};
	char *md = render(nm_report_markdown, *state, ro);

	assert_non_null(strstr(md, "- Akteur 12 (`a12`)"));
	assert_null(strstr(md, "*… and 3 more (`--all` shows them all)*"));
	check_markdown(md);
	free(md);
}

static void test_reports__german_text_lists_are_capped_with_a_hint(void **state)
{
	render_opts rd = {NM_LANG_DE, NULL, false, false, 0};
	char *txt = render(nm_report_text, *state, rd);

	assert_non_null(strstr(txt, "… und 3 weitere (--all zeigt alle)"));
	free(txt);
}

static void test_reports__german_text_lists_with_all_have_no_hint(void **state)
{
	render_opts rd = {NM_LANG_DE, NULL, true, false, 0};
	char *txt = render(nm_report_text, *state, rd);

	assert_null(strstr(txt, "… und 3 weitere (--all zeigt alle)"));
	free(txt);
}

/* ------------------------------------------------------------ goldens */

/* The text report of f in both languages against GOLDEN stem.txt and stem.de.txt. */
static void text_goldens(const tu_data *f, const char *stem)
{
	char name[256];

	for (int lang = 0; lang < 2; lang++) {
		render_opts ro = {(nm_lang)lang, NULL, false, false, 1};
		char *out = render(nm_report_text, f, ro);

		/* The English text goldens are those the command line prints. */
		snprintf(name, sizeof(name), GOLDEN "%s%s.txt", stem, lang ? ".de" : "");
		tu_assert_golden(out, name);
		free(out);
	}
}

static const char *const langs[] = {"en", "de"};

static void markdown_goldens(const tu_data *f, const char *stem)
{
	char name[256];

	for (int lang = 0; lang < 2; lang++) {
		render_opts ro = {(nm_lang)lang, NULL, false, false, 1};
		char *out = render(nm_report_markdown, f, ro);

		snprintf(name, sizeof(name), GOLDEN "%s.%s.md", stem, langs[lang]);
		tu_assert_golden(out, name);
		free(out);
	}
}

static void csv_goldens(const tu_data *f, const char *stem)
{
	char name[256];

	for (int lang = 0; lang < 2; lang++) {
		for (size_t t = 0; t < NTABLES; t++) {
			render_opts ro = {(nm_lang)lang, all_tables[t], false, false, 1};
			char *out = render(nm_report_csv, f, ro);

			snprintf(name, sizeof(name), GOLDEN "%s-%s.%s.csv", stem, all_tables[t],
				 langs[lang]);
			tu_assert_golden(out, name);
			free(out);
		}
	}
}

static void test_reports__small_data_text_is_golden(void **state)
{
	text_goldens(*state, "small");
}

static void test_reports__small_data_markdown_is_golden(void **state)
{
	markdown_goldens(*state, "small");
}

static void test_reports__small_data_csv_tables_are_golden(void **state)
{
	csv_goldens(*state, "small");
}

static void test_reports__example_data_text_is_golden(void **state)
{
	text_goldens(*state, "example");
}

static void test_reports__example_data_markdown_is_golden(void **state)
{
	markdown_goldens(*state, "example");
}

static void test_reports__example_data_csv_tables_are_golden(void **state)
{
	csv_goldens(*state, "example");
}

#define WITH(test, setup) cmocka_unit_test_setup_teardown(test, setup, release_data)

int main(void)
{
	const struct CMUnitTest tests[] = {
		WITH(test_reports__csv_tables_keep_their_width_in_both_languages, hostile_data),
		WITH(test_reports__csv_cells_that_start_like_a_formula_get_a_quote, hostile_data),
		WITH(test_reports__csv_line_breaks_stay_inside_their_quoted_cell, hostile_data),
		WITH(test_reports__csv_escape_sequences_and_tabs_become_the_replacement_character,
		     hostile_data),
		WITH(test_reports__csv_doubles_quotes_and_quotes_cells_with_commas, hostile_data),
		WITH(test_reports__csv_german_uses_a_bom_semicolons_decimal_commas_and_words,
		     small_data),
		WITH(test_reports__csv_english_uses_commas_decimal_points_and_keys, small_data),
		WITH(test_reports__csv_actors_leave_out_contacts_unless_asked, hostile_data),
		WITH(test_reports__csv_actors_with_contacts_add_person_email_and_phone,
		     hostile_data),
		WITH(test_reports__csv_unknown_table_writes_nothing, hostile_data),
		cmocka_unit_test(test_reports__csv_every_table_is_known_and_listed),
		WITH(test_reports__markdown_of_hostile_names_keeps_its_tables_and_shows_no_html,
		     hostile_data),
		WITH(test_reports__markdown_escapes_html_in_names, hostile_data),
		WITH(test_reports__markdown_escapes_pipes_in_names, hostile_data),
		WITH(test_reports__markdown_escapes_emphasis_links_and_code, hostile_data),
		WITH(test_reports__markdown_joins_line_breaks_in_names, hostile_data),
		WITH(test_reports__markdown_escapes_lists_entities_and_backslashes, hostile_data),
		WITH(test_reports__markdown_shows_no_contacts, hostile_data),
		WITH(test_reports__text_of_hostile_names_fits_80_columns_without_controls,
		     hostile_data),
		WITH(test_reports__text_of_the_example_data_fits_80_columns_without_controls,
		     example_data),
		WITH(test_reports__text_shows_no_contacts, hostile_data),
		WITH(test_reports__german_text_writes_the_date_with_dots, small_data),
		WITH(test_reports__german_text_groups_thousands_with_a_dot, small_data),
		WITH(test_reports__german_text_writes_a_space_before_percent, small_data),
		WITH(test_reports__german_text_has_german_words_only, small_data),
		WITH(test_reports__german_markdown_has_german_words_and_dates, small_data),
		WITH(test_reports__english_text_writes_iso_dates_and_groups_with_a_comma,
		     small_data),
		WITH(test_reports__markdown_lists_are_capped_with_a_hint, thirteen_actors),
		WITH(test_reports__markdown_lists_with_all_show_every_entry, thirteen_actors),
		WITH(test_reports__german_text_lists_are_capped_with_a_hint, thirteen_actors),
		WITH(test_reports__german_text_lists_with_all_have_no_hint, thirteen_actors),
		WITH(test_reports__small_data_text_is_golden, small_data),
		WITH(test_reports__small_data_markdown_is_golden, small_data),
		WITH(test_reports__small_data_csv_tables_are_golden, small_data),
		WITH(test_reports__example_data_text_is_golden, example_data),
		WITH(test_reports__example_data_markdown_is_golden, example_data),
		WITH(test_reports__example_data_csv_tables_are_golden, example_data),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
