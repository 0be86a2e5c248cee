/*
 * test_i18n.c: German and English conventions. Message lookup falls back
 * to the English key; language codes and the values of --lang and the
 * locale variables are parsed; whole numbers are grouped (2,521 / 2.521),
 * decimals and percentages rounded half up (0.667 / 0,667, 80% / 80 %),
 * dates written 2026-11-26 / 26.11.2026; the words for actor types and
 * committee kinds exist in both languages.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "netmap/buf.h"
#include "netmap/i18n.h"
#include "netmap/model.h"

static nm_date date_of(const char *iso)
{
	nm_date d;

	assert_int_equal(nm_date_parse(iso, &d), 0);
	return d;
}

static void expect_count(nm_lang lang, uint64_t n, const char *want)
{
	nm_buf b = NM_BUF_INIT;

	nm_i18n_count(&b, lang, n);
	assert_string_equal(nm_buf_cstr(&b), want);
	assert_string_equal(nm_i18n_count_str(lang, n).s, want);
	nm_buf_release(&b);
}

static void expect_decimal(nm_lang lang, uint64_t num, uint64_t den, int places, const char *want)
{
	nm_buf b = NM_BUF_INIT;

	nm_i18n_decimal(&b, lang, num, den, places);
	assert_string_equal(nm_buf_cstr(&b), want);
	nm_buf_release(&b);
}

static void expect_date(nm_lang lang, const char *iso, const char *want)
{
	nm_buf b = NM_BUF_INIT;

	nm_i18n_date(&b, lang, date_of(iso));
	assert_string_equal(nm_buf_cstr(&b), want);
	assert_string_equal(nm_i18n_date_str(lang, date_of(iso)).s, want);
	nm_buf_release(&b);
}

/* ------------------------------------------------------------ nm_tr */

static const nm_msg words[] = {
	{"actor", "Akteur"},
	{"%zu committees", "%zu Gremien"},
	{"untranslated", NULL},
};

static void test_i18n__english_is_the_key_itself(void **state)
{
	const char *key = "actor";

	(void)state;
	assert_ptr_equal(NM_TR(words, NM_LANG_EN, key), key);
	assert_string_equal(NM_TR(words, NM_LANG_EN, "not in the table"), "not in the table");
}

static void test_i18n__german_is_the_translation_of_the_key(void **state)
{
	(void)state;
	assert_string_equal(NM_TR(words, NM_LANG_DE, "actor"), "Akteur");
	assert_string_equal(NM_TR(words, NM_LANG_DE, "%zu committees"), "%zu Gremien");
}

static void test_i18n__german_falls_back_to_english_without_an_entry(void **state)
{
	(void)state;
	assert_string_equal(NM_TR(words, NM_LANG_DE, "network"), "network");
	assert_string_equal(nm_tr(words, 0, NM_LANG_DE, "actor"), "actor");
	/* Only whole keys match. */
	assert_string_equal(NM_TR(words, NM_LANG_DE, "acto"), "acto");
	assert_string_equal(NM_TR(words, NM_LANG_DE, "actors"), "actors");
}

static void test_i18n__german_falls_back_to_english_for_an_empty_translation(void **state)
{
	(void)state;
	assert_string_equal(NM_TR(words, NM_LANG_DE, "untranslated"), "untranslated");
}

/* ------------------------------------------------------------ languages */

static void expect_lang(const char *s, nm_lang want)
{
	nm_lang got = want == NM_LANG_DE ? NM_LANG_EN : NM_LANG_DE;

	if (nm_lang_parse(s, &got) != 0)
		fail_msg("'%s' was not taken as a language", s);
	assert_int_equal(got, want);
}

static void expect_no_lang(const char *s)
{
	nm_lang got = NM_LANG_DE;

	assert_int_equal(nm_lang_parse(s, &got), -1);
	assert_int_equal(got, NM_LANG_DE); /* left as it was */
	got = NM_LANG_EN;
	assert_int_equal(nm_lang_parse(s, &got), -1);
	assert_int_equal(got, NM_LANG_EN);
}

static void test_i18n__lang_values_de_and_en_are_taken(void **state)
{
	(void)state;
	expect_lang("de", NM_LANG_DE);
	expect_lang("en", NM_LANG_EN);
	expect_lang("DE", NM_LANG_DE);
	expect_lang("En", NM_LANG_EN);
}

static void test_i18n__lang_values_with_a_region_or_encoding_are_taken(void **state)
{
	(void)state;
	expect_lang("de_DE", NM_LANG_DE);
	expect_lang("de-AT", NM_LANG_DE);
	expect_lang("de_CH.UTF-8", NM_LANG_DE);
	expect_lang("de.UTF-8", NM_LANG_DE);
	expect_lang("en_GB", NM_LANG_EN);
	expect_lang("en-US", NM_LANG_EN);
	expect_lang("en_US.UTF-8", NM_LANG_EN);
}

