/*
 * test_hostile.c: hostile YAML (issue 5, item 2), each case with the
 * problem netmap reports, in bounded time and memory: alias bombs of
 * several shapes, aliases to anchors that do not exist (yet), deep nesting
 * of every collection style, huge scalars, invalid UTF-8 and NUL bytes in
 * their less obvious forms, duplicate keys that are spelt differently,
 * merge keys, tags, complex keys and anchors on keys. docs/format.md
 * ("Hostile files") says what netmap does with each; test_loader.c and
 * test_validate.c hold the plain cases, which are not repeated here.
 *
 * Every case runs through the loader and the validator, as `netmap
 * validate` does, and must finish within TIME_LIMIT seconds even under
 * ASan; the whole suite must stay below MAX_RSS_MB of memory.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "netmap/buf.h"
#include "testutil.h"

#define TIME_LIMIT 5.0  /* seconds for one case, under ASan on a busy machine */
#define MAX_RSS_MB 1024 /* the whole suite, 16 MiB scalars included */

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * Load and validate len bytes as t.yaml; return the problems as
 * "line:col: rule: message" lines, and the dataset in *out when wanted.
 */
static char *check_len(const char *yaml, size_t len, nm_dataset **out)
{
	tu_data t;
	nm_buf b = NM_BUF_INIT;
	double start = now(), took;

	tu_validate(&t, &yaml, &len, 1, "2026-11-26", 0);
	took = now() - start;
	if (took > TIME_LIMIT)
		fail_msg("took %.2f s, more than %.1f s", took, TIME_LIMIT);
	nm_diags_sort(&t.diags);
	for (size_t i = 0; i < t.diags.n; i++)
		nm_buf_printf(&b, "%u:%u: %s: %s\n", t.diags.items[i].line, t.diags.items[i].col,
			      t.diags.items[i].rule, t.diags.items[i].message);
	if (out) {
		*out = t.ds;
		t.ds = NULL;
	}
	tu_data_release(&t);
	return nm_buf_detach(&b);
}

static void expect(const char *yaml, const char *problems)
{
	char *got = check_len(yaml, strlen(yaml), NULL);
	assert_string_equal(got, problems);
	free(got);
}

static void expect_buf(const nm_buf *yaml, const char *problems)
{
	char *got = check_len(yaml->ptr, yaml->len, NULL);
	assert_string_equal(got, problems);
	free(got);
}

/* ---- alias bombs -------------------------------------------------------- */

static void test_hostile__alias_bomb_of_mappings(void **state)
{
	nm_buf b = NM_BUF_INIT;

	/* Nine levels of mappings of ten aliases each: 10^9 nodes expanded. */
	nm_buf_puts(&b, "x-l0: &l0 {k0: a, k1: a, k2: a, k3: a, k4: a, k5: a, k6: a, k7: a,"
			" k8: a, k9: a}\n");
	for (int i = 1; i < 9; i++) {
		nm_buf_printf(&b, "x-l%d: &l%d {", i, i);
		for (int k = 0; k < 10; k++)
			nm_buf_printf(&b, "%sk%d: *l%d", k ? ", " : "", k, i - 1);
		nm_buf_puts(&b, "}\n");
	}
	expect_buf(&b, "6:43: alias-budget: aliases expand to more than 1000000 nodes\n");
	nm_buf_release(&b);
}

static void test_hostile__alias_bomb_wide_and_flat(void **state)
{
	nm_buf b = NM_BUF_INIT;

	/* One anchor of 1001 nodes, aliased 1000 times in one flat list. */
	nm_buf_puts(&b, "x-base: &b [");
	for (int i = 0; i < 1000; i++)
		nm_buf_puts(&b, i ? ", z" : "z");
	nm_buf_puts(&b, "]\nx-bomb:\n");
	for (int i = 0; i < 1000; i++)
		nm_buf_puts(&b, "  - *b\n");
	/* 999 aliases fit (999 * 1001 < 10^6); the 1000th, on line 1002, does not. */
	expect_buf(&b, "1002:5: alias-budget: aliases expand to more than 1000000 nodes\n");
	nm_buf_release(&b);
}

