/*
 * test_html.c: the HTML report through the real binary: a whole document
 * an XML parser accepts (python3's xml.etree, when python3 is there),
 * inline SVG pictures without prolog, hostile names never raw, a message
 * instead of a picture for a network too large to draw, and German and
 * English goldens of the small dataset. The goldens hold the page with
 * each <svg> element replaced by "<svg/>": Graphviz's coordinates depend
 * on the fonts a machine has, the rest of the page does not.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netmap/buf.h"
#include "testutil.h"

#define SRC NETMAP_SOURCE_DIR
#define GOLDEN NETMAP_TEST_DATA "/golden/"
#define SMALL "tests/data/cli/small.yaml"

#define NETMAP(...) run_in(SRC, (const char *const[]){__VA_ARGS__, NULL})

static tu_run run_in(const char *cwd, const char *const *args)
{
	tu_run r;
	tu_netmap(&r, cwd, args);
	return r;
}

static bool have_python(void)
{
	return system("command -v python3 >/dev/null 2>&1") == 0;
}

/* Whether python3's XML parser accepts the document. */
static void assert_well_formed(const char *doc, const char *dir)
{
	char *path = tu_path(dir, "page.html");
	char cmd[4096];

	if (!have_python()) {
		free(path);
		return;
	}
	tu_write_file(path, doc);
	snprintf(cmd, sizeof(cmd),
		 "python3 -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' '%s'",
		 path);
	assert_int_equal(system(cmd), 0);
	free(path);
}

static size_t count(const char *s, const char *what)
{
	size_t n = 0;
	for (const char *p = s; (p = strstr(p, what)); p += strlen(what))
		n++;
	return n;
}

/* doc with each piece from start to end (included) replaced by with. */
static char *replace_all(const char *doc, const char *start, const char *end, const char *with)
{
	nm_buf b = NM_BUF_INIT;
	const char *p = doc, *s;

	while ((s = strstr(p, start))) {
		const char *e = strstr(s + strlen(start), end);
		assert_non_null(e);
		nm_buf_put(&b, p, (size_t)(s - p));
		nm_buf_puts(&b, with);
		p = e + strlen(end);
	}
	nm_buf_puts(&b, p);
	return nm_buf_detach(&b);
}

/*
 * The page with every <svg ...>...</svg> replaced by "<svg/>", the script
 * (src/report_html.js, which has its own test in the browser) by
 * "<script/>" and its hash in the CSP by "sha256-...". The data block stays.
 */
static char *without_svg(const char *doc)
{
	char *a = replace_all(doc, "<svg", "</svg>", "<svg/>");
	char *b = replace_all(a, "<script>", "</script>", "<script/>");
	char *c = replace_all(b, "'sha256-", "'", "'sha256-...'");

	free(a);
	free(b);
	return c;
}

/* Scan path into a new store in dir; returns the store's path. */
static char *scan(const char *dir, const char *path)
{
	char *db = tu_path(dir, "h.db");
	tu_run r = NETMAP("scan", "--db", db, "--today", "2026-11-26", path);
	assert_int_equal(r.status, 0);
	tu_run_release(&r);
	return db;
}

/*
 * Pages rendered once for the tests of a group: the store in a scratch
 * folder and its HTML report in English and German.
 */
typedef struct pages {
	char *dir;
	char *db;
	char *yaml;
	char *longname; /* the hostile data's long name */
	tu_run page[2]; /* en, de */
} pages;

static pages *pages_new(const char *name)
{
	pages *p = calloc(1, sizeof(*p));

	assert_non_null(p);
	p->dir = tu_tempdir(name);
	p->yaml = tu_path(p->dir, "h.yaml");
	return p;
}

static void render_pages(pages *p, const char *path)
{
	p->db = scan(p->dir, path);
	for (int lang = 0; lang < 2; lang++)
		p->page[lang] = NETMAP("report", "--db", p->db, "--today", "2026-11-26", "--format",
				       "html", "--lang", lang ? "de" : "en");
}

static int pages_release(void **state)
{
	pages *p = *state;

	for (int lang = 0; lang < 2; lang++)
		tu_run_release(&p->page[lang]);
	free(p->longname);
	free(p->db);
	free(p->yaml);
	free(p->dir);
	free(p);
	return 0;
}

/* ------------------------------------------------------------ the example town */

static int example_pages(void **state)
{
	pages *p = pages_new("html-example");

	render_pages(p, "data");
	*state = p;
	return 0;
}

static void test_html__example_page_is_one_html_document_with_its_style(void **state)
{
	const tu_run *r = &((pages *)*state)->page[0];

	assert_int_equal(r->status, 0);
	assert_string_equal(r->err, "");
	assert_true(strncmp(r->out, "<!DOCTYPE html>\n<html ", 22) == 0);
	assert_non_null(strstr(r->out, "<style>"));
	assert_non_null(strstr(r->out, "@media print{@page{size:A4"));
}