static void test_i18n__other_lang_values_are_refused(void **state)
{
	(void)state;
	expect_no_lang(NULL);
	expect_no_lang("");
	expect_no_lang("d");
	expect_no_lang("deu");
	expect_no_lang("german");
	expect_no_lang("eng");
	expect_no_lang("fr");
	expect_no_lang("fr_FR.UTF-8");
	expect_no_lang("C");
	expect_no_lang("C.UTF-8");
	expect_no_lang("POSIX");
	expect_no_lang(" de");
}

static void test_i18n__language_codes_are_de_and_en(void **state)
{
	nm_lang back;

	(void)state;
	assert_string_equal(nm_lang_code(NM_LANG_DE), "de");
	assert_string_equal(nm_lang_code(NM_LANG_EN), "en");
	/* A code parses back to its language. */
	assert_int_equal(nm_lang_parse(nm_lang_code(NM_LANG_DE), &back), 0);
	assert_int_equal(back, NM_LANG_DE);
	assert_int_equal(nm_lang_parse(nm_lang_code(NM_LANG_EN), &back), 0);
	assert_int_equal(back, NM_LANG_EN);
}

/* The three variables, saved before a test and put back after it. */
static const char *const locale_vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};

static int save_locale(void **state)
{
	char **saved = calloc(3, sizeof(*saved));

	if (!saved)
		return -1;
	for (int i = 0; i < 3; i++) {
		const char *v = getenv(locale_vars[i]);
		saved[i] = v ? strdup(v) : NULL;
		unsetenv(locale_vars[i]);
	}
	*state = saved;
	return 0;
}

static int restore_locale(void **state)
{
	char **saved = *state;

	for (int i = 0; i < 3; i++) {
		if (saved[i])
			setenv(locale_vars[i], saved[i], 1);
		else
			unsetenv(locale_vars[i]);
		free(saved[i]);
	}
	free(saved);
	return 0;
}

static void test_i18n__environment_without_locale_is_english(void **state)
{
	(void)state;
	assert_int_equal(nm_lang_from_env(), NM_LANG_EN);
}

static void test_i18n__environment_lc_all_de_is_german(void **state)
{
	(void)state;
	setenv("LC_ALL", "de_DE.UTF-8", 1);
	assert_int_equal(nm_lang_from_env(), NM_LANG_DE);
}

static void test_i18n__environment_takes_the_first_variable_set_and_not_empty(void **state)
{
	(void)state;
	setenv("LANG", "de_DE.UTF-8", 1);
	assert_int_equal(nm_lang_from_env(), NM_LANG_DE);
	setenv("LC_MESSAGES", "en_GB.UTF-8", 1);
	assert_int_equal(nm_lang_from_env(), NM_LANG_EN);
	setenv("LC_ALL", "", 1); /* empty: skipped */
	assert_int_equal(nm_lang_from_env(), NM_LANG_EN);
	setenv("LC_ALL", "de_AT", 1);
	assert_int_equal(nm_lang_from_env(), NM_LANG_DE);
}

static void test_i18n__environment_of_another_language_is_english(void **state)
{
	(void)state;
	/* The first set decides, even when it is neither German nor English. */
	setenv("LANG", "de_DE.UTF-8", 1);
	setenv("LC_ALL", "C.UTF-8", 1);
	assert_int_equal(nm_lang_from_env(), NM_LANG_EN);
	setenv("LC_ALL", "fr_FR.UTF-8", 1);
	assert_int_equal(nm_lang_from_env(), NM_LANG_EN);
	setenv("LC_ALL", "POSIX", 1);
	assert_int_equal(nm_lang_from_env(), NM_LANG_EN);
}

/* ------------------------------------------------------------ numbers */

static void test_i18n__english_groups_thousands_with_a_comma(void **state)
{
	(void)state;
	expect_count(NM_LANG_EN, 2521, "2,521");
	expect_count(NM_LANG_EN, 1000, "1,000");
	expect_count(NM_LANG_EN, 12345, "12,345");
	expect_count(NM_LANG_EN, 1234567, "1,234,567");
	expect_count(NM_LANG_EN, UINT64_MAX, "18,446,744,073,709,551,615");
}

static void test_i18n__german_groups_thousands_with_a_dot(void **state)
{
	(void)state;
	expect_count(NM_LANG_DE, 2521, "2.521");
	expect_count(NM_LANG_DE, 1000, "1.000");
	expect_count(NM_LANG_DE, 123456, "123.456");
	expect_count(NM_LANG_DE, 1234567, "1.234.567");
	expect_count(NM_LANG_DE, UINT64_MAX, "18.446.744.073.709.551.615");
}

