/*
 * test_textfmt.c: text for terminals. Cleaning replaces every C0 and C1
 * control, DEL, format character and broken UTF-8 byte with U+FFFD;
 * escaping shows the same characters as \t \n \r \xNN \uNNNN \UNNNNNNNN;
 * widths are display columns (umlauts and combining marks one, CJK and
 * emoji two); fitting cuts at a width with an ellipsis and pads; wrapping
 * breaks between words by columns and cuts a word longer than a line.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "netmap/buf.h"
#include "netmap/textfmt.h"

#define FFFD "\xEF\xBF\xBD"
#define ELLIPSIS "\xE2\x80\xA6"

/*
 * Bidirectional controls that open an embedding, as byte arrays rather
 * than string literals: a literal with an unclosed one is what
 * clang-tidy's misc-misleading-bidirectional rightly refuses in source.
 */
static const char RLO[] = {(char)0xE2, (char)0x80, (char)0xAE, 0}; /* U+202E */
static const char LRE[] = {(char)0xE2, (char)0x80, (char)0xAA, 0}; /* U+202A */

/* a, b and c joined, in a buffer that lasts until the next call. */
static const char *join3(const char *a, const char *b, const char *c)
{
	static char out[256];

	snprintf(out, sizeof(out), "%s%s%s", a, b, c);
	return out;
}

static void expect_clean(const char *in, const char *want)
{
	nm_buf b = NM_BUF_INIT;

	nm_text_clean(&b, in);
	assert_string_equal(nm_buf_cstr(&b), want);
	nm_buf_release(&b);
}

static void expect_escape(const char *in, size_t len, unsigned keep, const char *want)
{
	nm_buf b = NM_BUF_INIT;

	nm_text_escape(&b, in, len, keep);
	assert_string_equal(nm_buf_cstr(&b), want);
	nm_buf_release(&b);
}

static void expect_fit(const char *in, size_t width, int pad, const char *want)
{
	nm_buf b = NM_BUF_INIT;

	nm_text_fit(&b, in, width, pad);
	assert_string_equal(nm_buf_cstr(&b), want);
	nm_buf_release(&b);
}

static void expect_wrap(const char *in, size_t first, size_t indent, size_t width, const char *want)
{
	nm_buf b = NM_BUF_INIT;

	nm_text_wrap(&b, in, first, indent, width);
	assert_string_equal(nm_buf_cstr(&b), want);
	nm_buf_release(&b);
}

/* ------------------------------------------------------------ nm_text_clean */

static void test_textfmt__clean_keeps_printable_text_as_it_is(void **state)
{
	(void)state;
	expect_clean("", "");
	expect_clean("Arbeitskreis Sprache (AK) 1-2 ~ \\ \"x\"",
		     "Arbeitskreis Sprache (AK) 1-2 ~ \\ \"x\"");
	expect_clean("Müller-Lüdenscheidt, Straße", "Müller-Lüdenscheidt, Straße");
	expect_clean("Mu\xCC\x88ller", "Mu\xCC\x88ller");
	expect_clean("日本語 😀 € ©", "日本語 😀 € ©");
}

static void test_textfmt__clean_replaces_every_c0_control(void **state)
{
	(void)state;
	for (int c = 0x01; c < 0x20; c++) {
		char in[4] = {'a', (char)c, 'b', '\0'};
		char what[16];
		nm_buf b = NM_BUF_INIT;

		snprintf(what, sizeof(what), "0x%02x", c);
		nm_text_clean(&b, in);
		if (strcmp(nm_buf_cstr(&b), "a" FFFD "b") != 0)
			fail_msg("control %s came out as '%s'", what, nm_buf_cstr(&b));
		nm_buf_release(&b);
	}
	expect_clean("\t\n\r\x1b[31m", FFFD FFFD FFFD FFFD "[31m");
}