static void test_html__example_page_is_self_contained_and_fetches_nothing(void **state)
{
	const tu_run *r = &((pages *)*state)->page[0];

	/* self-contained: nothing fetched; one data block and one script */
	assert_int_equal(count(r->out, "<script"), 2);
	assert_int_equal(count(r->out, "<script type=\"application/json\" id=\"nm-data\">"), 1);
	assert_non_null(strstr(r->out, "<meta http-equiv=\"Content-Security-Policy\" "
				       "content=\"default-src 'none'; script-src 'sha256-"));
	assert_non_null(strstr(r->out, "'; style-src 'unsafe-inline'; img-src data:; base-uri "
				       "'none'; form-action 'none'\"/>"));
	assert_null(strstr(r->out, "<link"));
	assert_null(strstr(r->out, "src=\"http"));
	assert_null(strstr(r->out, "url("));
}

static void test_html__example_page_holds_both_pictures_inline(void **state)
{
	const tu_run *r = &((pages *)*state)->page[0];

	/* both pictures inline, without XML prolog or DOCTYPE */
	assert_int_equal(count(r->out, "<svg"), 2);
	assert_null(strstr(r->out, "<?xml"));
	assert_null(strstr(r->out, "<!DOCTYPE svg"));
	assert_non_null(strstr(r->out, "id=\"overlaps\""));
	assert_non_null(strstr(r->out, "id=\"members\""));
}

static void test_html__example_page_has_the_sections_and_numbers_of_the_text_report(void **state)
{
	const tu_run *r = &((pages *)*state)->page[0];

	assert_non_null(strstr(r->out, "63 actors, 23 committees (22 active or dormant)"));
	assert_non_null(strstr(r->out, "<h2>Duplicate groups: candidates for merging "
				       "<span class=\"count\">(3)</span></h2>"));
	assert_non_null(strstr(r->out, "<h2>Merge clusters"));
	assert_non_null(strstr(r->out, "<h2>Nested groups"));
	assert_non_null(strstr(r->out, "<h2>Overlapping groups"));
	assert_non_null(strstr(r->out, "<h2>Overloaded actors"));
	assert_non_null(strstr(r->out, "<h2>Groups to review"));
	assert_non_null(strstr(r->out, "<h2>Gaps"));
	assert_non_null(strstr(r->out, "<h2>Missing voices"));
	assert_non_null(strstr(r->out, "<table class=\"coverage\">"));
	assert_non_null(strstr(r->out, "<h2>Possible duplicate records"));
}

static void test_html__example_page_is_well_formed(void **state)
{
	const pages *p = *state;

	assert_well_formed(p->page[0].out, p->dir);
}

static void test_html__same_store_gives_the_same_page(void **state)
{
	const pages *p = *state;
	tu_run again = NETMAP("report", "--db", p->db, "--today", "2026-11-26", "--format", "html",
			      "--lang", "en");

	assert_string_equal(again.out, p->page[0].out);
	tu_run_release(&again);
}

/* ------------------------------------------------------------ hostile names */

static const char hostile[] =
	"netmap: 1\n"
	"dataset: \"<script>alert('d')</script> & Co\"\n"
	"themes:\n"
	"  - {id: t1, label: \"<b>bold</b> & \\\"quoted\\\"\"}\n"
	"actors:\n"
	"  - {id: a1, name: \"<script>alert(1)</script>\", type: club, themes: [t1]}\n"
	"  - {id: a2, name: \"O'Brien \\\"&amp; Sons\\\" &foo; &#1; \\\\N \\\\G\", type: club}\n"
	"  - {id: a3, name: \"Zeile\\r\\nBcc: x@example.org\", type: club}\n"
	"  - {id: a4, name: \"\\e[31mRot\\e[0m \\a\\b\", type: club}\n"
	"  - {id: a5, name: \"%s\", type: migrant_organisation}\n"
	"committees:\n"
	"  - {id: c1, name: \"<img src=x onerror=alert(2)>\", kind: network, themes: [t1],"
	" members: [a1, a2, a3, a4, a5]}\n"
	"  - {id: c2, name: \"]]><!-- --> &lt;\", kind: network, themes: [t1],"
	" members: [a1, a2, a3, a4, a5]}\n";

static int hostile_pages(void **state)
{
	pages *p = pages_new("html-hostile");
	nm_buf src = NM_BUF_INIT;

	p->longname = calloc(3001, 1);
	assert_non_null(p->longname);
	memset(p->longname, 'W', 3000);
	for (size_t i = 7; i < 3000; i += 8)
		p->longname[i] = ' ';
	nm_buf_printf(&src, hostile, p->longname);
	tu_write_file(p->yaml, src.ptr);
	nm_buf_release(&src);
	render_pages(p, p->yaml);
	*state = p;
	return 0;
}

