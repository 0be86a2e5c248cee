/*
 * test_cli_controls.c: no command prints a raw control character from the
 * data (docs/security.md). Every C0 control but NUL (which no YAML file and
 * no argument can hold), DEL, every C1 control and the bidirectional
 * overrides and isolates (U+202A-202E, U+2066-2069) go through keys,
 * values, names, file names and arguments into every command that prints
 * data; each output is compared exactly and searched for any such byte.
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

#define GOLDEN NETMAP_TEST_DATA "/golden/"

enum { SET_C0 = 1, SET_C1 = 2, SET_BIDI = 4, SET_ALL = 7 };

/* How a set of characters is written: in YAML, raw, and as each output shows it. */
typedef struct hostile {
	nm_buf yaml;  /* double-quoted YAML escapes */
	nm_buf raw;   /* the characters themselves (UTF-8) */
	nm_buf shown; /* as messages and listings show them */
	nm_buf json;  /* inside a JSON string */
	nm_buf gh;    /* inside a GitHub annotation's message */
} hostile;

static void put_utf8(nm_buf *b, unsigned cp)
{
	if (cp < 0x80) {
		nm_buf_putc(b, (char)cp);
	} else if (cp < 0x800) {
		nm_buf_putc(b, (char)(0xC0 | (cp >> 6)));
		nm_buf_putc(b, (char)(0x80 | (cp & 0x3F)));
	} else {
		nm_buf_putc(b, (char)(0xE0 | (cp >> 12)));
		nm_buf_putc(b, (char)(0x80 | ((cp >> 6) & 0x3F)));
		nm_buf_putc(b, (char)(0x80 | (cp & 0x3F)));
	}
}

static void add(hostile *h, unsigned cp)
{
	const char *named = cp == '\t' ? "\\t" : cp == '\n' ? "\\n" : cp == '\r' ? "\\r" : NULL;

	if (cp < 0x100)
		nm_buf_printf(&h->yaml, "\\x%02x", cp);
	else
		nm_buf_printf(&h->yaml, "\\u%04x", cp);
	put_utf8(&h->raw, cp);
	if (named)
		nm_buf_puts(&h->shown, named);
	else if (cp < 0x20 || cp == 0x7F)
		nm_buf_printf(&h->shown, "\\x%02x", cp);
	else
		nm_buf_printf(&h->shown, "\\u%04x", cp);
	if (named)
		nm_buf_puts(&h->json, named);
	else
		nm_buf_printf(&h->json, "\\u%04x", cp);
	if (cp == '\r')
		nm_buf_puts(&h->gh, "%0D");
	else if (cp == '\n')
		nm_buf_puts(&h->gh, "%0A");
	else if (named)
		nm_buf_puts(&h->gh, named);
	else if (cp < 0x20 || cp == 0x7F)
		nm_buf_printf(&h->gh, "\\x%02x", cp);
	else
		nm_buf_printf(&h->gh, "\\u%04x", cp);
}

/* prefix, then the characters of the sets. */
static hostile make(const char *prefix, unsigned sets)
{
	hostile h;

	memset(&h, 0, sizeof(h));
	nm_buf_puts(&h.yaml, prefix);
	nm_buf_puts(&h.raw, prefix);
	nm_buf_puts(&h.shown, prefix);
	nm_buf_puts(&h.json, prefix);
	nm_buf_puts(&h.gh, prefix);
	if (sets & SET_C0) {
		for (unsigned c = 1; c < 0x20; c++)
			add(&h, c);
		add(&h, 0x7F);
	}
	if (sets & SET_C1)
		for (unsigned c = 0x80; c < 0xA0; c++)
			add(&h, c);
	if (sets & SET_BIDI) {
		for (unsigned c = 0x202A; c <= 0x202E; c++)
			add(&h, c);
		for (unsigned c = 0x2066; c <= 0x2069; c++)
			add(&h, c);
	}
	return h;
}

static void release(hostile *h)
{
	nm_buf_release(&h->yaml);
	nm_buf_release(&h->raw);
	nm_buf_release(&h->shown);
	nm_buf_release(&h->json);
	nm_buf_release(&h->gh);
}

