/*
 * test_names.c: duplicate actor records (contract 3.5). The normalisation
 * of German organisation names with exact expected strings, the contact
 * keys, and the order and first-reason rule of the pair list.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "netmap/buf.h"
#include "netmap/names.h"

static const nm_ratio default_threshold = {9, 10};

/* ------------------------------------------------------------ helpers */

static void expect_norm_at(const char *name, const char *want, const char *file, int line)
{
	nm_buf b = NM_BUF_INIT;

	nm_names_normalize(name, &b);
	if (strcmp(nm_buf_cstr(&b), want) != 0) {
		print_error("%s:%d: normalising \"%s\"\n  got  \"%s\"\n  want \"%s\"\n",
			    file, line, name ? name : "(null)", nm_buf_cstr(&b), want);
		nm_buf_release(&b);
		fail();
	}
	nm_buf_release(&b);
}

#define expect_norm(name, want) expect_norm_at((name), (want), __FILE__, __LINE__)

static void expect_email(const char *email, const char *want)
{
	nm_buf b = NM_BUF_INIT;

	nm_names_normalize_email(email, &b);
	assert_string_equal(nm_buf_cstr(&b), want);
	nm_buf_release(&b);
}

static void expect_website(const char *website, const char *want)
{
	nm_buf b = NM_BUF_INIT;

	nm_names_normalize_website(website, &b);
	assert_string_equal(nm_buf_cstr(&b), want);
	nm_buf_release(&b);
}

typedef struct act {
	const char *id, *name, *email, *website;
} act;

/* A dataset of actors given in byte order of their ids. */
static nm_dataset *dataset(const act *acts, size_t n)
{
	nm_dataset *ds = nm_dataset_new();

	ds->actors = nm_xcalloc(n ? n : 1, sizeof(nm_actor));
	for (size_t i = 0; i < n; i++) {
		nm_actor *a = &ds->actors[i];

		if (i > 0)
			assert_true(strcmp(acts[i - 1].id, acts[i].id) < 0);
		a->id = nm_xstrdup(acts[i].id);
		a->name = nm_xstrdup(acts[i].name);
		a->type = NM_TYPE_ASSOCIATION;
		a->email = acts[i].email ? nm_xstrdup(acts[i].email) : NULL;
		a->website = acts[i].website ? nm_xstrdup(acts[i].website) : NULL;
		ds->nactors++;
	}
	return ds;
}

/* The pairs as lines "a b reason [email|website|similarity]". */
static char *describe(const nm_dataset *ds, const nm_duplicate_actor *d, size_t n)
{
	nm_buf b = NM_BUF_INIT;

	for (size_t i = 0; i < n; i++) {
		nm_buf_printf(&b, "%s %s %s", ds->actors[d[i].a].id, ds->actors[d[i].b].id,
			      nm_dup_reason_names[d[i].reason]);
		if (d[i].reason == NM_DUP_SAME_CONTACT)
			nm_buf_puts(&b, d[i].by_email ? " email" : " website");
		if (d[i].reason == NM_DUP_SIMILAR_NAME)
			nm_buf_printf(&b, " %u", (unsigned)d[i].similarity);
		nm_buf_putc(&b, '\n');
	}
	return nm_buf_detach(&b);
}

static void expect_pairs(const act *acts, size_t n, nm_ratio threshold, const char *want)
{
	nm_dataset *ds = dataset(acts, n);
	nm_duplicate_actor *d;
	size_t nd;
	char *got;

	nm_names_find_duplicates(&d, &nd, ds, threshold);
	got = describe(ds, d, nd);
	assert_string_equal(got, want);
	free(got);
	free(d);
	nm_dataset_free(ds);
}

/* ------------------------------------------------------------ normalisation */

static void test_names__umlauts_equal_their_spelled_out_form(void **state)
{
	(void)state;
	expect_norm("Bürgerstiftung Mühlhausen", "buergerstiftung muehlhausen");
	expect_norm("Buergerstiftung Muehlhausen", "buergerstiftung muehlhausen");
	expect_norm("Ärztehaus Öhringen Überlingen", "aerztehaus oehringen ueberlingen");
	expect_norm("ÄRZTEHAUS ÖHRINGEN", "aerztehaus oehringen");
	/* a decomposed ü is composed by NFKC first, so it too becomes ue */
	expect_norm("Mu\xcc\x88hlhausen", "muehlhausen");
}

