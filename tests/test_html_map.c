/*
 * test_html_map.c: the pictures of the HTML report cannot be misread.
 * The SVG of the example town's report and of a city-scale dataset
 * (bench/gen.py --scale city --seed 1, when python3 is there) is parsed
 * and every label's box, estimated from its font size and number of
 * characters (0.6 of the font size a character, wider than the average
 * letter of the fonts the page asks for), is checked:
 *
 * - overlap network: no name touches any circle (its own included) or
 *   another name; each name is next to its own circle or joined to it by
 *   a leader line; the member count sits inside its circle;
 * - actor-committee map: each name is inside its own box, and no box
 *   touches another.
 *
 * Hover titles name committees and actors in words, never by an internal
 * id such as "c0".
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
#define CHAR_W 0.6
#define LINE_H 1.25
#define MAXN 4096

#define NETMAP(...) run_in(SRC, (const char *const[]){__VA_ARGS__, NULL})

static tu_run run_in(const char *cwd, const char *const *args)
{
	tu_run r;
	tu_netmap(&r, cwd, args);
	return r;
}

typedef struct rect {
	double x, y, w, h;
	int owner; /* committee or actor index, -1 none */
} rect;

typedef struct circle {
	double x, y, r;
	int owner;
} circle;

/* The value of attribute name in the tag starting at tag; false if absent. */
static bool attr(const char *tag, const char *name, double *out)
{
	const char *end = strchr(tag, '>');
	char key[64];
	const char *p;

	snprintf(key, sizeof(key), " %s=\"", name);
	p = strstr(tag, key);
	if (!p || (end && p > end))
		return false;
	*out = strtod(p + strlen(key), NULL);
	return true;
}

static bool attr_is(const char *tag, const char *name, const char *value)
{
	const char *end = strchr(tag, '>');
	char key[128];
	const char *p;

	snprintf(key, sizeof(key), " %s=\"%s\"", name, value);
	p = strstr(tag, key);
	return p && (!end || p < end);
}

/* Characters of text up to '<': UTF-8 code points, an entity one character. */
static size_t chars(const char *p, const char **end)
{
	size_t n = 0;

	while (*p && *p != '<') {
		if (*p == '&') {
			const char *semi = strchr(p, ';');
			p = semi ? semi + 1 : p + 1;
		} else {
			p++;
			while ((*p & 0xC0) == 0x80)
				p++;
		}
		n++;
	}
	*end = p;
	return n;
}

/* The estimated box of the <text> element at p (its tspans), and where it ends. */
static rect text_box(const char *p, const char **after)
{
	double x = 0, y = 0, fs = 10;
	size_t lines = 0, widest = 0;
	const char *close = strstr(p, "</text>");
	rect r;

	assert_non_null(close);
	assert_true(attr(p, "x", &x));
	assert_true(attr(p, "y", &y));
	assert_true(attr(p, "font-size", &fs));
	for (const char *t = strstr(p, "<tspan"); t && t < close; t = strstr(t + 1, "<tspan")) {
		const char *e;
		size_t n = chars(strchr(t, '>') + 1, &e);
		if (n > widest)
			widest = n;
		lines++;
	}
	assert_true(lines > 0);
	r.w = (double)widest * CHAR_W * fs;
	r.h = (double)lines * LINE_H * fs;
	r.y = y - fs;
	if (attr_is(p, "text-anchor", "middle"))
		r.x = x - r.w / 2;
	else if (attr_is(p, "text-anchor", "end"))
		r.x = x - r.w;
	else
		r.x = x;
	r.owner = -1;
	*after = close;
	return r;
}