static void test_hostile__alias_bomb_inside_records(void **state)
{
	nm_buf b = NM_BUF_INIT;

	/* The budget counts in data and x- keys alike, wherever the aliases are. */
	nm_buf_puts(&b, "actors:\n  - id: a\n    name: n\n    type: club\n"
			"    x-0: &m0 [q, q, q, q, q, q, q, q, q, q]\n");
	for (int i = 1; i < 8; i++)
		nm_buf_printf(&b,
			      "    x-%d: &m%d [*m%d, *m%d, *m%d, *m%d, *m%d, *m%d, *m%d, *m%d,"
			      " *m%d, *m%d]\n",
			      i, i, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1,
			      i - 1);
	{
		char *got = check_len(b.ptr, b.len, NULL);
		assert_non_null(
			strstr(got, "alias-budget: aliases expand to more than 1000000 nodes\n"));
		free(got);
	}
	nm_buf_release(&b);
}

static void test_hostile__alias_budget_counts_per_file_not_per_document(void **state)
{
	nm_buf b = NM_BUF_INIT;

	/* Each document alone stays under the budget (600,600 nodes); both do not. */
	for (int doc = 0; doc < 2; doc++) {
		nm_buf_puts(&b, "---\nx-base: &b [");
		for (int i = 0; i < 1000; i++)
			nm_buf_puts(&b, i ? ", z" : "z");
		nm_buf_puts(&b, "]\nx-copies: [");
		for (int i = 0; i < 600; i++)
			nm_buf_puts(&b, i ? ", *b" : "*b");
		nm_buf_puts(&b, "]\n");
	}
	expect_buf(&b, "6:1608: alias-budget: aliases expand to more than 1000000 nodes\n");
	nm_buf_release(&b);
}

static void test_hostile__many_small_aliases_are_fine_and_fast(void **state)
{
	nm_buf b = NM_BUF_INIT;

	/* 400,000 aliases of one scalar: within the budget, in linear time. */
	nm_buf_puts(&b, "x-s: &s z\nx-many: [");
	for (int i = 0; i < 400000; i++)
		nm_buf_puts(&b, i ? ",*s" : "*s");
	nm_buf_puts(&b, "]\n");
	expect_buf(&b, "");
	nm_buf_release(&b);
}

/* ---- anchors that are not there ----------------------------------------- */

static void test_hostile__alias_inside_its_own_anchor(void **state)
{
	/* A cycle would need the anchor to be known inside itself: it is not. */
	expect("x-a: &a [1, *a]\n", "1:13: alias: alias '*a' refers to no anchor\n");
	expect("x-m: &m {self: *m}\n", "1:16: alias: alias '*m' refers to no anchor\n");
}

static void test_hostile__alias_before_its_anchor(void **state)
{
	expect("x-a: *later\nx-b: &later 1\n", "1:6: alias: alias '*later' refers to no anchor\n");
}

static void test_hostile__anchors_do_not_cross_documents(void **state)
{
	expect("x-a: &a 1\n---\nx-b: *a\n", "3:6: alias: alias '*a' refers to no anchor\n");
}

static void test_hostile__a_redefined_anchor_means_the_latest(void **state)
{
	nm_dataset *ds;
	char *got = check_len("x-1: &n first\nx-2: &n Zweiter\nactors:\n"
			      "  - {id: a, name: *n, type: club}\n",
			      strlen("x-1: &n first\nx-2: &n Zweiter\nactors:\n"
				     "  - {id: a, name: *n, type: club}\n"),
			      &ds);

	assert_string_equal(got, "");
	assert_int_equal(ds->nactors, 1);
	assert_string_equal(ds->actors[0].name, "Zweiter");
	free(got);
	nm_dataset_free(ds);
}

/* ---- nesting -------------------------------------------------------------- */

static void test_hostile__deep_flow_mappings(void **state)
{
	nm_buf b = NM_BUF_INIT;

	for (int i = 0; i < 100000; i++)
		nm_buf_puts(&b, "{a: ");
	expect_buf(&b, "1:257: nesting: nesting deeper than 64 levels\n");
	nm_buf_release(&b);
}

static void test_hostile__deep_block_sequences(void **state)
{
	nm_buf b = NM_BUF_INIT;

	for (int i = 0; i < 80; i++)
		nm_buf_printf(&b, "%*s-\n", i * 2, "");
	expect_buf(&b, "65:129: nesting: nesting deeper than 64 levels\n");
	nm_buf_release(&b);
}

static void test_hostile__deep_nesting_mixed_and_under_x_keys(void **state)
{
	nm_buf b = NM_BUF_INIT;

	/* Block mappings, then flow lists, all below an x- key: still limited. */
	nm_buf_puts(&b, "x-deep:\n");
	for (int i = 1; i < 40; i++)
		nm_buf_printf(&b, "%*sk:\n", i * 2, "");
	nm_buf_printf(&b, "%*s", 80, "");
	for (int i = 0; i < 40; i++)
		nm_buf_putc(&b, '[');
	expect_buf(&b, "41:105: nesting: nesting deeper than 64 levels\n");
	nm_buf_release(&b);
}