static void test_textfmt__clean_replaces_del(void **state)
{
	(void)state;
	expect_clean("a\x7f"
		     "b",
		     "a" FFFD "b");
}

static void test_textfmt__clean_replaces_every_c1_control(void **state)
{
	(void)state;
	for (int c = 0x80; c < 0xA0; c++) {
		char in[5] = {'a', (char)0xC2, (char)c, 'b', '\0'};
		nm_buf b = NM_BUF_INIT;

		nm_text_clean(&b, in);
		if (strcmp(nm_buf_cstr(&b), "a" FFFD "b") != 0)
			fail_msg("U+%04X came out as '%s'", (unsigned)c, nm_buf_cstr(&b));
		nm_buf_release(&b);
	}
	/* U+00A0, the first character after them, is kept. */
	expect_clean("a\xC2\xA0"
		     "b",
		     "a\xC2\xA0"
		     "b");
}

static void test_textfmt__clean_replaces_bidi_overrides_and_line_separators(void **state)
{
	(void)state;
	expect_clean(join3("a", RLO, "b"), "a" FFFD "b");
	expect_clean(join3(LRE, "\xE2\x81\xA6\xE2\x81\xA9", ""), FFFD FFFD FFFD); /* 2066 2069 */
	expect_clean("a\xE2\x80\xA8"
		     "b\xE2\x80\xA9",
		     "a" FFFD "b" FFFD);         /* U+2028, U+2029 */
	expect_clean("\xEF\xBB\xBFx", FFFD "x"); /* U+FEFF, a format character */
}

static void test_textfmt__clean_replaces_each_byte_of_broken_utf8(void **state)
{
	(void)state;
	expect_clean("a\xFF"
		     "b",
		     "a" FFFD "b");
	expect_clean("\xC3", FFFD);                   /* a lead byte at the end */
	expect_clean("\xC3(", FFFD "(");              /* a lead byte without its continuation */
	expect_clean("\x80", FFFD);                   /* a lone continuation byte */
	expect_clean("\xE2\x82x", FFFD FFFD "x");     /* a three-byte form cut short */
	expect_clean("\xC0\xAF", FFFD FFFD);          /* overlong '/' */
	expect_clean("\xED\xA0\x80", FFFD FFFD FFFD); /* a UTF-16 surrogate */
	expect_clean("\xF4\x90\x80\x80", FFFD FFFD FFFD FFFD); /* beyond U+10FFFF */
	expect_clean("\xFE\xFF", FFFD FFFD);
}

static void test_textfmt__clean_appends_to_what_is_there(void **state)
{
	nm_buf b = NM_BUF_INIT;

	(void)state;
	nm_buf_puts(&b, "name: ");
	nm_text_clean(&b, "x\ay");
	assert_string_equal(nm_buf_cstr(&b), "name: x" FFFD "y");
	nm_buf_release(&b);
}

/* ------------------------------------------------------------ nm_text_escape */

static void test_textfmt__escape_shows_tab_newline_and_return_by_name(void **state)
{
	(void)state;
	expect_escape("a\tb\nc\rd", 7, 0, "a\\tb\\nc\\rd");
}

static void test_textfmt__escape_shows_other_c0_del_and_nul_as_hex(void **state)
{
	(void)state;
	expect_escape("\x01\x1b[0m\x1f\x7f", 7, 0, "\\x01\\x1b[0m\\x1f\\x7f");
	expect_escape("a\0b", 3, 0, "a\\x00b");
}

static void test_textfmt__escape_shows_broken_utf8_bytes_as_hex(void **state)
{
	(void)state;
	expect_escape("a\xFF\xC3(", 4, 0, "a\\xff\\xc3(");
	expect_escape("\xED\xA0\x80", 3, 0, "\\xed\\xa0\\x80");
	/* A character cut by the length is broken, though the bytes go on. */
	expect_escape("\xC3\xA4", 1, 0, "\\xc3");
}