static void test_i18n__numbers_below_a_thousand_have_no_separator(void **state)
{
	(void)state;
	expect_count(NM_LANG_EN, 0, "0");
	expect_count(NM_LANG_DE, 0, "0");
	expect_count(NM_LANG_EN, 7, "7");
	expect_count(NM_LANG_DE, 999, "999");
}

static void test_i18n__count_appends_to_what_is_there(void **state)
{
	nm_buf b = NM_BUF_INIT;

	(void)state;
	nm_buf_puts(&b, "n=");
	nm_i18n_count(&b, NM_LANG_DE, 4096);
	assert_string_equal(nm_buf_cstr(&b), "n=4.096");
	nm_buf_release(&b);
}

static void test_i18n__english_decimals_have_a_point(void **state)
{
	(void)state;
	expect_decimal(NM_LANG_EN, 2, 3, 3, "0.667");
	expect_decimal(NM_LANG_EN, 5, 4, 2, "1.25");
	expect_decimal(NM_LANG_EN, 3, 1, 1, "3.0");
}

static void test_i18n__german_decimals_have_a_comma(void **state)
{
	(void)state;
	expect_decimal(NM_LANG_DE, 2, 3, 3, "0,667");
	expect_decimal(NM_LANG_DE, 5, 4, 2, "1,25");
	expect_decimal(NM_LANG_DE, 1, 20, 3, "0,050");
}

static void test_i18n__decimals_round_half_up(void **state)
{
	(void)state;
	expect_decimal(NM_LANG_EN, 1, 8, 2, "0.13"); /* 0.125 */
	expect_decimal(NM_LANG_EN, 1, 3, 2, "0.33"); /* 0.333... */
	expect_decimal(NM_LANG_EN, 1, 2, 0, "1");    /* 0.5 */
	expect_decimal(NM_LANG_EN, 999, 1000, 2, "1.00");
	expect_decimal(NM_LANG_DE, 2, 3, 0, "1");
}

static void test_i18n__decimals_of_nothing_are_zero(void **state)
{
	(void)state;
	expect_decimal(NM_LANG_EN, 5, 0, 3, "0.000");
	expect_decimal(NM_LANG_DE, 0, 7, 1, "0,0");
	expect_decimal(NM_LANG_EN, 0, 0, 0, "0");
}

static void test_i18n__english_percent_has_no_space(void **state)
{
	(void)state;
	assert_string_equal(nm_i18n_percent_str(NM_LANG_EN, 4, 5).s, "80%");
	assert_string_equal(nm_i18n_percent_str(NM_LANG_EN, 5, 5).s, "100%");
	assert_string_equal(nm_i18n_percent_str(NM_LANG_EN, 250, 10).s, "2,500%");
}

static void test_i18n__german_percent_has_a_space(void **state)
{
	(void)state;
	assert_string_equal(nm_i18n_percent_str(NM_LANG_DE, 4, 5).s, "80 %");
	assert_string_equal(nm_i18n_percent_str(NM_LANG_DE, 0, 5).s, "0 %");
	assert_string_equal(nm_i18n_percent_str(NM_LANG_DE, 250, 10).s, "2.500 %");
}

static void test_i18n__percent_rounds_half_up_and_of_nothing_is_zero(void **state)
{
	(void)state;
	assert_string_equal(nm_i18n_percent_str(NM_LANG_EN, 2, 3).s, "67%");
	assert_string_equal(nm_i18n_percent_str(NM_LANG_EN, 1, 3).s, "33%");
	assert_string_equal(nm_i18n_percent_str(NM_LANG_EN, 1, 200).s, "1%"); /* 0.5 % */
	assert_string_equal(nm_i18n_percent_str(NM_LANG_EN, 1, 201).s, "0%");
	assert_string_equal(nm_i18n_percent_str(NM_LANG_EN, 3, 0).s, "0%");
	assert_string_equal(nm_i18n_percent_str(NM_LANG_DE, 3, 0).s, "0 %");
}

/* ------------------------------------------------------------ dates */

static void test_i18n__english_dates_are_iso(void **state)
{
	(void)state;
	expect_date(NM_LANG_EN, "2026-11-26", "2026-11-26");
	expect_date(NM_LANG_EN, "2024-02-29", "2024-02-29");
	expect_date(NM_LANG_EN, "2027-01-05", "2027-01-05");
}

static void test_i18n__german_dates_are_day_month_year_with_dots(void **state)
{
	(void)state;
	expect_date(NM_LANG_DE, "2026-11-26", "26.11.2026");
	expect_date(NM_LANG_DE, "2024-02-29", "29.02.2024");
	expect_date(NM_LANG_DE, "2027-01-05", "05.01.2027");
	expect_date(NM_LANG_DE, "1999-12-31", "31.12.1999");
}