static void test_names__sharp_s_equals_ss(void **state)
{
	(void)state;
	expect_norm("Straßenkinder e.V.", "strassenkinder");
	expect_norm("Strassenkinder", "strassenkinder");
	expect_norm("STRASSENKINDER", "strassenkinder");
	expect_norm("STRAẞENKINDER", "strassenkinder"); /* capital sharp s */
	expect_norm("Weiß", "weiss");
}

static void test_names__case_is_folded(void **state)
{
	(void)state;
	expect_norm("CARITASVERBAND KASSEL", "caritasverband kassel");
	expect_norm("caritasverband kassel", "caritasverband kassel");
	expect_norm("CaritasVerband KaSSel", "caritasverband kassel");
}

static void test_names__punctuation_is_deleted_without_a_space(void **state)
{
	(void)state;
	expect_norm("Caritas-Verband", "caritasverband");
	expect_norm("CaritasVerband", "caritasverband");
	expect_norm("Jugendmigrations-Dienst", "jugendmigrationsdienst");
	expect_norm("ver.di Ortsverein", "verdi ortsverein");
	expect_norm("St. Martin", "st martin");
	expect_norm("St.Martin", "stmartin");
	expect_norm("Kinder- und Jugendhilfe", "kinder und jugendhilfe");
	expect_norm("„Brücke“ (Kassel)", "bruecke kassel");
	expect_norm("Stadt Kassel – Amt für Integration", "stadt kassel amt fuer integration");
	expect_norm("Café & Co.", "cafe co");
	/* symbols are not punctuation and stay */
	expect_norm("Kultur+ Kassel", "kultur+ kassel");
}

static void test_names__white_space_is_collapsed(void **state)
{
	(void)state;
	expect_norm("  Caritas \t Kassel\n", "caritas kassel");
	expect_norm("Caritas\xc2\xa0Kassel", "caritas kassel");         /* no-break space */
	expect_norm("Caritas\xe3\x80\x80Kassel", "caritas kassel");     /* ideographic space */
	expect_norm("Caritas\xe2\x80\xa8Kassel", "caritas kassel");     /* line separator */
}

static void test_names__each_legal_form_is_dropped_at_start_middle_and_end(void **state)
{
	static const char *const forms[] = {
		"e.V.", "e. V.", "eV", "gGmbH", "GmbH", "gUG", "UG", "AG", "eG", "KdöR",
		"eingetragener Verein", "gemeinnützige GmbH",
		"gemeinnützige Gesellschaft mit beschränkter Haftung",
		"Gesellschaft mit beschränkter Haftung",
		"gemeinnützige Unternehmergesellschaft (haftungsbeschränkt)",
		"Unternehmergesellschaft (haftungsbeschränkt)",
		"gemeinnützige Unternehmergesellschaft", "Unternehmergesellschaft",
		"Aktiengesellschaft", "eingetragene Genossenschaft",
		"Körperschaft des öffentlichen Rechts",
		/* other spellings that normalise to one of them */
		"E.V.", "e.v.", "E. V.", "GGMBH", "gemeinnuetzige GmbH", "KDÖR", "KdoeR",
		"Gesellschaft mit beschraenkter Haftung", "AKTIENGESELLSCHAFT",
	};
	(void)state;
	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		char name[200];

		snprintf(name, sizeof(name), "%s Lindenhof Kassel", forms[i]);
		expect_norm(name, "lindenhof kassel");
		snprintf(name, sizeof(name), "Lindenhof %s Kassel", forms[i]);
		expect_norm(name, "lindenhof kassel");
		snprintf(name, sizeof(name), "Lindenhof Kassel %s", forms[i]);
		expect_norm(name, "lindenhof kassel");
	}
}

static void test_names__ev_spellings_are_one_form(void **state)
{
	(void)state;
	expect_norm("Caritasverband Kassel e.V.", "caritasverband kassel");
	expect_norm("Caritasverband Kassel e. V.", "caritasverband kassel");
	expect_norm("Caritasverband Kassel eV", "caritasverband kassel");
	expect_norm("Caritasverband Kassel e.V", "caritasverband kassel");
	expect_norm("Caritasverband Kassel eingetragener Verein", "caritasverband kassel");
	/* "Ev." for evangelisch reads as e.V. too, as the contract has it */
	expect_norm("Ev. Kirchengemeinde St. Martin", "kirchengemeinde st martin");
}