static void test_textfmt__escape_shows_c1_and_format_characters_as_u4(void **state)
{
	(void)state;
	expect_escape("\xC2\x85\xC2\x9F", 4, 0, "\\u0085\\u009f");
	expect_escape("\xE2\x80\xAE"
		      "abc\xE2\x80\xAC",
		      9, 0, "\\u202eabc\\u202c");
	expect_escape("\xE2\x81\xA6\xE2\x81\xA9", 6, 0, "\\u2066\\u2069");
	expect_escape("\xE2\x80\xA8\xE2\x80\xA9", 6, 0, "\\u2028\\u2029");
}

static void test_textfmt__escape_shows_format_characters_beyond_ffff_as_u8(void **state)
{
	(void)state;
	/* U+E0001 LANGUAGE TAG */
	expect_escape("x\xF3\xA0\x80\x81", 5, 0, "x\\U000e0001");
}

static void test_textfmt__escape_keeps_backslashes_and_printable_unicode(void **state)
{
	(void)state;
	expect_escape("C:\\temp \\x41 Größe 日本 😀", strlen("C:\\temp \\x41 Größe 日本 😀"), 0,
		      "C:\\temp \\x41 Größe 日本 😀");
	expect_escape("", 0, 0, "");
}

static void test_textfmt__escape_keeps_newlines_and_tabs_when_asked(void **state)
{
	(void)state;
	expect_escape("a\nb\tc\r", 6, NM_TEXT_KEEP_NEWLINE, "a\nb\\tc\\r");
	expect_escape("a\nb\tc\r", 6, NM_TEXT_KEEP_TAB, "a\\nb\tc\\r");
	expect_escape("a\nb\tc\r", 6, NM_TEXT_KEEP_NEWLINE | NM_TEXT_KEEP_TAB, "a\nb\tc\\r");
}

static void test_textfmt__plain_span_stops_at_the_first_character_to_escape(void **state)
{
	(void)state;
	assert_int_equal(nm_text_plain_span("abc\x01"
					    "d",
					    5, 0),
			 3);
	assert_int_equal(nm_text_plain_span(join3("Größe", RLO, ""), 10, 0), 7);
	assert_int_equal(nm_text_plain_span("ab\ncd", 5, 0), 2);
	assert_int_equal(nm_text_plain_span("ab\ncd", 5, NM_TEXT_KEEP_NEWLINE), 5);
	assert_int_equal(nm_text_plain_span("\tx", 2, NM_TEXT_KEEP_NEWLINE), 0);
	assert_int_equal(nm_text_plain_span("\tx", 2, NM_TEXT_KEEP_TAB), 2);
	assert_int_equal(nm_text_plain_span("", 0, 0), 0);
}

static void test_textfmt__plain_span_goes_no_further_than_len(void **state)
{
	(void)state;
	assert_int_equal(nm_text_plain_span("abcdef", 3, 0), 3);
	assert_int_equal(nm_text_plain_span("a\0b", 3, 0), 1);
	assert_int_equal(nm_text_plain_span("a\xC3\xA4", 2, 0), 1); /* ä cut in half */
}

static void test_textfmt__escape_one_returns_the_length_of_the_character(void **state)
{
	nm_buf b = NM_BUF_INIT;

	(void)state;
	assert_int_equal(nm_text_escape_one(&b, "\x1b[", 2), 1);
	assert_int_equal(nm_text_escape_one(&b, "\xC2\x85x", 3), 2);
	assert_int_equal(nm_text_escape_one(&b, RLO, 3), 3);
	assert_int_equal(nm_text_escape_one(&b, "\xF3\xA0\x80\x81", 4), 4);
	assert_int_equal(nm_text_escape_one(&b, "\xFF\xFF", 2), 1);
	assert_int_equal(nm_text_escape_one(&b, "\n", 1), 1);
	assert_string_equal(nm_buf_cstr(&b), "\\x1b\\u0085\\u202e\\U000e0001\\xff\\n");
	nm_buf_release(&b);
}