static void test_hostile__nesting_at_the_limit_is_read(void **state)
{
	nm_buf b = NM_BUF_INIT;

	/* 64 collections: the top mapping, x-d's 63 lists. */
	nm_buf_puts(&b, "x-d: ");
	for (int i = 0; i < 63; i++)
		nm_buf_putc(&b, '[');
	for (int i = 0; i < 63; i++)
		nm_buf_putc(&b, ']');
	nm_buf_putc(&b, '\n');
	expect_buf(&b, "");
	nm_buf_release(&b);
}

/* ---- huge scalars ------------------------------------------------------- */

static void test_hostile__huge_scalar_is_read_in_linear_time(void **state)
{
	nm_buf b = NM_BUF_INIT;
	nm_dataset *ds;
	char *got;
	size_t big = (size_t)16 << 20; /* 16 MiB */

	nm_buf_puts(&b, "actors:\n  - {id: a, type: club, name: \"");
	for (size_t i = 0; i < big / 16; i++)
		nm_buf_puts(&b, "Verein f\xC3\xBCr Weis");
	nm_buf_puts(&b, "\"}\n");
	got = check_len(b.ptr, b.len, &ds);
	assert_string_equal(got, "");
	assert_int_equal(strlen(ds->actors[0].name), big);
	free(got);
	nm_dataset_free(ds);
	nm_buf_release(&b);
}

static void test_hostile__huge_unknown_key_and_bad_id_are_reported(void **state)
{
	nm_buf b = NM_BUF_INIT;
	char *got;

	/*
	 * A megabyte of key (explicit: libyaml allows 1024 characters for an
	 * implicit one) and of id: no suggestion is computed for either.
	 */
	nm_buf_puts(&b, "? ");
	for (int i = 0; i < (1 << 20); i++)
		nm_buf_putc(&b, 'k');
	nm_buf_puts(&b, "\n: 1\nactors:\n  - {id: ");
	for (int i = 0; i < (1 << 20); i++)
		nm_buf_putc(&b, 'i');
	nm_buf_puts(&b, ", name: n, type: club}\n");
	got = check_len(b.ptr, b.len, NULL);
	assert_non_null(strstr(got, "1:3: unknown-key: unknown key 'kkkk"));
	assert_non_null(strstr(got, ": invalid id 'iiii"));
	assert_null(strstr(got, "did you mean"));
	free(got);
	nm_buf_release(&b);
}

static void test_hostile__aliases_of_a_huge_scalar_do_not_multiply_messages(void **state)
{
	nm_buf b = NM_BUF_INIT;
	char *got;

	/*
	 * The alias budget counts nodes, not bytes: twenty aliases of a 1 MiB
	 * scalar cost twenty nodes. Each one is an unknown member; if every
	 * message quoted the whole id, a 1 MiB file would make 20 MiB of
	 * messages (and, with the 10^6 aliases the budget allows, a terabyte).
	 * Messages must stay smaller than the file.
	 */
	nm_buf_puts(&b, "x-big: &b ");
	for (int i = 0; i < (1 << 20); i++)
		nm_buf_putc(&b, 'i');
	nm_buf_puts(&b, "\ncommittees:\n  - {id: c, name: n, kind: network, members: [");
	for (int i = 0; i < 20; i++)
		nm_buf_puts(&b, i ? ", *b" : "*b");
	nm_buf_puts(&b, "]}\n");
	got = check_len(b.ptr, b.len, NULL);
	{
		size_t n = strlen(got), len = b.len;
		free(got);
		nm_buf_release(&b);
		if (n > len)
			fail_msg("%zu bytes of messages for a file of %zu bytes", n, len);
	}
}

/* ---- encoding ------------------------------------------------------------ */

static void test_hostile__invalid_utf8_in_every_shape(void **state)
{
	expect("a: x\xE2\x82\n", "1:5: encoding: invalid UTF-8 byte 0xe2\n"); /* cut short */
	expect("a: \x80x\n", "1:4: encoding: invalid UTF-8 byte 0x80\n"); /* lone continuation */
	expect("a: \xF4\x90\x80\x80\n",
	       "1:4: encoding: invalid UTF-8 byte 0xf4\n"); /* above U+10FFFF */
	expect("a: \xF8\x88\x80\x80\x80\n",
	       "1:4: encoding: invalid UTF-8 byte 0xf8\n"); /* five bytes */
	expect("a: \xE0\x80\xAF\n",
	       "1:4: encoding: invalid UTF-8 byte 0xe0\n"); /* overlong, 3 bytes */
	expect("k: v\nx: \xE2\x82", "2:4: encoding: invalid UTF-8 byte 0xe2\n"); /* at the end */
}

