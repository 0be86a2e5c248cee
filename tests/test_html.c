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

static void test_html__example_is_one_well_formed_page_with_two_pictures(void **state)
{
	char *dir = tu_tempdir("html-example");
	char *db = scan(dir, "data");
	tu_run r = NETMAP("report", "--db", db, "--today", "2026-11-26", "--format", "html",
			  "--lang", "en");

	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	assert_true(strncmp(r.out, "<!DOCTYPE html>\n<html ", 22) == 0);
	assert_non_null(strstr(r.out, "<style>"));
	assert_non_null(strstr(r.out, "@media print{@page{size:A4"));
	/* self-contained: nothing fetched; one data block and one script */
	assert_int_equal(count(r.out, "<script"), 2);
	assert_int_equal(count(r.out, "<script type=\"application/json\" id=\"nm-data\">"), 1);
	assert_non_null(strstr(r.out, "<meta http-equiv=\"Content-Security-Policy\" "
				      "content=\"default-src 'none'; script-src 'sha256-"));
	assert_non_null(strstr(r.out, "'; style-src 'unsafe-inline'; img-src data:; base-uri "
				      "'none'; form-action 'none'\"/>"));
	assert_null(strstr(r.out, "<link"));
	assert_null(strstr(r.out, "src=\"http"));
	assert_null(strstr(r.out, "url("));
	/* both pictures inline, without XML prolog or DOCTYPE */
	assert_int_equal(count(r.out, "<svg"), 2);
	assert_null(strstr(r.out, "<?xml"));
	assert_null(strstr(r.out, "<!DOCTYPE svg"));
	assert_non_null(strstr(r.out, "id=\"overlaps\""));
	assert_non_null(strstr(r.out, "id=\"members\""));
	/* the sections and numbers of the text report */
	assert_non_null(strstr(r.out, "63 actors, 23 committees (22 active or dormant)"));
	assert_non_null(strstr(r.out, "<h2>Duplicate groups: candidates for merging "
				      "<span class=\"count\">(3)</span></h2>"));
	assert_non_null(strstr(r.out, "<h2>Merge clusters"));
	assert_non_null(strstr(r.out, "<h2>Nested groups"));
	assert_non_null(strstr(r.out, "<h2>Overlapping groups"));
	assert_non_null(strstr(r.out, "<h2>Overloaded actors"));
	assert_non_null(strstr(r.out, "<h2>Groups to review"));
	assert_non_null(strstr(r.out, "<h2>Gaps"));
	assert_non_null(strstr(r.out, "<h2>Missing voices"));
	assert_non_null(strstr(r.out, "<table class=\"coverage\">"));
	assert_non_null(strstr(r.out, "<h2>Possible duplicate records"));
	assert_well_formed(r.out, dir);

	/* the same store gives the same page */
	{
		tu_run again = NETMAP("report", "--db", db, "--today", "2026-11-26", "--format",
				      "html", "--lang", "en");
		assert_string_equal(again.out, r.out);
		tu_run_release(&again);
	}
	tu_run_release(&r);
	free(db);
	free(dir);
}

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