/* ------------------------------------------------------------ nm_text_width */

static void test_textfmt__width_of_ascii_is_its_length(void **state)
{
	(void)state;
	assert_int_equal(nm_text_width(""), 0);
	assert_int_equal(nm_text_width("a"), 1);
	assert_int_equal(nm_text_width("Runder Tisch 2026"), 17);
}

static void test_textfmt__width_counts_an_umlaut_as_one_column(void **state)
{
	(void)state;
	assert_int_equal(nm_text_width("ä"), 1);
	assert_int_equal(nm_text_width("Größenänderung"), 14);
	assert_int_equal(nm_text_width("ÄÖÜäöüß"), 7);
}

static void test_textfmt__width_counts_combining_marks_as_nothing(void **state)
{
	(void)state;
	assert_int_equal(nm_text_width("Mu\xCC\x88ller"), 6);    /* u + U+0308 */
	assert_int_equal(nm_text_width("e\xCC\x81\xCC\xA3"), 1); /* e + two marks */
}

static void test_textfmt__width_counts_cjk_characters_as_two_columns(void **state)
{
	(void)state;
	assert_int_equal(nm_text_width("日本語"), 6);
	assert_int_equal(nm_text_width("a한국b"), 6);
	assert_int_equal(nm_text_width("ｱ"), 1); /* halfwidth katakana */
}

static void test_textfmt__width_counts_emoji_as_two_columns(void **state)
{
	(void)state;
	assert_int_equal(nm_text_width("😀"), 2);
	assert_int_equal(nm_text_width("ok 👍"), 5);
}

static void test_textfmt__width_counts_a_replaced_character_as_one_column(void **state)
{
	(void)state;
	assert_int_equal(nm_text_width("a\x1b"
				       "b"),
			 3);
	assert_int_equal(nm_text_width("\xFF\xFE"), 2);
	assert_int_equal(nm_text_width("\xC2\x85"), 1);
	assert_int_equal(nm_text_width(RLO), 1);
}

/* ------------------------------------------------------------ nm_text_fit */

static void test_textfmt__fit_keeps_text_that_fits(void **state)
{
	(void)state;
	expect_fit("Hallo", 5, 0, "Hallo");
	expect_fit("Hallo", 9, 0, "Hallo");
	expect_fit("", 0, 0, "");
}

static void test_textfmt__fit_pads_with_spaces_to_the_width(void **state)
{
	(void)state;
	expect_fit("Hallo", 8, 1, "Hallo   ");
	expect_fit("Größe", 7, 1, "Größe  ");
	expect_fit("日本", 6, 1, "日本  ");
	expect_fit("", 3, 1, "   ");
}

static void test_textfmt__fit_cuts_with_an_ellipsis_in_the_last_column(void **state)
{
	(void)state;
	expect_fit("Arbeitskreis", 6, 0, "Arbei" ELLIPSIS);
	expect_fit("Arbeitskreis", 6, 1, "Arbei" ELLIPSIS);
	expect_fit("Größenordnung", 5, 0, "Größ" ELLIPSIS);
	expect_fit("ab", 1, 0, ELLIPSIS);
}

static void test_textfmt__fit_to_no_columns_writes_nothing(void **state)
{
	(void)state;
	expect_fit("Arbeitskreis", 0, 0, "");
	expect_fit("Arbeitskreis", 0, 1, "");
}

static void test_textfmt__fit_never_splits_a_wide_character(void **state)
{
	(void)state;
	expect_fit("日本語", 5, 0, "日本" ELLIPSIS);
	expect_fit("日本語", 4, 0, "日" ELLIPSIS);
	expect_fit("日本語", 4, 1, "日" ELLIPSIS " ");
	expect_fit("😀😀", 3, 0, "😀" ELLIPSIS);
}