static void test_names__gemeinnuetzige_gmbh_spellings(void **state)
{
	(void)state;
	expect_norm("Bildungswerk Lindenhof gGmbH", "bildungswerk lindenhof");
	expect_norm("Bildungswerk Lindenhof GmbH", "bildungswerk lindenhof");
	expect_norm("Bildungswerk Lindenhof gemeinnützige GmbH", "bildungswerk lindenhof");
	expect_norm("Bildungswerk Lindenhof Gemeinnützige GmbH", "bildungswerk lindenhof");
	expect_norm("Bildungswerk Lindenhof gemeinnützige Gesellschaft mit beschränkter Haftung",
		    "bildungswerk lindenhof");
}

static void test_names__optional_parts_give_four_variants(void **state)
{
	(void)state;
	expect_norm("Werkstatt gemeinnützige Unternehmergesellschaft (haftungsbeschränkt)",
		    "werkstatt");
	expect_norm("Werkstatt Unternehmergesellschaft (haftungsbeschränkt)", "werkstatt");
	expect_norm("Werkstatt gemeinnützige Unternehmergesellschaft", "werkstatt");
	expect_norm("Werkstatt Unternehmergesellschaft", "werkstatt");
	expect_norm("Werkstatt Unternehmergesellschaft haftungsbeschränkt Kassel",
		    "werkstatt kassel");
	/* the parenthesised word alone is no legal form, nor after UG */
	expect_norm("Werkstatt (haftungsbeschränkt)", "werkstatt haftungsbeschraenkt");
	expect_norm("Werkstatt UG (haftungsbeschränkt)", "werkstatt haftungsbeschraenkt");
}

static void test_names__longest_form_is_dropped_first(void **state)
{
	(void)state;
	/* "gemeinnützige GmbH" whole, not "GmbH" leaving "gemeinnuetzige" */
	expect_norm("Haus gemeinnützige GmbH", "haus");
	expect_norm("Haus gemeinnützige Gesellschaft mit beschränkter Haftung Nord", "haus nord");
	/* a word that only precedes a form stays */
	expect_norm("Gemeinnützige Wohnungsbau GmbH", "gemeinnuetzige wohnungsbau");
	/* one pass: forms that only meet after a drop are not dropped again */
	expect_norm("Haus gemeinnützige e.V. GmbH", "haus gemeinnuetzige");
}

static void test_names__forms_inside_words_stay(void **state)
{
	(void)state;
	expect_norm("Agentur für Arbeit", "agentur fuer arbeit");
	expect_norm("AGB Beratung", "agb beratung");
	expect_norm("Vereinigung der Genossenschaften", "vereinigung der genossenschaften");
	expect_norm("Eva Haus", "eva haus");
	/* AG for Arbeitsgemeinschaft is a legal form by the contract's rule */
	expect_norm("AG Sprache", "sprache");
}

static void test_names__kdoer_and_public_bodies(void **state)
{
	(void)state;
	expect_norm("Evangelische Kirche Kurhessen KdöR", "evangelische kirche kurhessen");
	expect_norm("Evangelische Kirche Kurhessen Körperschaft des öffentlichen Rechts",
		    "evangelische kirche kurhessen");
	expect_norm("Evangelische Kirche Kurhessen K.d.ö.R.", "evangelische kirche kurhessen");
}

static void test_names__accents_are_dropped(void **state)
{
	(void)state;
	expect_norm("Sprachcafé Élan", "sprachcafe elan");
	expect_norm("Sprachcafe Elan", "sprachcafe elan");
	expect_norm("Sprachcafe\xcc\x81 E\xcc\x81lan", "sprachcafe elan"); /* decomposed */
	expect_norm("São Tomé Crêperie", "sao tome creperie");
	expect_norm("Çiğköfte Dostları", "cigkoefte dostları"); /* ı has no mark */
	expect_norm("Łódź", "łodz"); /* ł is a letter of its own */
}

static void test_names__nfkc_folds_compatibility_characters(void **state)
{
	(void)state;
	expect_norm("O\xef\xac\x83\x63\x65 Kassel", "office kassel");       /* ffi ligature */
	expect_norm("\xef\xac\x81nanzamt", "finanzamt");                     /* fi ligature */
	expect_norm("ＡＷＯ Ｋａｓｓｅｌ", "awo kassel");                   /* fullwidth */
	expect_norm("Schule Nr. ２", "schule nr 2");
	expect_norm("Raum 2²", "raum 22");
	expect_norm("Club Ⅻ", "club xii");
}

