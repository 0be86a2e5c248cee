/*
 * test_json.c: the JSON pieces. Writing: string escaping (controls,
 * quotes, broken UTF-8) and three-decimal fractions. Reading: the tree of
 * a document, escapes and surrogate pairs decoded, the root keys a caller
 * skips left unbuilt, and every broken or too deep document refused; a
 * list of strings streamed without a tree (the store's theme lists).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netmap/buf.h"
#include "netmap/json.h"

/* ------------------------------------------------------------ writing */

static void expect_str(const char *in, const char *want)
{
	nm_buf b = NM_BUF_INIT;

	nm_json_str(&b, in);
	assert_string_equal(nm_buf_cstr(&b), want);
	nm_buf_release(&b);
}

static void expect_fraction(uint64_t num, uint64_t den, const char *want)
{
	nm_buf b = NM_BUF_INIT;

	nm_json_fraction(&b, num, den);
	assert_string_equal(nm_buf_cstr(&b), want);
	nm_buf_release(&b);
}

static void strings_are_quoted_and_escaped(void **state)
{
	(void)state;
	expect_str("plain", "\"plain\"");
	expect_str("say \"hi\" \\ bye", "\"say \\\"hi\\\" \\\\ bye\"");
	expect_str("a\nb\tc\rd", "\"a\\nb\\tc\\rd\"");
	expect_str("\x1b]0;x\a\x7f", "\"\\u001b]0;x\\u0007\\u007f\"");
	expect_str("Straße", "\"Straße\"");
	expect_str(NULL, "null");
}

static void broken_utf8_becomes_the_replacement_character(void **state)
{
	(void)state;
	expect_str("a\xff"
		   "b",
		   "\"a\\ufffdb\"");
	expect_str("\xc3", "\"\\ufffd\"");
}

static void fractions_have_at_most_three_decimals(void **state)
{
	(void)state;
	expect_fraction(2, 3, "0.667");
	expect_fraction(1, 2, "0.5");
	expect_fraction(3, 3, "1.0");
	expect_fraction(0, 5, "0.0");
	expect_fraction(1, 0, "0.0");
	expect_fraction(1, 8, "0.125");
	expect_fraction(1, 2000, "0.001"); /* half up */
}

/* ------------------------------------------------------------ reading */

static void a_document_becomes_a_tree(void **state)
{
	nm_json root;
	const nm_json *list;

	(void)state;
	assert_int_equal(nm_json_parse(" {\"a\": [\"x\", 1, -2.5e3, true, false, null],"
				       " \"b\": {\"c\": \"d\"}, \"e\": []} ",
				       &root, NULL),
			 0);
	assert_int_equal(root.type, NM_JSON_OBJ);
	assert_int_equal(root.n, 3);
	list = nm_json_get(&root, "a");
	assert_non_null(list);
	assert_int_equal(nm_json_len(list), 6);
	assert_string_equal(nm_json_string(nm_json_at(list, 0)), "x");
	assert_int_equal(nm_json_at(list, 1)->type, NM_JSON_NUM);
	assert_int_equal(nm_json_at(list, 2)->type, NM_JSON_NUM);
	assert_true(nm_json_true(nm_json_at(list, 3)));
	assert_false(nm_json_true(nm_json_at(list, 4)));
	assert_int_equal(nm_json_at(list, 4)->type, NM_JSON_BOOL);
	assert_int_equal(nm_json_at(list, 5)->type, NM_JSON_NULL);
	assert_null(nm_json_at(list, 6));
	assert_null(nm_json_string(nm_json_at(list, 1)));
	assert_string_equal(nm_json_string(nm_json_get(nm_json_get(&root, "b"), "c")), "d");
	assert_int_equal(nm_json_len(nm_json_get(&root, "e")), 0);
	assert_non_null(nm_json_get(&root, "e"));
	assert_null(nm_json_get(&root, "missing"));
	assert_null(nm_json_get(list, "a"));     /* an array has no keys */
	assert_int_equal(nm_json_len(&root), 0); /* an object is no array */
	nm_json_free(&root);
	assert_int_equal(root.type, NM_JSON_NULL);
	assert_int_equal(root.n, 0);
}

static void escapes_are_decoded(void **state)
{
	nm_json v;

	(void)state;
	assert_int_equal(
		nm_json_parse("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e4\\u20ac\"", &v, NULL), 0);
	assert_string_equal(nm_json_string(&v), "q\" b\\ s/ \b\f\n\r\t ä€");
	nm_json_free(&v);
	/* A surrogate pair is one character; a lone surrogate is U+FFFD. */
	assert_int_equal(nm_json_parse("[\"\\ud83d\\ude00\", \"\\ud800x\", \"\"]", &v, NULL), 0);
	assert_string_equal(nm_json_string(nm_json_at(&v, 0)), "\xf0\x9f\x98\x80");
	assert_string_equal(nm_json_string(nm_json_at(&v, 1)), "\xef\xbf\xbdx");
	assert_string_equal(nm_json_string(nm_json_at(&v, 2)), "");
	nm_json_free(&v);
}