/* Each page of the group, in English and German; fails unless the report succeeded. */
static const char *page_of(void **state, int lang)
{
	const pages *p = *state;

	assert_int_equal(p->page[lang].status, 0);
	return p->page[lang].out;
}

static void test_html__hostile_page_holds_only_its_own_data_block_and_script(void **state)
{
	for (int lang = 0; lang < 2; lang++) {
		const char *doc = page_of(state, lang);

		assert_int_equal(count(doc, "<script"), 2);
		assert_int_equal(count(doc, "</script>"), 2);
		assert_null(strstr(doc, "<script>alert"));
	}
}

static void test_html__hostile_names_in_the_data_block_escape_angles_and_ampersands(void **state)
{
	for (int lang = 0; lang < 2; lang++) {
		const char *doc = page_of(state, lang);

		/* in the data block, names are JSON with <, >, & as \u escapes */
		assert_non_null(
			strstr(doc, "\"n\":\"\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\""));
		assert_non_null(strstr(doc, "\"n\":\"]]\\u003e\\u003c!-- --\\u003e \\u0026lt;\""));
	}
}

static void test_html__hostile_markup_never_appears_raw(void **state)
{
	for (int lang = 0; lang < 2; lang++) {
		const char *doc = page_of(state, lang);

		assert_null(strstr(doc, "<img"));
		assert_null(strstr(doc, "<b>"));
		assert_null(strstr(doc, "<!-- -->"));
		assert_null(strstr(doc, "&foo;"));
		assert_null(strstr(doc, "'d'"));
	}
}

static void test_html__hostile_controls_never_reach_the_page(void **state)
{
	for (int lang = 0; lang < 2; lang++) {
		const char *doc = page_of(state, lang);

		assert_null(strchr(doc, '\r'));
		assert_null(strchr(doc, '\033'));
		assert_null(strchr(doc, '\a'));
		assert_null(strchr(doc, '\b'));
	}
}

static void test_html__hostile_names_are_escaped_in_text_and_pictures(void **state)
{
	for (int lang = 0; lang < 2; lang++) {
		const char *doc = page_of(state, lang);

		assert_non_null(strstr(doc, "&lt;script&gt;alert(1)"));
		assert_non_null(
			strstr(doc, "&lt;script&gt;alert(&#39;d&#39;)&lt;/script&gt; &amp; Co"));
		/* a name's '&' is one '&' in the pictures too */
		assert_non_null(strstr(doc, "&amp;foo; &amp;#1; \\N \\G</tspan>"));
		assert_non_null(strstr(doc, "O&#39;Brien"));
	}
}

static void test_html__long_names_are_cut_in_the_pictures(void **state)
{
	const pages *p = *state;

	for (int lang = 0; lang < 2; lang++) {
		const char *doc = page_of(state, lang);

		/* the long name is cut in the pictures (the profiles have it whole) */
		for (const char *svg = strstr(doc, "<svg"); svg; svg = strstr(svg + 1, "<svg")) {
			char *pic = strndup(svg, (size_t)(strstr(svg, "</svg>") - svg));
			assert_null(strstr(pic, p->longname));
			free(pic);
		}
		assert_non_null(strstr(doc, "WWWWWWW…</tspan>"));
		assert_int_equal(count(doc, "<svg"), 2);
	}
}

static void test_html__hostile_page_is_well_formed(void **state)
{
	const pages *p = *state;

	for (int lang = 0; lang < 2; lang++)
		assert_well_formed(page_of(state, lang), p->dir);
}

/* ------------------------------------------------------------ large networks */

static int large_pages(void **state)
{
	pages *p = pages_new("html-large");
	nm_buf src = NM_BUF_INIT;

	nm_buf_puts(&src, "netmap: 1\nactors:\n");
	for (int i = 0; i < 40; i++)
		nm_buf_printf(&src, "  - {id: a%d, name: Actor %d, type: club}\n", i, i);
	nm_buf_puts(&src, "committees:\n");
	for (int i = 0; i < 130; i++)
		nm_buf_printf(&src,
			      "  - {id: c%d, name: Committee %d, kind: network, "
			      "members: [a%d, a%d]}\n",
			      i, i, i % 40, (i + 1) % 40);
	tu_write_file(p->yaml, src.ptr);
	nm_buf_release(&src);
	render_pages(p, p->yaml);
	*state = p;
	return 0;
}