static void test_hostile__escapes_cannot_make_invalid_text(void **state)
{
	/* A surrogate or a code point past U+10FFFF written as an escape. */
	expect("x-a: \"\\ud800\"\n",
	       "1:9: yaml-syntax: YAML syntax error: found invalid Unicode character escape code"
	       " while parsing a quoted scalar\n");
	expect("x-a: \"\\U00110000\"\n",
	       "1:9: yaml-syntax: YAML syntax error: found invalid Unicode character escape code"
	       " while parsing a quoted scalar\n");
}

static void test_hostile__nul_at_the_end_of_a_file(void **state)
{
	char *got = check_len("a: 1\n\0", 6, NULL);
	assert_string_equal(got, "2:1: encoding: NUL byte in file\n");
	free(got);
}

static void test_hostile__nul_written_as_an_escape_is_an_error(void **state)
{
	/*
	 * "\0" is a NUL byte once unescaped. Kept, it would cut the string
	 * short where C reads it: 'actors\0x' would be read as 'actors' and a
	 * name would silently lose its end. It must be an error like a raw NUL.
	 */
	static const char *const cases[] = {
		"actors:\n  - {id: a, name: \"x\\0y\", type: club}\n",
		"\"actors\\0x\": []\nactors: []\n",
	};

	for (size_t i = 0; i < 2; i++) {
		char *got = check_len(cases[i], strlen(cases[i]), NULL);
		bool reported = strstr(got, "NUL") != NULL;
		free(got);
		if (!reported)
			fail_msg("a NUL written as \\0 was not reported in case %zu", i + 1);
	}
}

/* ---- keys ---------------------------------------------------------------- */

static void test_hostile__duplicate_keys_spelt_differently(void **state)
{
	/* Quoted, escaped and plain spellings of one key are one key. */
	expect("x-a: 1\n'x-a': 2\n",
	       "2:1: duplicate-key: duplicate key 'x-a', first at line 1, column 1\n");
	expect("\"x-\\x61\": 1\nx-a: 2\n",
	       "2:1: duplicate-key: duplicate key 'x-a', first at line 1, column 1\n");
	/*
	 * A key written as an alias of an earlier key is a duplicate too. The
	 * alias is the anchored node itself, so the problem is reported where
	 * the anchor stands (1:1), not at the alias (2:1).
	 */
	expect("&k x-a: 1\n*k : 2\n",
	       "1:1: duplicate-key: duplicate key 'x-a', first at line 1, column 1\n");
}

static void test_hostile__duplicate_keys_inside_records(void **state)
{
	expect("actors:\n  - {id: a, name: n, type: club, name: m}\n",
	       "2:34: duplicate-key: duplicate key 'name', first at line 2, column 13\n");
}

static void test_hostile__complex_keys_of_every_shape(void **state)
{
	expect("{a: 1}: x\n",
	       "1:1: node-type: complex keys (a mapping or list as a key) are not supported\n");
	expect("? - a\n  - b\n: x\n",
	       "1:3: node-type: complex keys (a mapping or list as a key) are not supported\n");
	/* An alias of a mapping as a key: reported where the mapping stands. */
	expect("x-m: &m {a: 1}\n*m : x\n",
	       "1:6: node-type: complex keys (a mapping or list as a key) are not supported\n");
}

static void test_hostile__anchors_on_keys_are_read(void **state)
{
	/* An anchor on a key is allowed; the key is what it says. */
	nm_dataset *ds;
	char *got = check_len("&top actors:\n  - {&i id: a, name: n, type: club}\n",
			      strlen("&top actors:\n  - {&i id: a, name: n, type: club}\n"), &ds);

	assert_string_equal(got, "");
	assert_int_equal(ds->nactors, 1);
	free(got);
	nm_dataset_free(ds);
}

/* ---- merge keys and tags ------------------------------------------------------ */

static void test_hostile__merge_keys_are_rejected(void **state)
{
	expect("x-base: &base {type: club}\nactors:\n  - <<: *base\n    id: a\n    name: n\n",
	       "3:5: merge-key: YAML merge keys ('<<') are not supported\n"
	       "3:5: required: actor is missing required field 'type'\n");
	/* Quoted, '<<' is an ordinary (unknown) key. */
	expect("actors:\n  - {'<<': x, id: a, name: n, type: club}\n",
	       "2:6: unknown-key: unknown key '<<' in actor\n");
}