static void test_textfmt__fit_keeps_combining_marks_with_their_letter(void **state)
{
	(void)state;
	expect_fit("Mu\xCC\x88ller", 3, 0, "Mu\xCC\x88" ELLIPSIS);
	expect_fit("Mu\xCC\x88ller", 6, 1, "Mu\xCC\x88ller");
}

static void test_textfmt__fit_cleans_what_it_keeps(void **state)
{
	(void)state;
	expect_fit("a\x1b"
		   "b",
		   5, 1, "a" FFFD "b  ");
	expect_fit("a\x1b"
		   "bcdef",
		   4, 0, "a" FFFD "b" ELLIPSIS);
	expect_fit("\xFF\xFF\xFF", 2, 0, FFFD ELLIPSIS);
}

static void test_textfmt__fit_appends_to_what_is_there(void **state)
{
	nm_buf b = NM_BUF_INIT;

	(void)state;
	nm_buf_puts(&b, "| ");
	nm_text_fit(&b, "Netzwerk", 4, 1);
	nm_buf_puts(&b, " |");
	assert_string_equal(nm_buf_cstr(&b), "| Net" ELLIPSIS " |");
	nm_buf_release(&b);
}

/* ------------------------------------------------------------ nm_text_wrap */

static void test_textfmt__wrap_breaks_between_words_at_the_width(void **state)
{
	(void)state;
	expect_wrap("one two three four", 0, 0, 10, "one two\nthree four\n");
	expect_wrap("one two three four", 0, 2, 10, "one two\n  three\n  four\n");
	expect_wrap("exactly ten", 0, 0, 11, "exactly ten\n");
}

static void test_textfmt__wrap_continues_the_first_line_at_its_column(void **state)
{
	(void)state;
	/* "label: " is already written: 7 columns. */
	expect_wrap("aa bb cc dd", 7, 7, 14, "aa bb\n       cc dd\n");
	expect_wrap("aa bb cc", 2, 4, 8, "aa bb\n    cc\n");
}

static void test_textfmt__wrap_of_nothing_is_one_newline(void **state)
{
	(void)state;
	expect_wrap("", 0, 2, 10, "\n");
	expect_wrap("   ", 0, 2, 10, "\n");
}

static void test_textfmt__wrap_collapses_runs_of_spaces(void **state)
{
	(void)state;
	expect_wrap("  a   b  ", 0, 0, 10, "a b\n");
}

static void test_textfmt__wrap_measures_words_in_columns_not_bytes(void **state)
{
	(void)state;
	/* Nine bytes, five columns. */
	expect_wrap("ää öö üü", 0, 0, 5, "ää öö\nüü\n");
	expect_wrap("日本 語", 0, 0, 5, "日本\n語\n");
}

static void test_textfmt__wrap_cuts_a_word_longer_than_the_line(void **state)
{
	(void)state;
	expect_wrap("Donaudampfschifffahrt", 2, 2, 10, "Donauda" ELLIPSIS "\n");
	expect_wrap("kurz Donaudampfschifffahrt ende", 0, 2, 10,
		    "kurz\n  Donauda" ELLIPSIS "\n  ende\n");
}

static void test_textfmt__wrap_moves_a_first_word_that_fits_only_on_a_new_line(void **state)
{
	(void)state;
	/* The first line is full: the word goes to the next one, not lost. */
	expect_wrap("word", 10, 2, 10, "\n  word\n");
	/* Three columns left on the first line; a fresh line holds the word. */
	expect_wrap("Arbeitskreis ok", 17, 4, 20, "\n    Arbeitskreis ok\n");
}

static void test_textfmt__wrap_cleans_the_text(void **state)
{
	(void)state;
	expect_wrap("a\nb\x1b[2J c", 0, 0, 20, "a" FFFD "b" FFFD "[2J c\n");
}