/*
 * Fail when s holds a byte 0x00-0x1F other than newline (and tab when
 * allowed), DEL, a C1 control or a bidirectional override or isolate.
 */
static void assert_no_controls(const char *what, const char *s, bool tab)
{
	const unsigned char *p = (const unsigned char *)s;

	for (size_t i = 0; p[i]; i++) {
		unsigned c = p[i];
		unsigned cp = 0;

		if ((c < 0x20 && c != '\n' && !(tab && c == '\t')) || c == 0x7F)
			fail_msg("%s: byte 0x%02x at %zu", what, c, i);
		if (c == 0xC2 && p[i + 1] >= 0x80 && p[i + 1] < 0xA0)
			fail_msg("%s: C1 control U+00%02X at %zu", what, p[i + 1], i);
		if (c == 0xE2 && p[i + 1] && p[i + 2])
			cp = ((c & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu);
		if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
			fail_msg("%s: bidirectional control U+%04X at %zu", what, cp, i);
	}
}

static tu_run run(const char *const *args)
{
	tu_run r;

	tu_netmap(&r, NULL, args);
	assert_no_controls("stdout", r.out, false);
	assert_no_controls("stderr", r.err, false);
	return r;
}

#define NETMAP(...) run((const char *const[]){__VA_ARGS__, NULL})

static char *joined(const char *fmt, ...)
{
	nm_buf b = NM_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	nm_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	return nm_buf_detach(&b);
}

/* A file named after every control holding a key made of every control. */
typedef struct bad_file {
	char *dir, *path, *shown_path;
	hostile name, key;
} bad_file;

static void bad_file_make(bad_file *f, const char *tag)
{
	f->dir = tu_tempdir(tag);
	f->name = make("f", SET_ALL);
	f->key = make("k", SET_ALL);
	/* A file name holds no '/' and no NUL; every other control is allowed. */
	f->path = joined("%s/%s.yaml", f->dir, f->name.raw.ptr);
	f->shown_path = joined("%s/%s.yaml", f->dir, f->name.shown.ptr);
	{
		char *content = joined("netmap: 1\n\"%s\": 1\n", f->key.yaml.ptr);
		tu_write_file(f->path, content);
		free(content);
	}
}

static void bad_file_release(bad_file *f)
{
	remove(f->path);
	release(&f->name);
	release(&f->key);
	free(f->dir);
	free(f->path);
	free(f->shown_path);
}

static void test_cli_controls__validate_text_shows_every_control(void **state)
{
	bad_file f;
	tu_run r;
	char *expected;

	(void)state;
	bad_file_make(&f, "controls-text");
	r = NETMAP("validate", f.path);
	assert_int_equal(r.status, 1);
	expected = joined("%s:2:1: error: unknown key '%s' in the document\n"
			  "1 error, 0 warnings in 1 file\n",
			  f.shown_path, f.key.shown.ptr);
	assert_string_equal(r.out, expected);
	assert_string_equal(r.err, "");
	/* The escapes are what a reader sees. */
	assert_non_null(
		strstr(r.out, "k\\x01\\x02\\x03\\x04\\x05\\x06\\x07\\x08\\t\\n\\x0b\\x0c\\r"));
	assert_non_null(strstr(r.out, "\\x1b\\x1c\\x1d\\x1e\\x1f\\x7f\\u0080\\u0081"));
	assert_non_null(strstr(r.out, "\\u009f\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067"
				      "\\u2068\\u2069'"));
	free(expected);
	tu_run_release(&r);
	bad_file_release(&f);
}

static void test_cli_controls__validate_json_escapes_every_control(void **state)
{
	bad_file f;
	hostile pj;
	tu_run r;
	char *expected;

	(void)state;
	bad_file_make(&f, "controls-json");
	pj = make("f", SET_ALL);
	r = NETMAP("validate", "--format", "json", f.path);
	assert_int_equal(r.status, 1);
	expected = joined("{\"files\": 1, \"errors\": 1, \"warnings\": 0, \"problems\": [\n"
			  "  {\"file\": \"%s/%s.yaml\", \"line\": 2, \"column\": 1, "
			  "\"severity\": \"error\", \"rule\": \"unknown-key\", "
			  "\"message\": \"unknown key '%s' in the document\"}\n]}\n",
			  f.dir, pj.json.ptr, f.key.json.ptr);
	assert_string_equal(r.out, expected);
	assert_string_equal(r.err, "");
	free(expected);
	release(&pj);
	tu_run_release(&r);
	bad_file_release(&f);
}

static void test_cli_controls__validate_github_shows_every_control(void **state)
{
	bad_file f;
	hostile pg;
	tu_run r;
	char *expected;

	(void)state;
	bad_file_make(&f, "controls-github");
	pg = make("f", SET_ALL);
	r = NETMAP("validate", "--format", "github", f.path);
	assert_int_equal(r.status, 1);
	expected = joined(
		"::error file=%s/%s.yaml,line=2,col=1::unknown key '%s' in the document\n", f.dir,
		pg.gh.ptr, f.key.gh.ptr);
	assert_string_equal(r.out, expected);
	/* One line: the data can neither end the annotation nor start another. */
	assert_int_equal(strchr(r.out, '\n') - r.out + 1, (long)strlen(r.out));
	free(expected);
	release(&pg);
	tu_run_release(&r);
	bad_file_release(&f);
}

static void test_cli_controls__scan_shows_every_control_on_stderr(void **state)
{
	bad_file f;
	tu_run r;
	char *db, *expected;

	(void)state;
	bad_file_make(&f, "controls-scan");
	db = tu_path(f.dir, "n.db");
	r = NETMAP("scan", "--db", db, f.path);
	assert_int_equal(r.status, 1);
	assert_string_equal(r.out, "");
	expected = joined("%s:2:1: error: unknown key '%s' in the document\n"
			  "netmap: 1 error in the data; nothing was stored\n",
			  f.shown_path, f.key.shown.ptr);
	assert_string_equal(r.err, expected);
	free(expected);
	free(db);
	tu_run_release(&r);
	bad_file_release(&f);
}

/* A hostile argument ("x" and every control) and a scratch folder. */
typedef struct quoted {
	hostile h;
	char *dir;
} quoted;

static int quoted_argument(void **state)
{
	quoted *q = calloc(1, sizeof(*q));

	if (!q)
		return -1;
	q->h = make("x", SET_ALL);
	q->dir = tu_tempdir("controls-args");
	*state = q;
	return 0;
}

static int quoted_release(void **state)
{
	quoted *q = *state;

	release(&q->h);
	free(q->dir);
	free(q);
	return 0;
}

static void test_cli_controls__unknown_command_shows_every_control_it_quotes(void **state)
{
	quoted *q = *state;
	tu_run r = NETMAP(q->h.raw.ptr);
	char *expected;

	assert_int_equal(r.status, 2);
	expected = joined("netmap: unknown command '%s'\nTry 'netmap --help'\n", q->h.shown.ptr);
	assert_string_equal(r.err, expected);
	assert_string_equal(r.out, "");
	free(expected);
	tu_run_release(&r);
}

static void test_cli_controls__help_of_an_unknown_command_shows_every_control(void **state)
{
	quoted *q = *state;
	tu_run r = NETMAP("help", q->h.raw.ptr);
	char *expected;

	assert_int_equal(r.status, 2);
	expected = joined("netmap: unknown command '%s'\nTry 'netmap --help'\n", q->h.shown.ptr);
	assert_string_equal(r.err, expected);
	free(expected);
	tu_run_release(&r);
}

static void test_cli_controls__unreadable_path_shows_every_control(void **state)
{
	quoted *q = *state;
	char *missing = joined("%s/%s", q->dir, q->h.raw.ptr);
	tu_run r = NETMAP("validate", missing);
	char *expected;

	assert_int_equal(r.status, 2);
	expected = joined("netmap: cannot read '%s/%s': No such file or directory\n", q->dir,
			  q->h.shown.ptr);
	assert_string_equal(r.err, expected);
	assert_string_equal(r.out, "0 errors, 0 warnings in 0 files\n");
	free(expected);
	free(missing);
	tu_run_release(&r);
}

static void test_cli_controls__unknown_option_shows_every_control(void **state)
{
	quoted *q = *state;
	char *opt = joined("--%s", q->h.raw.ptr);
	tu_run r = NETMAP("scans", opt);
	char *expected;

	assert_int_equal(r.status, 2);
	expected = joined(
		"netmap: unknown option '--%s'\nusage: netmap scans [--db FILE] [--lang LANG]\n"
		"Try 'netmap help scans'\n",
		q->h.shown.ptr);
	assert_string_equal(r.err, expected);
	free(expected);
	free(opt);
	tu_run_release(&r);
}

static void test_cli_controls__bad_option_value_shows_every_control(void **state)
{
	quoted *q = *state;
	tu_run r = NETMAP("validate", "--today", q->h.raw.ptr, "x.yaml");
	char *expected;

	assert_int_equal(r.status, 2);
	expected = joined("netmap: --today takes a date YYYY-MM-DD, not '%s'\n"
			  "usage: netmap validate [options] PATH...\n"
			  "Try 'netmap help validate'\n",
			  q->h.shown.ptr);
	assert_string_equal(r.err, expected);
	free(expected);
	tu_run_release(&r);
}

/*
 * A valid dataset whose names, districts, theme labels and dataset name
 * hold the controls, scanned twice (the second time renamed, so that diff
 * has something to say).
 */
typedef struct store_fixture {
	char *dir, *db, *v1, *v2;
	hostile c0, c1, bidi, all;
} store_fixture;

static char *dataset_yaml(const store_fixture *s, const char *suffix)
{
	return joined(
		"netmap: 1\n"
		"dataset: \"D%s%s\"\n"
		"themes:\n"
		"  - {id: t1, label: \"T%s\"}\n"
		"actors:\n"
		"  - {id: a1, name: \"A%s%s\", type: association, district: \"%s\",\n"
		"     website: \"%s\"}\n"
		"  - {id: a2, name: \"B%s\", type: agency, themes: [t1]}\n"
		"committees:\n"
		"  - {id: k1, name: \"K%s%s\", kind: network, themes: [t1], members: [a1, a2],\n"
		"     district: \"%s\"}\n",
		s->all.yaml.ptr, suffix, s->c1.yaml.ptr, s->c0.yaml.ptr, suffix, s->bidi.yaml.ptr,
		s->c1.yaml.ptr, s->c1.yaml.ptr, s->bidi.yaml.ptr, suffix, s->c0.yaml.ptr);
}

static int fixture_make(void **state)
{
	store_fixture *s = calloc(1, sizeof(*s));
	char *text;
	tu_run r;

	if (!s)
		return -1;
	s->dir = tu_tempdir("controls-store");
	s->db = tu_path(s->dir, "n.db");
	s->v1 = tu_path(s->dir, "v1.yaml");
	s->v2 = tu_path(s->dir, "v2.yaml");
	s->c0 = make("", SET_C0);
	s->c1 = make("", SET_C1);
	s->bidi = make("", SET_BIDI);
	s->all = make("", SET_ALL);
	text = dataset_yaml(s, "");
	tu_write_file(s->v1, text);
	free(text);
	text = dataset_yaml(s, " 2");
	tu_write_file(s->v2, text);
	free(text);
	*state = s;
	r = NETMAP("scan", "--db", s->db, "--today", "2026-11-26", "--format", "json", s->v1);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	tu_run_release(&r);
	r = NETMAP("scan", "--db", s->db, "--today", "2026-11-26", s->v2);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	tu_run_release(&r);
	return 0;
}

static int fixture_release(void **state)
{
	store_fixture *s = *state;

	release(&s->c0);
	release(&s->c1);
	release(&s->bidi);
	release(&s->all);
	free(s->dir);
	free(s->db);
	free(s->v1);
	free(s->v2);
	free(s);
	return 0;
}

static void test_cli_controls__show_of_an_actor_shows_every_control(void **state)
{
	store_fixture *s = *state;
	tu_run r = NETMAP("show", "--db", s->db, "--today", "2026-11-26", "a1");
	char *expected;

	assert_int_equal(r.status, 0);
	tu_assert_golden(r.out, GOLDEN "controls-show-a1.txt");
	expected = joined("Actor: A%s 2 (a1)\n", s->c0.shown.ptr);
	assert_true(strncmp(r.out, expected, strlen(expected)) == 0);
	free(expected);
	tu_run_release(&r);
}

static void test_cli_controls__show_of_a_committee_shows_every_control(void **state)
{
	store_fixture *s = *state;
	tu_run r = NETMAP("show", "--db", s->db, "--today", "2026-11-26", "k1");
	char *expected;

	assert_int_equal(r.status, 0);
	tu_assert_golden(r.out, GOLDEN "controls-show-k1.txt");
	expected = joined("Committee: K%s 2 (k1)\n", s->bidi.shown.ptr);
	assert_true(strncmp(r.out, expected, strlen(expected)) == 0);
	free(expected);
	tu_run_release(&r);
}

static void test_cli_controls__show_of_an_unknown_id_shows_every_control(void **state)
{
	store_fixture *s = *state;
	tu_run r = NETMAP("show", "--db", s->db, s->all.raw.ptr);
	char *expected;

	assert_int_equal(r.status, 2);
	assert_string_equal(r.out, "");
	expected = joined("netmap: no actor or committee '%s' in the latest snapshot\n",
			  s->all.shown.ptr);
	assert_true(strncmp(r.err, expected, strlen(expected)) == 0);
	free(expected);
	tu_run_release(&r);
}

static void test_cli_controls__list_of_actors_shows_every_control(void **state)
{
	store_fixture *s = *state;
	tu_run r = NETMAP("list", "--db", s->db, "actors");

	assert_int_equal(r.status, 0);
	tu_assert_golden(r.out, GOLDEN "controls-list-actors.txt");
	tu_run_release(&r);
}

static void test_cli_controls__list_as_json_escapes_every_control(void **state)
{
	store_fixture *s = *state;
	tu_run r = NETMAP("list", "--db", s->db, "--format", "json", "committees");
	char *expected;

	assert_int_equal(r.status, 0);
	expected = joined("[\n  {\"id\": \"k1\", \"name\": \"K%s 2\", \"kind\": \"network\", "
			  "\"status\": \"active\", \"members\": 2}\n]\n",
			  s->bidi.json.ptr);
	assert_string_equal(r.out, expected);
	free(expected);
	tu_run_release(&r);
}

static void test_cli_controls__list_of_a_theme_with_controls_succeeds(void **state)
{
	store_fixture *s = *state;
	tu_run r = NETMAP("list", "--db", s->db, "--theme", s->all.raw.ptr, "actors");

	assert_int_equal(r.status, 0);
	tu_run_release(&r);
}

static void test_cli_controls__list_of_an_unknown_status_shows_every_control(void **state)
{
	store_fixture *s = *state;
	tu_run r = NETMAP("list", "--db", s->db, "--status", s->all.raw.ptr, "committees");
	char *expected;

	assert_int_equal(r.status, 2);
	expected = joined("netmap: unknown status '%s'\n", s->all.shown.ptr);
	assert_true(strncmp(r.err, expected, strlen(expected)) == 0);
	free(expected);
	tu_run_release(&r);
}

static void test_cli_controls__scans_show_every_control_of_the_dataset_names(void **state)
{
	store_fixture *s = *state;
	tu_run r = NETMAP("scans", "--db", s->db);
	char *expected;

	assert_int_equal(r.status, 0);
	expected = joined("  D%s\n", s->all.shown.ptr);
	assert_non_null(strstr(r.out, expected));
	free(expected);
	expected = joined("  D%s 2\n", s->all.shown.ptr);
	assert_non_null(strstr(r.out, expected));
	free(expected);
	tu_run_release(&r);
}

static void test_cli_controls__diff_text_holds_no_control(void **state)
{
	store_fixture *s = *state;
	/* The what-changed section replaces them with U+FFFD. */
	tu_run r = NETMAP("diff", "--db", s->db);

	assert_int_equal(r.status, 0);
	tu_assert_golden(r.out, GOLDEN "controls-diff.txt");
	tu_run_release(&r);
}

static void test_cli_controls__diff_json_escapes_every_control(void **state)
{
	store_fixture *s = *state;
	tu_run r = NETMAP("diff", "--db", s->db, "--format", "json");
	char *expected;

	assert_int_equal(r.status, 0);
	expected = joined("\"K%s 2\"", s->bidi.json.ptr);
	assert_non_null(strstr(r.out, expected));
	free(expected);
	tu_run_release(&r);
}

static void test_cli_controls__text_report_holds_no_control(void **state)
{
	store_fixture *s = *state;
	/* The text report replaces them with U+FFFD. */
	tu_run r = NETMAP("report", "--db", s->db, "--today", "2026-11-26");

	assert_int_equal(r.status, 0);
	tu_assert_golden(r.out, GOLDEN "controls-report.txt");
	tu_run_release(&r);
}

static void test_cli_controls__coloured_report_holds_only_its_own_colours(void **state)
{
	store_fixture *s = *state;
	tu_run r;

	/* In colour, the only escape sequences are the report's own colours. */
	tu_netmap(&r, NULL,
		  (const char *const[]){"report", "--db", s->db, "--today", "2026-11-26", "--color",
					"always", NULL});
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "\033[1m"));
	for (char *p = strchr(r.out, '\033'); p; p = strchr(p, '\033')) {
		size_t n = 2;
		assert_true(p[1] == '[');
		while (strchr("0123456789;", p[n]) && p[n])
			n++;
		assert_int_equal(p[n], 'm');
		memset(p, ' ', n + 1);
	}
	assert_no_controls("coloured report", r.out, false);
	tu_run_release(&r);
}