static void skipped_root_keys_are_not_built(void **state)
{
	static const char *const skip[] = {"big", "other", NULL};
	nm_json root;

	(void)state;
	assert_int_equal(nm_json_parse("{\"big\": {\"x\": [1, \"]}\\\"\", {\"y\": []}]},"
				       " \"keep\": \"k\", \"other\": 5,"
				       " \"nested\": {\"big\": \"inner\"}}",
				       &root, skip),
			 0);
	assert_int_equal(root.n, 2);
	assert_null(nm_json_get(&root, "big"));
	assert_null(nm_json_get(&root, "other"));
	assert_string_equal(nm_json_string(nm_json_get(&root, "keep")), "k");
	/* Only the root's keys are skipped. */
	assert_string_equal(nm_json_string(nm_json_get(nm_json_get(&root, "nested"), "big")),
			    "inner");
	nm_json_free(&root);
	/* A skipped value must still be whole. */
	assert_int_equal(nm_json_parse("{\"big\": [1, 2}", &root, skip), -1);
}

static void broken_documents_are_refused(void **state)
{
	static const char *const bad[] = {
		"",       "   ",    "{",        "[1,]",      "[1 2]",      "{\"a\" 1}", "{\"a\":}",
		"{1: 2}", "\"open", "\"a\\x\"", "\"\\u12\"", "tru",        "nul",       "-",
		"[1]]",   "{} {}",  "\"a\nb\"", "[\"a\"",    "{\"a\":1,}", "x",
	};
	nm_json v;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (nm_json_parse(bad[i], &v, NULL) != -1)
			fail_msg("accepted \"%s\"", bad[i]);
		assert_int_equal(v.type, NM_JSON_NULL);
		assert_int_equal(v.n, 0);
	}
}

/* Collects the strings nm_json_strings hands out, "|"-joined; "stop" refuses. */
static int collect(void *ctx, const char *s, size_t len)
{
	nm_buf *b = ctx;

	if (len == 4 && memcmp(s, "stop", 4) == 0)
		return -1;
	if (b->len)
		nm_buf_putc(b, '|');
	nm_buf_put(b, s, len);
	return 0;
}

static void expect_strings(const char *json, int rc, const char *want)
{
	nm_buf got = NM_BUF_INIT, scratch = NM_BUF_INIT;

	assert_int_equal(nm_json_strings(json, &scratch, collect, &got), rc);
	assert_string_equal(nm_buf_cstr(&got), want);
	nm_buf_release(&got);
	nm_buf_release(&scratch);
}

static void a_list_of_strings_streams_without_a_tree(void **state)
{
	(void)state;
	expect_strings("[\"counselling\",\"language\"]", 0, "counselling|language");
	expect_strings(" [ \"a\" , \"b\\u00e4\\n\" , \"\" ] ", 0, "a|b\u00e4\n|");
	expect_strings("[]", 0, "");
	expect_strings("[\"a\",]", -1, "a");
	expect_strings("[\"a\" \"b\"]", -1, "a");
	expect_strings("[1]", -1, "");
	expect_strings("[\"a\"] x", -1, "a");
	expect_strings("\"a\"", -1, "");
	expect_strings("[\"a\\q\"]", -1, "");
	expect_strings("[\"a\", \"stop\", \"b\"]", -1, "a");
}

static void nesting_is_limited(void **state)
{
	char deep[2 * NM_JSON_MAX_DEPTH + 8];
	nm_json v;
	size_t n = 0;

	(void)state;
	for (int i = 0; i < NM_JSON_MAX_DEPTH; i++)
		deep[n++] = '[';
	for (int i = 0; i < NM_JSON_MAX_DEPTH; i++)
		deep[n++] = ']';
	deep[n] = '\0';
	assert_int_equal(nm_json_parse(deep, &v, NULL), 0);
	nm_json_free(&v);

	n = 0;
	for (int i = 0; i <= NM_JSON_MAX_DEPTH; i++)
		deep[n++] = '[';
	for (int i = 0; i <= NM_JSON_MAX_DEPTH; i++)
		deep[n++] = ']';
	deep[n] = '\0';
	assert_int_equal(nm_json_parse(deep, &v, NULL), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(strings_are_quoted_and_escaped),
		cmocka_unit_test(broken_utf8_becomes_the_replacement_character),
		cmocka_unit_test(fractions_have_at_most_three_decimals),
		cmocka_unit_test(a_document_becomes_a_tree),
		cmocka_unit_test(escapes_are_decoded),
		cmocka_unit_test(skipped_root_keys_are_not_built),
		cmocka_unit_test(broken_documents_are_refused),
		cmocka_unit_test(nesting_is_limited),
		cmocka_unit_test(a_list_of_strings_streams_without_a_tree),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