static void test_hostile__merge_keys_under_x_keys_are_left_alone(void **state)
{
	expect("x-base: &b {a: 1}\nx-more:\n  <<: *b\n  c: 2\n", "");
}

static void test_hostile__tags_outside_x_keys_are_errors(void **state)
{
	expect("actors:\n  - {id: a, name: !!binary aGk=, type: club}\n",
	       "2:19: tag: tags are not supported outside x- keys: '!!binary'\n");
	expect("actors: !list\n  - {id: a, name: n, type: !!str club}\n",
	       "1:9: tag: tags are not supported outside x- keys: '!list'\n"
	       "2:28: tag: tags are not supported outside x- keys: '!!str'\n");
	/* On a key, on the whole document, and through a %TAG directive. */
	expect("!k actors: []\n", "1:1: tag: tags are not supported outside x- keys: '!k'\n");
	expect("--- !netmap\nactors: []\n",
	       "1:5: tag: tags are not supported outside x- keys: '!netmap'\n");
	expect("%TAG !e! tag:example.org,2026:\n---\nactors: !e!people []\n",
	       "3:9: tag: tags are not supported outside x- keys: 'tag:example.org,2026:people'\n");
}

static void test_hostile__tags_inside_x_keys_are_allowed(void **state)
{
	expect("x-blob: !!binary aGk=\n"
	       "x-tree: !custom {a: !!str b, c: [!!int 1, !other {d: !!null ~}]}\n"
	       "actors:\n  - {id: a, name: n, type: club, x-raw: !!binary aGk=}\n",
	       "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hostile__alias_bomb_of_mappings),
		cmocka_unit_test(test_hostile__alias_bomb_wide_and_flat),
		cmocka_unit_test(test_hostile__alias_bomb_inside_records),
		cmocka_unit_test(test_hostile__alias_budget_counts_per_file_not_per_document),
		cmocka_unit_test(test_hostile__many_small_aliases_are_fine_and_fast),
		cmocka_unit_test(test_hostile__alias_inside_its_own_anchor),
		cmocka_unit_test(test_hostile__alias_before_its_anchor),
		cmocka_unit_test(test_hostile__anchors_do_not_cross_documents),
		cmocka_unit_test(test_hostile__a_redefined_anchor_means_the_latest),
		cmocka_unit_test(test_hostile__deep_flow_mappings),
		cmocka_unit_test(test_hostile__deep_block_sequences),
		cmocka_unit_test(test_hostile__deep_nesting_mixed_and_under_x_keys),
		cmocka_unit_test(test_hostile__nesting_at_the_limit_is_read),
		cmocka_unit_test(test_hostile__huge_scalar_is_read_in_linear_time),
		cmocka_unit_test(test_hostile__huge_unknown_key_and_bad_id_are_reported),
		cmocka_unit_test(test_hostile__aliases_of_a_huge_scalar_do_not_multiply_messages),
		cmocka_unit_test(test_hostile__invalid_utf8_in_every_shape),
		cmocka_unit_test(test_hostile__escapes_cannot_make_invalid_text),
		cmocka_unit_test(test_hostile__nul_at_the_end_of_a_file),
		cmocka_unit_test(test_hostile__nul_written_as_an_escape_is_an_error),
		cmocka_unit_test(test_hostile__duplicate_keys_spelt_differently),
		cmocka_unit_test(test_hostile__duplicate_keys_inside_records),
		cmocka_unit_test(test_hostile__complex_keys_of_every_shape),
		cmocka_unit_test(test_hostile__anchors_on_keys_are_read),
		cmocka_unit_test(test_hostile__merge_keys_are_rejected),
		cmocka_unit_test(test_hostile__merge_keys_under_x_keys_are_left_alone),
		cmocka_unit_test(test_hostile__tags_outside_x_keys_are_errors),
		cmocka_unit_test(test_hostile__tags_inside_x_keys_are_allowed),
	};
	struct rusage ru;
	int failed = cmocka_run_group_tests(tests, NULL, NULL);

	getrusage(RUSAGE_SELF, &ru);
	if (ru.ru_maxrss / 1024 > MAX_RSS_MB) {
		fprintf(stderr, "test_hostile: peak memory %ld MiB, more than %d MiB\n",
			ru.ru_maxrss / 1024, MAX_RSS_MB);
		failed++;
	}
	return failed;
}