static void test_i18n__date_appends_to_what_is_there(void **state)
{
	nm_buf b = NM_BUF_INIT;

	(void)state;
	nm_buf_puts(&b, "Stand: ");
	nm_i18n_date(&b, NM_LANG_DE, date_of("2026-11-26"));
	assert_string_equal(nm_buf_cstr(&b), "Stand: 26.11.2026");
	nm_buf_release(&b);
}

/* ------------------------------------------------------------ vocabulary */

static void test_i18n__every_actor_type_has_its_words(void **state)
{
	static const char *const en[NM_TYPE_COUNT] = {
		"association",
		"chamber",
		"agency",
		"migrant organisation",
		"youth work",
		"volunteer initiative",
		"club",
		"social partner",
		"religious community",
		"education provider",
		"school",
		"administration",
		"other",
	};
	static const char *const de[NM_TYPE_COUNT] = {
		"Verband",
		"Kammer",
		"Behörde/Agentur",
		"Migrantenorganisation",
		"Träger der Jugendarbeit",
		"ehrenamtliche Initiative",
		"Verein",
		"Sozialpartner",
		"Religionsgemeinschaft",
		"Bildungsträger",
		"Schule/Hochschule",
		"Verwaltung",
		"Sonstige",
	};

	(void)state;
	for (int t = 0; t < NM_TYPE_COUNT; t++) {
		assert_string_equal(nm_i18n_type(NM_LANG_EN, (nm_actor_type)t), en[t]);
		assert_string_equal(nm_i18n_type(NM_LANG_DE, (nm_actor_type)t), de[t]);
	}
}

static void test_i18n__every_committee_kind_has_its_words(void **state)
{
	static const char *const en[NM_KIND_COUNT] = {
		"working group",  "network",        "round table",
		"steering group", "advisory board", "committee",
	};
	static const char *const de[NM_KIND_COUNT] = {
		"Arbeitskreis",     "Netzwerk", "Runder Tisch",
		"Steuerungsgruppe", "Beirat",   "Ausschuss",
	};

	(void)state;
	for (int k = 0; k < NM_KIND_COUNT; k++) {
		assert_string_equal(nm_i18n_kind(NM_LANG_EN, (nm_kind)k), en[k]);
		assert_string_equal(nm_i18n_kind(NM_LANG_DE, (nm_kind)k), de[k]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_i18n__english_is_the_key_itself),
		cmocka_unit_test(test_i18n__german_is_the_translation_of_the_key),
		cmocka_unit_test(test_i18n__german_falls_back_to_english_without_an_entry),
		cmocka_unit_test(test_i18n__german_falls_back_to_english_for_an_empty_translation),
		cmocka_unit_test(test_i18n__lang_values_de_and_en_are_taken),
		cmocka_unit_test(test_i18n__lang_values_with_a_region_or_encoding_are_taken),
		cmocka_unit_test(test_i18n__other_lang_values_are_refused),
		cmocka_unit_test(test_i18n__language_codes_are_de_and_en),
		cmocka_unit_test_setup_teardown(test_i18n__environment_without_locale_is_english,
						save_locale, restore_locale),
		cmocka_unit_test_setup_teardown(test_i18n__environment_lc_all_de_is_german,
						save_locale, restore_locale),
		cmocka_unit_test_setup_teardown(
			test_i18n__environment_takes_the_first_variable_set_and_not_empty,
			save_locale, restore_locale),
		cmocka_unit_test_setup_teardown(
			test_i18n__environment_of_another_language_is_english, save_locale,
			restore_locale),
		cmocka_unit_test(test_i18n__english_groups_thousands_with_a_comma),
		cmocka_unit_test(test_i18n__german_groups_thousands_with_a_dot),
		cmocka_unit_test(test_i18n__numbers_below_a_thousand_have_no_separator),
		cmocka_unit_test(test_i18n__count_appends_to_what_is_there),
		cmocka_unit_test(test_i18n__english_decimals_have_a_point),
		cmocka_unit_test(test_i18n__german_decimals_have_a_comma),
		cmocka_unit_test(test_i18n__decimals_round_half_up),
		cmocka_unit_test(test_i18n__decimals_of_nothing_are_zero),
		cmocka_unit_test(test_i18n__english_percent_has_no_space),
		cmocka_unit_test(test_i18n__german_percent_has_a_space),
		cmocka_unit_test(test_i18n__percent_rounds_half_up_and_of_nothing_is_zero),
		cmocka_unit_test(test_i18n__english_dates_are_iso),
		cmocka_unit_test(test_i18n__german_dates_are_day_month_year_with_dots),
		cmocka_unit_test(test_i18n__date_appends_to_what_is_there),
		cmocka_unit_test(test_i18n__every_actor_type_has_its_words),
		cmocka_unit_test(test_i18n__every_committee_kind_has_its_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