static void test_names__names_of_nothing_normalise_to_empty(void **state)
{
	(void)state;
	expect_norm("", "");
	expect_norm("   ", "");
	expect_norm("e.V.", "");
	expect_norm("GmbH", "");
	expect_norm("e. V. gGmbH", "");
	expect_norm("(AG)", "");
	expect_norm("–", "");
	expect_norm("...", "");
	expect_norm(NULL, "");
	expect_norm("Caritas \xff Kassel", ""); /* invalid UTF-8 */
	expect_norm("Caritas \xc3", "");
}

static void test_names__ascii_facts_the_fast_paths_rely_on(void **state)
{
	(void)state;
	for (utf8proc_int32_t c = 1; c < 0x80; c++) {
		utf8proc_int32_t folded[4];
		utf8proc_ssize_t n = utf8proc_decompose_char(c, folded, 4,
			UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE, NULL);
		utf8proc_category_t cat = utf8proc_category(c);
		bool white = (c >= 0x09 && c <= 0x0d) || cat == UTF8PROC_CATEGORY_ZS;

		/* case folding maps A-Z to a-z and nothing else; no decomposition */
		assert_int_equal(n, 1);
		assert_int_equal(folded[0], c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
		/* White_Space in ASCII is 09-0D and 20 */
		assert_int_equal(white, c == 0x20 || (c >= 0x09 && c <= 0x0d));
	}
}

/* ------------------------------------------------------------ contacts */

static void test_names__email_keys_ignore_case_and_surrounding_space(void **state)
{
	(void)state;
	expect_email("info@example.org", "info@example.org");
	expect_email("  Info@Example.ORG \t", "info@example.org");
	expect_email("\xc2\xa0info@example.org", "info@example.org");
	expect_email("Jürgen.Müller@Example.org", "jürgen.müller@example.org");
	expect_email("JU\xcc\x88RGEN@example.org", "jürgen@example.org");
	expect_email("   ", "");
	expect_email(NULL, "");
}

static void test_names__website_keys_ignore_scheme_www_and_slash(void **state)
{
	(void)state;
	expect_website("example.org", "example.org");
	expect_website("https://www.example.org/", "example.org");
	expect_website("http://example.org", "example.org");
	expect_website("HTTPS://WWW.Example.ORG", "example.org");
	expect_website("  www.example.org/  ", "example.org");
	expect_website("https://example.org/beratung/", "example.org/beratung");
	expect_website("https://www.example.org//", "example.org/");
	expect_website("ftp://example.org", "ftp://example.org");
	expect_website("https://", "");
	expect_website("www.", "");
	expect_website("/", "");
	expect_website(" ", "");
}

static void test_names__same_contact_by_email_or_website(void **state)
{
	static const act acts[] = {
		{"a-info", "Lindenhof Beratung", "Info@Lindenhof.example ", NULL},
		{"b-info", "Lindenhof Sprachkurse", "info@lindenhof.example", NULL},
		{"c-web", "Brücke Jugendhilfe", NULL, "https://www.bruecke.example/"},
		{"d-web", "Brücke Mädchentreff", NULL, "bruecke.example"},
		{"e-both", "Brücke Lernhilfe", "info@lindenhof.example", "http://bruecke.example"},
		{"f-empty", "Horizont Kassel", "  ", "https://"},
		{"g-empty", "Kompass Kassel", "", "www."},
	};
	(void)state;
	expect_pairs(acts, sizeof(acts) / sizeof(acts[0]), default_threshold,
		     "a-info b-info same_contact email\n"
		     "a-info e-both same_contact email\n"
		     "b-info e-both same_contact email\n"
		     "c-web d-web same_contact website\n"
		     "c-web e-both same_contact website\n"
		     "d-web e-both same_contact website\n");
}

/* ------------------------------------------------------------ the pair list */

static void test_names__pairs_ordered_with_their_first_reason(void **state)
{
	static const act acts[] = {
		{"awo-a", "AWO Kreisverband Kassel e.V.", "info@awo.example", NULL},
		{"awo-b", "AWO Kreisverband Kassel", "INFO@awo.example ", NULL},
		{"awo-c", "AWO Kreisverband Kasel", NULL, "https://www.awo-nh.example/"},
		{"awo-d", "Arbeiterwohlfahrt Nordhessen", NULL, "awo-nh.example"},
		{"awo-e", "AWO Kreisverband Kasel", "info@awo.example", NULL},
		{"awo-f", "awo kreisverband kasel", NULL, NULL},
		{"vhs", "Volkshochschule Kassel", NULL, NULL},
	};
	(void)state;
	expect_pairs(acts, sizeof(acts) / sizeof(acts[0]), default_threshold,
		     "awo-a awo-b same_name\n"
		     "awo-a awo-e same_contact email\n"
		     "awo-b awo-e same_contact email\n"
		     "awo-c awo-d same_contact website\n"
		     "awo-c awo-e same_name\n"
		     "awo-c awo-f same_name\n"
		     "awo-e awo-f same_name\n");
}

static void test_names__same_name_gives_every_pair_of_a_group(void **state)
{
	static const act acts[] = {
		{"k1", "Caritasverband Kassel e.V.", NULL, NULL},
		{"k2", "Caritas-Verband Kassel", NULL, NULL},
		{"k3", "CARITASVERBAND KASSEL EV", NULL, NULL},
		{"k4", "Caritasverband  Kassel gGmbH", NULL, NULL},
		{"x1", "e.V.", NULL, NULL},
		{"x2", "e. V.", NULL, NULL},
		{"x3", "–", NULL, NULL},
	};
	(void)state;
	expect_pairs(acts, sizeof(acts) / sizeof(acts[0]), default_threshold,
		     "k1 k2 same_name\n"
		     "k1 k3 same_name\n"
		     "k1 k4 same_name\n"
		     "k2 k3 same_name\n"
		     "k2 k4 same_name\n"
		     "k3 k4 same_name\n");
}

static void test_names__umlaut_and_legal_form_variants_pair_as_same_name(void **state)
{
	static const act acts[] = {
		{"a", "Türkischer Elternverein Nordstadt e.V.", NULL, NULL},
		{"b", "Tuerkischer Elternverein Nordstadt", NULL, NULL},
		{"c", "Straßensozialarbeit Süd gGmbH", NULL, NULL},
		{"d", "STRASSENSOZIALARBEIT SÜD gemeinnützige GmbH", NULL, NULL},
		{"e", "Sprachcafé Brücke", NULL, NULL},
		{"f", "Sprachcafe „Brücke“", NULL, NULL},
	};
	(void)state;
	expect_pairs(acts, sizeof(acts) / sizeof(acts[0]), default_threshold,
		     "a b same_name\n"
		     "c d same_name\n"
		     "e f same_name\n");
}

static void test_names__empty_dataset_has_no_pairs(void **state)
{
	static nm_duplicate_actor dummy;
	nm_dataset *ds = nm_dataset_new();
	nm_duplicate_actor *d = &dummy;
	size_t n = 99;

	(void)state;
	nm_names_find_duplicates(&d, &n, ds, default_threshold);
	assert_int_equal(n, 0);
	assert_null(d);
	nm_dataset_free(ds);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names__umlauts_equal_their_spelled_out_form),
		cmocka_unit_test(test_names__sharp_s_equals_ss),
		cmocka_unit_test(test_names__case_is_folded),
		cmocka_unit_test(test_names__punctuation_is_deleted_without_a_space),
		cmocka_unit_test(test_names__white_space_is_collapsed),
		cmocka_unit_test(test_names__each_legal_form_is_dropped_at_start_middle_and_end),
		cmocka_unit_test(test_names__ev_spellings_are_one_form),
		cmocka_unit_test(test_names__gemeinnuetzige_gmbh_spellings),
		cmocka_unit_test(test_names__optional_parts_give_four_variants),
		cmocka_unit_test(test_names__longest_form_is_dropped_first),
		cmocka_unit_test(test_names__forms_inside_words_stay),
		cmocka_unit_test(test_names__kdoer_and_public_bodies),
		cmocka_unit_test(test_names__accents_are_dropped),
		cmocka_unit_test(test_names__nfkc_folds_compatibility_characters),
		cmocka_unit_test(test_names__names_of_nothing_normalise_to_empty),
		cmocka_unit_test(test_names__ascii_facts_the_fast_paths_rely_on),
		cmocka_unit_test(test_names__email_keys_ignore_case_and_surrounding_space),
		cmocka_unit_test(test_names__website_keys_ignore_scheme_www_and_slash),
		cmocka_unit_test(test_names__same_contact_by_email_or_website),
		cmocka_unit_test(test_names__pairs_ordered_with_their_first_reason),
		cmocka_unit_test(test_names__same_name_gives_every_pair_of_a_group),
		cmocka_unit_test(test_names__umlaut_and_legal_form_variants_pair_as_same_name),
		cmocka_unit_test(test_names__empty_dataset_has_no_pairs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
