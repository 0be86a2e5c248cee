/*
 * test_diag_words.c: the German of the problems validation finds
 * (--lang de): both formats of a row take the same conversions, the words
 * of the messages are said in German and data is quoted as it is, and
 * only the text format is German (contract 2.7).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "diag_words.h"
#include "netmap/buf.h"
#include "netmap/diag.h"
#include "testutil.h"

#define SRC NETMAP_SOURCE_DIR

/* The conversions of a format, in order, as one string: "%s%u%02x". */
static void conversions(const char *fmt, nm_buf *out)
{
	for (const char *p = fmt; *p; p++) {
		if (*p != '%')
			continue;
		nm_buf_putc(out, '%');
		while (*++p && strchr("0123456789-+ #.lz", *p))
			nm_buf_putc(out, *p);
		nm_buf_putc(out, *p);
		if (!*p)
			break;
	}
}

static void test_diag_words__every_german_format_takes_the_english_conversions(void **state)
{
	(void)state;
	assert_true(nm_diag_words_count() > 50);
	for (size_t i = 0; i < nm_diag_words_count(); i++) {
		nm_buf en = NM_BUF_INIT, de = NM_BUF_INIT;

		conversions(nm_diag_words_at(i, 0), &en);
		conversions(nm_diag_words_at(i, 1), &de);
		if (strcmp(nm_buf_cstr(&en), nm_buf_cstr(&de)) != 0)
			fail_msg("'%s' takes %s, its German %s", nm_diag_words_at(i, 0),
				 nm_buf_cstr(&en), nm_buf_cstr(&de));
		/* the German formatter knows %s, %d, %u, %02x and %% */
		for (const char *p = nm_buf_cstr(&de); *p; p++)
			if (*p == '%' && !strchr("sdu%", p[1]) && strncmp(p + 1, "02x", 3) != 0)
				fail_msg("'%s' has a conversion the German formatter lacks",
					 nm_diag_words_at(i, 1));
		nm_buf_release(&en);
		nm_buf_release(&de);
	}
}

static void test_diag_words__a_problem_keeps_its_english_and_gets_its_german(void **state)
{
	nm_diags d;

	(void)state;
	nm_diags_init(&d);
	nm_diags_add(&d, NM_SEV_ERROR, "node-type", 0, 1, 1, "expected a list for '%s', found %s",
		     "a text", "a text");
	nm_diags_add(&d, NM_SEV_ERROR, "enum", 0, 2, 1, "unknown %s '%s'", "role", "chef");
	nm_diags_add(&d, NM_SEV_ERROR, "encoding", 0, 3, 1, "invalid UTF-8 byte 0x%02x", 0xE4u);
	nm_diags_add(&d, NM_SEV_WARNING, "x", 0, 4, 1, "a message without German: %s", "x");
	assert_string_equal(nm_diag_text(&d.items[0], 0),
			    "expected a list for 'a text', found a text");
	/* the quoted value is data; the word after "found" is the message's own */
	assert_string_equal(nm_diag_text(&d.items[0], 1),
			    "für 'a text' wird eine Liste erwartet, gefunden: ein Text");
	assert_string_equal(nm_diag_text(&d.items[1], 1), "Rolle 'chef' ist unbekannt");
	assert_string_equal(nm_diag_text(&d.items[2], 1), "ungültiges UTF-8-Byte 0xe4");
	assert_string_equal(nm_diag_text(&d.items[3], 1), "a message without German: x");
	nm_diags_add(&d, NM_SEV_ERROR, "required", 0, 5, 1, "%s is missing required field '%s'",
		     "committee", "name");
	assert_string_equal(nm_diag_text(&d.items[4], 1), "Gremium: Pflichtfeld 'name' fehlt");
	nm_diags_release(&d);
}

static void test_diag_words__validate_in_german_says_the_problems_in_german(void **state)
{
	static const char *const args[] = {"validate", "--today", "2026-11-26",
					   "--lang",   "de",      "tests/data/cli/broken.yaml",
					   NULL};
	tu_run r;

	(void)state;
	tu_netmap(&r, SRC, args);
	assert_int_equal(r.status, 1);
	assert_string_equal(
		r.out,
		"tests/data/cli/broken.yaml:3:28: error: Akteurstyp 'asociation' ist unbekannt; "
		"meinten Sie 'association'?\n"
		"tests/data/cli/broken.yaml:4:46: error: Gremium 'k-x' ist unbekannt\n"
		"tests/data/cli/broken.yaml:6:5: warning: aktives Gremium 'k' hat keine Mitglieder\n"
		"tests/data/cli/broken.yaml:9:5: error: unbekannter Schlüssel 'memebrs' (in: Gremium); "
		"meinten Sie 'members'?\n"
		"tests/data/cli/broken.yaml:10:15: warning: last_met 2099-01-01 liegt nach heute "
		"(2026-11-26)\n"
		"3 Fehler, 2 Warnungen in 1 Datei\n");
	tu_run_release(&r);
}

static void test_diag_words__json_stays_english_in_german(void **state)
{
	static const char *const args[] = {"validate",   "--today",
					   "2026-11-26", "--lang",
					   "de",         "--format",
					   "json",       "tests/data/cli/broken.yaml",
					   NULL};
	tu_run r;

	(void)state;
	tu_netmap(&r, SRC, args);
	assert_int_equal(r.status, 1);
	assert_non_null(
		strstr(r.out, "unknown actor type 'asociation'; did you mean 'association'?"));
	assert_null(strstr(r.out, "unbekannt"));
	tu_run_release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
			test_diag_words__every_german_format_takes_the_english_conversions),
		cmocka_unit_test(test_diag_words__a_problem_keeps_its_english_and_gets_its_german),
		cmocka_unit_test(test_diag_words__validate_in_german_says_the_problems_in_german),
		cmocka_unit_test(test_diag_words__json_stays_english_in_german),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