static void test_html__too_large_networks_get_a_message(void **state)
{
	const pages *p = *state;
	const char *out = page_of(state, 0);

	/* the overlap network in part: merge clusters and the largest overlaps */
	assert_int_equal(count(out, "<svg"), 1);
	assert_non_null(strstr(out, "The network has 130 committees, too many for one picture: "
				    "it shows the 120 in merge clusters and in the pairs that "
				    "share most members. Every committee has its profile below."));
	assert_non_null(strstr(out, "The map has 170 actors and committees, too many"));
	assert_well_formed(out, p->dir);
}

static void test_html__too_large_networks_get_a_message_in_german(void **state)
{
	const pages *p = *state;

	assert_non_null(strstr(p->page[1].out, "Das Netz hat 130 Gremien, zu viele für ein Bild"));
}

static void test_html__small_goldens_in_english_and_german(void **state)
{
	char *dir = tu_tempdir("html-small");
	char *db = scan(dir, SMALL);
	static const char *const langs[] = {"en", "de"};

	(void)state;
	for (int i = 0; i < 2; i++) {
		char golden[512];
		tu_run r = NETMAP("report", "--db", db, "--today", "2026-11-26", "--format", "html",
				  "--lang", langs[i]);
		char *page;

		assert_int_equal(r.status, 0);
		assert_int_equal(count(r.out, "<svg"), 2);
		page = without_svg(r.out);
		snprintf(golden, sizeof(golden), GOLDEN "small-%s.html", langs[i]);
		tu_assert_golden(page, golden);
		free(page);
		tu_run_release(&r);
	}
	free(db);
	free(dir);
}

static void test_html__german_page_is_german(void **state)
{
	char *dir = tu_tempdir("html-de");
	char *db = scan(dir, "data");
	tu_run r = NETMAP("report", "--db", db, "--today", "2026-11-26", "--format", "html",
			  "--lang", "de");
	static const char *const english[] = {
		"Findings",
		"Duplicate groups",
		"Merge clusters",
		"Nested groups",
		"Overlapping groups",
		"Overloaded actors",
		"Groups to review",
		">Gaps",
		"Missing voices",
		"Coverage:",
		"Possible duplicate records",
		"Merge them",
		"members shared",
		"as of",
		"As of",
		" and <strong>",
		"Each circle",
		"Boxes are",
		"Written by",
		"migrant organisation",
		"days ago",
	};

	(void)state;
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "lang=\"de\""));
	assert_non_null(strstr(r.out, "<h2>Befunde</h2>"));
	assert_non_null(strstr(r.out, "Stand: 26.11.2026"));
	for (size_t i = 0; i < sizeof(english) / sizeof(english[0]); i++)
		if (strstr(r.out, english[i]))
			fail_msg("English '%s' in the German page", english[i]);
	tu_run_release(&r);
	free(db);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest example[] = {
		cmocka_unit_test(test_html__example_page_is_one_html_document_with_its_style),
		cmocka_unit_test(test_html__example_page_is_self_contained_and_fetches_nothing),
		cmocka_unit_test(test_html__example_page_holds_both_pictures_inline),
		cmocka_unit_test(
			test_html__example_page_has_the_sections_and_numbers_of_the_text_report),
		cmocka_unit_test(test_html__example_page_is_well_formed),
		cmocka_unit_test(test_html__same_store_gives_the_same_page),
	};
	const struct CMUnitTest hostile_names[] = {
		cmocka_unit_test(test_html__hostile_page_holds_only_its_own_data_block_and_script),
		cmocka_unit_test(
			test_html__hostile_names_in_the_data_block_escape_angles_and_ampersands),
		cmocka_unit_test(test_html__hostile_markup_never_appears_raw),
		cmocka_unit_test(test_html__hostile_controls_never_reach_the_page),
		cmocka_unit_test(test_html__hostile_names_are_escaped_in_text_and_pictures),
		cmocka_unit_test(test_html__long_names_are_cut_in_the_pictures),
		cmocka_unit_test(test_html__hostile_page_is_well_formed),
	};
	const struct CMUnitTest large[] = {
		cmocka_unit_test(test_html__too_large_networks_get_a_message),
		cmocka_unit_test(test_html__too_large_networks_get_a_message_in_german),
	};
	const struct CMUnitTest others[] = {
		cmocka_unit_test(test_html__small_goldens_in_english_and_german),
		cmocka_unit_test(test_html__german_page_is_german),
	};
	int failed = 0;

	/* Each page is rendered once for the tests of its group. */
	failed += cmocka_run_group_tests_name("example town", example, example_pages,
					      pages_release);
	failed += cmocka_run_group_tests_name("hostile names", hostile_names, hostile_pages,
					      pages_release);
	failed += cmocka_run_group_tests_name("large networks", large, large_pages, pages_release);
	failed += cmocka_run_group_tests_name("other pages", others, NULL, NULL);
	return failed;
}