static void test_textfmt__wrap_appends_to_what_is_there(void **state)
{
	nm_buf b = NM_BUF_INIT;

	(void)state;
	nm_buf_puts(&b, "- ");
	nm_text_wrap(&b, "eins zwei drei", 2, 4, 11);
	assert_string_equal(nm_buf_cstr(&b), "- eins zwei\n    drei\n");
	nm_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_textfmt__clean_keeps_printable_text_as_it_is),
		cmocka_unit_test(test_textfmt__clean_replaces_every_c0_control),
		cmocka_unit_test(test_textfmt__clean_replaces_del),
		cmocka_unit_test(test_textfmt__clean_replaces_every_c1_control),
		cmocka_unit_test(test_textfmt__clean_replaces_bidi_overrides_and_line_separators),
		cmocka_unit_test(test_textfmt__clean_replaces_each_byte_of_broken_utf8),
		cmocka_unit_test(test_textfmt__clean_appends_to_what_is_there),
		cmocka_unit_test(test_textfmt__escape_shows_tab_newline_and_return_by_name),
		cmocka_unit_test(test_textfmt__escape_shows_other_c0_del_and_nul_as_hex),
		cmocka_unit_test(test_textfmt__escape_shows_broken_utf8_bytes_as_hex),
		cmocka_unit_test(test_textfmt__escape_shows_c1_and_format_characters_as_u4),
		cmocka_unit_test(test_textfmt__escape_shows_format_characters_beyond_ffff_as_u8),
		cmocka_unit_test(test_textfmt__escape_keeps_backslashes_and_printable_unicode),
		cmocka_unit_test(test_textfmt__escape_keeps_newlines_and_tabs_when_asked),
		cmocka_unit_test(test_textfmt__plain_span_stops_at_the_first_character_to_escape),
		cmocka_unit_test(test_textfmt__plain_span_goes_no_further_than_len),
		cmocka_unit_test(test_textfmt__escape_one_returns_the_length_of_the_character),
		cmocka_unit_test(test_textfmt__width_of_ascii_is_its_length),
		cmocka_unit_test(test_textfmt__width_counts_an_umlaut_as_one_column),
		cmocka_unit_test(test_textfmt__width_counts_combining_marks_as_nothing),
		cmocka_unit_test(test_textfmt__width_counts_cjk_characters_as_two_columns),
		cmocka_unit_test(test_textfmt__width_counts_emoji_as_two_columns),
		cmocka_unit_test(test_textfmt__width_counts_a_replaced_character_as_one_column),
		cmocka_unit_test(test_textfmt__fit_keeps_text_that_fits),
		cmocka_unit_test(test_textfmt__fit_pads_with_spaces_to_the_width),
		cmocka_unit_test(test_textfmt__fit_cuts_with_an_ellipsis_in_the_last_column),
		cmocka_unit_test(test_textfmt__fit_to_no_columns_writes_nothing),
		cmocka_unit_test(test_textfmt__fit_never_splits_a_wide_character),
		cmocka_unit_test(test_textfmt__fit_keeps_combining_marks_with_their_letter),
		cmocka_unit_test(test_textfmt__fit_cleans_what_it_keeps),
		cmocka_unit_test(test_textfmt__fit_appends_to_what_is_there),
		cmocka_unit_test(test_textfmt__wrap_breaks_between_words_at_the_width),
		cmocka_unit_test(test_textfmt__wrap_continues_the_first_line_at_its_column),
		cmocka_unit_test(test_textfmt__wrap_of_nothing_is_one_newline),
		cmocka_unit_test(test_textfmt__wrap_collapses_runs_of_spaces),
		cmocka_unit_test(test_textfmt__wrap_measures_words_in_columns_not_bytes),
		cmocka_unit_test(test_textfmt__wrap_cuts_a_word_longer_than_the_line),
		cmocka_unit_test(
			test_textfmt__wrap_moves_a_first_word_that_fits_only_on_a_new_line),
		cmocka_unit_test(test_textfmt__wrap_cleans_the_text),
		cmocka_unit_test(test_textfmt__wrap_appends_to_what_is_there),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