static bool rects_overlap(const rect *a, const rect *b)
{
	return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

static bool rect_inside(const rect *in, const rect *out)
{
	return in->x >= out->x && in->y >= out->y && in->x + in->w <= out->x + out->w &&
	       in->y + in->h <= out->y + out->h;
}

static double clampd(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* Squared distance from a circle's centre to the nearest point of a box. */
static double dist2(const rect *b, double x, double y)
{
	double dx = x - clampd(x, b->x, b->x + b->w), dy = y - clampd(y, b->y, b->y + b->h);
	return dx * dx + dy * dy;
}

static const char *svg_of(const char *doc, const char *id)
{
	char key[64];
	snprintf(key, sizeof(key), "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"%s\"", id);
	return strstr(doc, key);
}

/* Returns the labels checked; fails on the first label that can be misread. */
static size_t check_overlap_network(const char *svg)
{
	const char *end = strstr(svg, "</svg>");
	circle *cs = calloc(MAXN, sizeof(*cs));
	rect *ls = calloc(MAXN, sizeof(*ls));
	size_t nc = 0, nl = 0;
	bool *leader = calloc(MAXN, sizeof(*leader));

	assert_non_null(end);
	for (const char *p = strstr(svg, "<a href=\"#p-"); p && p < end;
	     p = strstr(p + 1, "<a href=\"#p-")) {
		const char *c = strstr(p, "<circle"), *t = strstr(p, "<text class=\"num\"");
		double owner = -1, digits_end;
		rect num;

		assert_true(attr(p, "data-c", &owner));
		assert_true(attr(c, "cx", &cs[nc].x));
		assert_true(attr(c, "cy", &cs[nc].y));
		assert_true(attr(c, "r", &cs[nc].r));
		cs[nc].owner = (int)owner;
		/* the member count: inside its circle */
		assert_non_null(t);
		{
			const char *e;
			double x = 0, y = 0, fs = 0;
			size_t n = chars(strchr(t, '>') + 1, &e);
			assert_true(attr(t, "x", &x));
			assert_true(attr(t, "y", &y));
			assert_true(attr(t, "font-size", &fs));
			num.w = (double)n * CHAR_W * fs;
			num.h = fs;
			num.x = x - num.w / 2;
			num.y = y - 0.8 * fs;
			digits_end = (num.w / 2) * (num.w / 2) + (num.h / 2) * (num.h / 2);
			assert_true(digits_end <= cs[nc].r * cs[nc].r);
		}
		nc++;
		assert_true(nc < MAXN);
	}
	for (const char *p = strstr(svg, "<g class=\"label\""); p && p < end;
	     p = strstr(p + 1, "<g class=\"label\"")) {
		double owner = -1;
		const char *after;

		assert_true(attr(p, "data-c", &owner));
		leader[nl] = strstr(p, "<line class=\"leader\"") &&
			     strstr(p, "<line class=\"leader\"") < strstr(p, "<text");
		ls[nl] = text_box(strstr(p, "<text class=\"lbl\""), &after);
		ls[nl].owner = (int)owner;
		nl++;
		assert_true(nl < MAXN);
	}
	assert_int_equal(nl, nc);
	for (size_t i = 0; i < nl; i++) {
		double own = -1;
		for (size_t j = 0; j < nc; j++) {
			double d2 = dist2(&ls[i], cs[j].x, cs[j].y);
			if (d2 < cs[j].r * cs[j].r)
				fail_msg("the label of committee %d touches the circle of %d",
					 ls[i].owner, cs[j].owner);
			if (cs[j].owner == ls[i].owner)
				own = d2;
		}
		assert_true(own >= 0);
		/* next to its circle (within 8 points), or joined by a leader line */
		if (!leader[i]) {
			double r = 0;
			for (size_t j = 0; j < nc; j++)
				if (cs[j].owner == ls[i].owner)
					r = cs[j].r;
			if (own > (r + 8) * (r + 8))
				fail_msg("the label of committee %d is away from its circle "
					 "without a leader line",
					 ls[i].owner);
		}
		for (size_t k = i + 1; k < nl; k++)
			if (rects_overlap(&ls[i], &ls[k]))
				fail_msg("the labels of committees %d and %d overlap", ls[i].owner,
					 ls[k].owner);
	}
	free(cs);
	free(ls);
	free(leader);
	return nl;
}

static size_t check_map(const char *svg)
{
	const char *end = strstr(svg, "</svg>");
	rect *nodes = calloc(MAXN, sizeof(*nodes)), *labels = calloc(MAXN, sizeof(*labels));
	size_t n = 0;

	assert_non_null(end);
	for (const char *p = strstr(svg, "class=\"node "); p && p < end;
	     p = strstr(p + 1, "class=\"node ")) {
		const char *r = strstr(p, "<rect"), *after;

		assert_true(attr(r, "x", &nodes[n].x));
		assert_true(attr(r, "y", &nodes[n].y));
		assert_true(attr(r, "width", &nodes[n].w));
		assert_true(attr(r, "height", &nodes[n].h));
		labels[n] = text_box(strstr(r, "<text class=\"lbl\""), &after);
		nodes[n].owner = labels[n].owner = (int)n;
		if (!rect_inside(&labels[n], &nodes[n]))
			fail_msg("label %zu is not inside its box", n);
		n++;
		assert_true(n < MAXN);
	}
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < n; k++) {
			if (k == i)
				continue;
			if (k > i && rects_overlap(&nodes[i], &nodes[k]))
				fail_msg("the boxes of nodes %zu and %zu overlap", i, k);
			if (rects_overlap(&labels[i], &nodes[k]))
				fail_msg("the label of node %zu touches node %zu", i, k);
		}
	free(nodes);
	free(labels);
	return n;
}

/* No hover title is an internal node name such as "c0" or "a12". */
static void assert_titles_in_words(const char *doc)
{
	for (const char *p = strstr(doc, "<title>"); p; p = strstr(p + 1, "<title>")) {
		const char *t = p + 7;
		if ((t[0] == 'c' || t[0] == 'a') && t[1] >= '0' && t[1] <= '9')
			fail_msg("a hover title is an internal id: %.20s", t);
	}
}

static char *report(const char *dir, const char *path)
{
	char *db = tu_path(dir, "m.db");
	tu_run r = NETMAP("scan", "--db", db, "--today", "2026-11-26", path);
	char *out;

	assert_true(r.status == 0 || r.status == 1);
	tu_run_release(&r);
	r = NETMAP("report", "--db", db, "--today", "2026-11-26", "--format", "html", "--lang",
		   "de");
	assert_int_equal(r.status, 0);
	out = r.out;
	r.out = NULL;
	tu_run_release(&r);
	free(db);
	return out;
}

static void test_html_map__example_labels_touch_no_other_node_or_label(void **state)
{
	char *dir = tu_tempdir("map-example");
	char *doc = report(dir, "data");
	const char *net = svg_of(doc, "overlaps"), *map = svg_of(doc, "members");

	assert_non_null(net);
	assert_non_null(map);
	assert_int_equal(check_overlap_network(net), 22);
	assert_true(check_map(map) > 60);
	assert_titles_in_words(doc);
	/* a committee's title: name, kind, members by name, themes */
	assert_non_null(strstr(
		doc, "<title>Arbeitskreis Sprache (Arbeitskreis)\n8 Mitglieder: "
		     "Bundesamt für Migration und Flüchtlinge, Regionalkoordination Lindenau, "));
	assert_non_null(strstr(doc, "\nThemen: Sprache und Sprachförderung"));
	free(doc);
	free(dir);
}

static void test_html_map__city_labels_touch_no_other_node_or_label(void **state)
{
	char *dir = tu_tempdir("map-city");
	char *data = tu_path(dir, "city");
	char cmd[4096];
	char *doc;
	const char *net;
	size_t n;

	if (system("command -v python3 >/dev/null 2>&1") != 0)
		skip();
	snprintf(cmd, sizeof(cmd),
		 "python3 '%s/bench/gen.py' --scale city --seed 1 '%s' >/dev/null 2>&1", SRC, data);
	assert_int_equal(system(cmd), 0);
	doc = report(dir, data);
	net = svg_of(doc, "overlaps");
	assert_non_null(net);
	/* too many committees for one picture: the clusters and largest overlaps */
	n = check_overlap_network(net);
	assert_true(n > 20 && n <= 120);
	assert_null(svg_of(doc, "members"));
	assert_titles_in_words(doc);
	free(doc);
	free(data);
	free(dir);
}

static void test_html_map__several_snapshots_give_a_chart_and_profile_histories(void **state)
{
	char *dir = tu_tempdir("map-trend");
	char *db = tu_path(dir, "t.db");
	static const char *const days[] = {"2026-10-01", "2026-11-01"};
	static const char *const data[] = {"tests/data/history/v1", "tests/data/history/v2"};
	tu_run r;

	for (int i = 0; i < 2; i++) {
		r = NETMAP("scan", "--db", db, "--today", days[i], data[i]);
		assert_int_equal(r.status, 0);
		tu_run_release(&r);
	}
	r = NETMAP("report", "--db", db, "--today", "2026-11-26", "--format", "html", "--lang",
		   "en");
	assert_int_equal(r.status, 0);
	/* at the top, before the findings */
	assert_non_null(strstr(r.out, "<section id=\"trend\">\n<h2>How the network changed</h2>"));
	assert_true(strstr(r.out, "id=\"trend\"") < strstr(r.out, "id=\"summary\""));
	assert_non_null(strstr(r.out, "<title>snapshot 1, 2026-10-01: "));
	assert_non_null(strstr(r.out, "<title>snapshot 2, 2026-11-26: "));
	assert_non_null(strstr(r.out, "The last 2 snapshots of the store"));
	assert_non_null(strstr(r.out, "<h4>History</h4>\n<p class=\"history\">snapshot 1 "
				      "(2026-10-01): "));
	assert_non_null(strstr(r.out, "not yet there; snapshot 2 (2026-11-26): 2 members"));
	tu_run_release(&r);
	free(db);
	free(dir);
}

static void test_html_map__one_snapshot_has_no_chart(void **state)
{
	char *dir = tu_tempdir("map-no-trend");
	char *doc = report(dir, "data");

	assert_null(strstr(doc, "id=\"trend\""));
	assert_null(strstr(doc, "class=\"history\""));
	free(doc);
	free(dir);
}

/* Names that would end the data block or the page's script stay data. */
static void test_html_map__data_block_escapes_what_could_end_it(void **state)
{
	char *dir = tu_tempdir("map-json");
	char *yaml = tu_path(dir, "j.yaml");
	char *doc, *block, *end;

	tu_write_file(
		yaml,
		"netmap: 1\n"
		"actors:\n"
		"  - {id: a1, name: \"</script><!-- & \\u2028\\u2029 \\\"q\\\"\", type: club}\n"
		"  - {id: a2, name: \"\\u202Eevil\", type: club}\n"
		"committees:\n"
		"  - {id: c1, name: \"x]]>y\", kind: network, members: [a1, a2]}\n");
	doc = report(dir, yaml);
	block = strstr(doc, "<script type=\"application/json\" id=\"nm-data\">");
	assert_non_null(block);
	block = strchr(block, '>') + 1;
	end = strstr(block, "</script>");
	assert_non_null(end);
	*end = '\0';
	assert_non_null(strstr(block, "\"n\":\"\\u003c/script\\u003e\\u003c!-- \\u0026 "
				      "\\u2028\\u2029 \\\"q\\\"\""));
	assert_non_null(strstr(block, "\"n\":\"x]]\\u003ey\""));
	assert_null(strstr(block, "<"));
	assert_null(strstr(block, "\xE2\x80\xA8"));
	/* the pictures drop the right-to-left override from labels */
	for (const char *svg = strstr(doc, "<svg"); svg; svg = strstr(svg + 1, "<svg")) {
		const char *rlo = strstr(svg, "\xE2\x80\xAE");
		assert_true(!rlo || rlo > strstr(svg, "</svg>"));
	}
	free(doc);
	free(yaml);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html_map__example_labels_touch_no_other_node_or_label),
		cmocka_unit_test(test_html_map__city_labels_touch_no_other_node_or_label),
		cmocka_unit_test(
			test_html_map__several_snapshots_give_a_chart_and_profile_histories),
		cmocka_unit_test(test_html_map__one_snapshot_has_no_chart),
		cmocka_unit_test(test_html_map__data_block_escapes_what_could_end_it),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