static void test_cli_controls__json_report_escapes_every_control(void **state)
{
	store_fixture *s = *state;
	tu_run r = NETMAP("report", "--db", s->db, "--today", "2026-11-26", "--format", "json");
	char *expected;

	assert_int_equal(r.status, 0);
	expected = joined("\"dataset\": \"D%s 2\"", s->all.json.ptr);
	assert_non_null(strstr(r.out, expected));
	free(expected);
	tu_run_release(&r);
}

#define QUOTED(test) cmocka_unit_test_setup_teardown(test, quoted_argument, quoted_release)
#define STORED(test) cmocka_unit_test_setup_teardown(test, fixture_make, fixture_release)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cli_controls__validate_text_shows_every_control),
		cmocka_unit_test(test_cli_controls__validate_json_escapes_every_control),
		cmocka_unit_test(test_cli_controls__validate_github_shows_every_control),
		cmocka_unit_test(test_cli_controls__scan_shows_every_control_on_stderr),
		QUOTED(test_cli_controls__unknown_command_shows_every_control_it_quotes),
		QUOTED(test_cli_controls__help_of_an_unknown_command_shows_every_control),
		QUOTED(test_cli_controls__unreadable_path_shows_every_control),
		QUOTED(test_cli_controls__unknown_option_shows_every_control),
		QUOTED(test_cli_controls__bad_option_value_shows_every_control),
		STORED(test_cli_controls__show_of_an_actor_shows_every_control),
		STORED(test_cli_controls__show_of_a_committee_shows_every_control),
		STORED(test_cli_controls__show_of_an_unknown_id_shows_every_control),
		STORED(test_cli_controls__list_of_actors_shows_every_control),
		STORED(test_cli_controls__list_as_json_escapes_every_control),
		STORED(test_cli_controls__list_of_a_theme_with_controls_succeeds),
		STORED(test_cli_controls__list_of_an_unknown_status_shows_every_control),
		STORED(test_cli_controls__scans_show_every_control_of_the_dataset_names),
		STORED(test_cli_controls__diff_text_holds_no_control),
		STORED(test_cli_controls__diff_json_escapes_every_control),
		STORED(test_cli_controls__text_report_holds_no_control),
		STORED(test_cli_controls__coloured_report_holds_only_its_own_colours),
		STORED(test_cli_controls__json_report_escapes_every_control),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