static void test_html__hostile_names_never_appear_raw(void **state)
{
	char *dir = tu_tempdir("html-hostile");
	char *yaml = tu_path(dir, "h.yaml");
	char *db, *doc, longname[3001];
	nm_buf src = NM_BUF_INIT;
	tu_run r;

	memset(longname, 'W', sizeof(longname) - 1);
	for (size_t i = 7; i < sizeof(longname) - 1; i += 8)
		longname[i] = ' ';
	longname[sizeof(longname) - 1] = '\0';
	nm_buf_printf(&src, hostile, longname);
	tu_write_file(yaml, src.ptr);
	db = scan(dir, yaml);
	for (int lang = 0; lang < 2; lang++) {
		r = NETMAP("report", "--db", db, "--today", "2026-11-26", "--format", "html",
			   "--lang", lang ? "de" : "en");
		assert_int_equal(r.status, 0);
		doc = r.out;
		/* the page's own data block and script, no other */
		assert_int_equal(count(doc, "<script"), 2);
		assert_int_equal(count(doc, "</script>"), 2);
		assert_null(strstr(doc, "<script>alert"));
		/* in the data block, names are JSON with <, >, & as \u escapes */
		assert_non_null(strstr(doc, "\"n\":\"\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\""));
		assert_non_null(strstr(doc, "\"n\":\"]]\\u003e\\u003c!-- --\\u003e \\u0026lt;\""));
		assert_null(strstr(doc, "<img"));
		assert_null(strstr(doc, "<b>"));
		assert_null(strstr(doc, "<!-- -->"));
		assert_null(strstr(doc, "&foo;"));
		assert_null(strchr(doc, '\r'));
		assert_null(strchr(doc, '\033'));
		assert_null(strchr(doc, '\a'));
		assert_null(strchr(doc, '\b'));
		assert_null(strstr(doc, "'d'"));
		assert_non_null(strstr(doc, "&lt;script&gt;alert(1)"));
		assert_non_null(strstr(doc, "&lt;script&gt;alert(&#39;d&#39;)&lt;/script&gt; &amp; Co"));
		/* a name's '&' is one '&' in the pictures too */
		assert_non_null(strstr(doc, "&amp;foo; &amp;#1; \\N \\G</tspan>"));
		assert_non_null(strstr(doc, "O&#39;Brien"));
		/* the long name is cut in the pictures (the profiles have it whole) */
		for (const char *svg = strstr(doc, "<svg"); svg; svg = strstr(svg + 1, "<svg")) {
			char *pic = strndup(svg, (size_t)(strstr(svg, "</svg>") - svg));
			assert_null(strstr(pic, longname));
			free(pic);
		}
		assert_non_null(strstr(doc, "WWWWWWW…</tspan>"));
		assert_int_equal(count(doc, "<svg"), 2);
		assert_well_formed(doc, dir);
		tu_run_release(&r);
	}
	nm_buf_release(&src);
	free(db);
	free(yaml);
	free(dir);
}

static void test_html__too_large_networks_get_a_message(void **state)
{
	char *dir = tu_tempdir("html-large");
	char *yaml = tu_path(dir, "large.yaml");
	char *db;
	nm_buf src = NM_BUF_INIT;
	tu_run r;

	nm_buf_puts(&src, "netmap: 1\nactors:\n");
	for (int i = 0; i < 40; i++)
		nm_buf_printf(&src, "  - {id: a%d, name: Actor %d, type: club}\n", i, i);
	nm_buf_puts(&src, "committees:\n");
	for (int i = 0; i < 130; i++)
		nm_buf_printf(&src, "  - {id: c%d, name: Committee %d, kind: network, "
			      "members: [a%d, a%d]}\n", i, i, i % 40, (i + 1) % 40);
	tu_write_file(yaml, src.ptr);
	db = scan(dir, yaml);
	r = NETMAP("report", "--db", db, "--today", "2026-11-26", "--format", "html",
		   "--lang", "en");
	assert_int_equal(r.status, 0);
	/* the overlap network in part: merge clusters and the largest overlaps */
	assert_int_equal(count(r.out, "<svg"), 1);
	assert_non_null(strstr(r.out, "The network has 130 committees, too many for one picture: "
				      "it shows the 120 in merge clusters and in the pairs that "
				      "share most members. Every committee has its profile below."));
	assert_non_null(strstr(r.out, "The map has 170 actors and committees, too many"));
	assert_well_formed(r.out, dir);
	tu_run_release(&r);

	r = NETMAP("report", "--db", db, "--today", "2026-11-26", "--format", "html",
		   "--lang", "de");
	assert_non_null(strstr(r.out, "Das Netz hat 130 Gremien, zu viele für ein Bild"));
	tu_run_release(&r);
	nm_buf_release(&src);
	free(db);
	free(yaml);
	free(dir);
}

static void test_html__small_goldens_in_english_and_german(void **state)
{
	char *dir = tu_tempdir("html-small");
	char *db = scan(dir, SMALL);
	static const char *const langs[] = {"en", "de"};

	for (int i = 0; i < 2; i++) {
		char golden[512];
		tu_run r = NETMAP("report", "--db", db, "--today", "2026-11-26", "--format",
				  "html", "--lang", langs[i]);
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
		"Findings", "Duplicate groups", "Merge clusters", "Nested groups",
		"Overlapping groups", "Overloaded actors", "Groups to review", ">Gaps",
		"Missing voices", "Coverage:", "Possible duplicate records", "Merge them",
		"members shared", "as of", "As of", " and <strong>", "Each circle", "Boxes are",
		"Written by", "migrant organisation", "days ago",
	};

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
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html__example_is_one_well_formed_page_with_two_pictures),
		cmocka_unit_test(test_html__hostile_names_never_appear_raw),
		cmocka_unit_test(test_html__too_large_networks_get_a_message),
		cmocka_unit_test(test_html__small_goldens_in_english_and_german),
		cmocka_unit_test(test_html__german_page_is_german),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
