/*
 * test_names.c: duplicate actor records (contract 3.5). The normalisation
 * of German organisation names with exact expected strings, the contact
 * keys, the similar_name measure on its positive and negative cases, the
 * order and first-reason rule of the pair list, and the indexed search for
 * similar names checked against a plain comparison of every pair.
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
		print_error("%s:%d: normalising \"%s\"\n  got  \"%s\"\n  want \"%s\"\n", file, line,
			    name ? name : "(null)", nm_buf_cstr(&b), want);
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

/* Whether two raw names are similar_name at threshold, after normalising. */
static bool similar(const char *x, const char *y, nm_ratio threshold)
{
	nm_buf a = NM_BUF_INIT, b = NM_BUF_INIT;
	bool r;

	nm_names_normalize(x, &a);
	nm_names_normalize(y, &b);
	r = nm_names_similar(nm_buf_cstr(&a), nm_buf_cstr(&b), threshold);
	nm_buf_release(&a);
	nm_buf_release(&b);
	return r;
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
	expect_norm("Caritas\xc2\xa0Kassel", "caritas kassel");     /* no-break space */
	expect_norm("Caritas\xe3\x80\x80Kassel", "caritas kassel"); /* ideographic space */
	expect_norm("Caritas\xe2\x80\xa8Kassel", "caritas kassel"); /* line separator */
}

static void test_names__each_legal_form_is_dropped_at_start_middle_and_end(void **state)
{
	static const char *const forms[] = {
		"e.V.",
		"e. V.",
		"eV",
		"gGmbH",
		"GmbH",
		"gUG",
		"UG",
		"AG",
		"eG",
		"KdöR",
		"eingetragener Verein",
		"gemeinnützige GmbH",
		"gemeinnützige Gesellschaft mit beschränkter Haftung",
		"Gesellschaft mit beschränkter Haftung",
		"gemeinnützige Unternehmergesellschaft (haftungsbeschränkt)",
		"Unternehmergesellschaft (haftungsbeschränkt)",
		"gemeinnützige Unternehmergesellschaft",
		"Unternehmergesellschaft",
		"Aktiengesellschaft",
		"eingetragene Genossenschaft",
		"Körperschaft des öffentlichen Rechts",
		/* other spellings that normalise to one of them */
		"E.V.",
		"e.v.",
		"E. V.",
		"GGMBH",
		"gemeinnuetzige GmbH",
		"KDÖR",
		"KdoeR",
		"Gesellschaft mit beschraenkter Haftung",
		"AKTIENGESELLSCHAFT",
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
	expect_norm("Łódź", "łodz");                            /* ł is a letter of its own */
}

static void test_names__nfkc_folds_compatibility_characters(void **state)
{
	(void)state;
	expect_norm("O\xef\xac\x83\x63\x65 Kassel", "office kassel"); /* ffi ligature */
	expect_norm("\xef\xac\x81nanzamt", "finanzamt");              /* fi ligature */
	expect_norm("ＡＷＯ Ｋａｓｓｅｌ", "awo kassel");             /* fullwidth */
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
							     UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE,
							     NULL);
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

/* ------------------------------------------------------------ similar_name */

static void test_names__similarity_is_one_minus_typos_per_length(void **state)
{
	(void)state;
	/* one letter more in 21 code points: 1 - 1/21 = 0.952... */
	assert_int_equal(nm_names_similarity("caritasverband kasel", "caritasverband kassel"), 952);
	/* two letters swapped */
	assert_int_equal(nm_names_similarity("caritasverbnad kassel", "caritasverband kassel"),
			 952);
	/* a space more: 1 - 1/30 */
	assert_int_equal(nm_names_similarity("jugendmigrations dienst kassel",
					     "jugendmigrationsdienst kassel"),
			 966);
	/* two typos in 37 code points */
	assert_int_equal(nm_names_similarity("sozialdienst katholischr fraun nord",
					     "sozialdienst katholischer frauen nord"),
			 945);
	assert_int_equal(nm_names_similarity("caritas kassel", "caritas kassel"), 1000);
	/* not typo variants at all */
	assert_int_equal(nm_names_similarity("sozialdienst katholischer frauen nord",
					     "sozialdienst katholischer frauen sued"),
			 0);
	assert_int_equal(nm_names_similarity("volkshochschule kassel",
					     "volkshochschule kassel aussenstelle nord"),
			 0);
	assert_int_equal(nm_names_similarity("", ""), 0);
	assert_int_equal(nm_names_similarity("kassel", ""), 0);
}

static void test_names__typos_and_spelling_variants_are_similar(void **state)
{
	(void)state;
	assert_true(similar("Caritasverband Kasel", "Caritasverband Kassel", default_threshold));
	assert_true(
		similar("Caritasverband Kassel e.V.", "Caritasverbnad Kassel", default_threshold));
	assert_true(similar("Volkshochschle Kassel", "Volkshochschule Kassel", default_threshold));
	assert_true(similar("Jugendmigrations Dienst Kassel", "Jugendmigrationsdienst Kassel",
			    default_threshold));
	assert_true(similar("Jugendmigrationsdienst Kassel", "Jugendmigrations Dienst Kassel",
			    default_threshold));
	assert_true(
		similar("Diakonisches Werk Kassel", "Diakonishces Werk Kassel", default_threshold));
	/* a space and a typo together */
	assert_true(similar("Jugendmigrations Dienst Kasel", "Jugendmigrationsdienst Kassel",
			    default_threshold));
	/* two typos in a long name */
	assert_true(similar("Arbeiterwohlfahrt Kreisverband Kassel",
			    "Arbeiterwohlfahrt Kreisvrband Kasel", default_threshold));
	/* a typo in the number of a name is not one: digits never take part */
	assert_true(
		similar("Turnverein Lindenau 1923", "Turnvrein Lindenau 1923", default_threshold));
}

static void test_names__different_organisations_are_not_similar(void **state)
{
	(void)state;
	assert_false(similar("Sozialdienst katholischer Frauen Nord",
			     "Sozialdienst katholischer Frauen Süd", default_threshold));
	assert_false(similar("Volkshochschule Kassel", "Volkshochschule Kassel Außenstelle Nord",
			     default_threshold));
	/* a letter replaced is how different place names differ */
	assert_false(similar("Jobcenter Wolfsburg", "Jobcenter Wolfsberg", default_threshold));
	assert_false(
		similar("Iranischer Kulturverein", "Irakischer Kulturverein", default_threshold));
	assert_false(
		similar("Jugendzentrum Oststadt", "Jugendzentrum Weststadt", default_threshold));
	/* numbers differ */
	assert_false(
		similar("Turnverein Lindenau 1923", "Turnverein Lindenau 1932", default_threshold));
	assert_false(
		similar("Grundschule Lindenau 12", "Grundschule Lindenau 2", default_threshold));
	/* words of fewer than five letters take no typo */
	assert_false(similar("AWO Kreisverband", "AOW Kreisverband", default_threshold));
	assert_false(similar("Tafel Nord Kassel", "Tafel Nrod Kassel", default_threshold));
	/* names of fewer than eight code points */
	assert_false(similar("Tafel", "Taffel", (nm_ratio){0, 1}));
	/* a word more or less is a different body, not a typo */
	assert_false(similar("Caritas Kassel", "Caritas Kassel Nord", (nm_ratio){0, 1}));
	/* equal names are same_name, not similar */
	assert_false(similar("Caritas Kassel", "CARITAS KASSEL e.V.", (nm_ratio){0, 1}));
	/* two spaces more or less */
	assert_false(similar("Jugend Migrations Dienst Kassel", "Jugendmigrationsdienst Kassel",
			     (nm_ratio){0, 1}));
	/* two typos in one word */
	assert_false(similar("Caritasverband Kassel", "Caritasvrbnd Kassel", (nm_ratio){0, 1}));
}

static void test_names__threshold_is_compared_exactly(void **state)
{
	(void)state;
	/* 10 code points, one typo: exactly 0.9 */
	assert_true(nm_names_similar("jugendhaus", "jugendhasu", (nm_ratio){9, 10}));
	assert_true(nm_names_similar("jugendhaus", "jugendhasu", (nm_ratio){900, 1000}));
	assert_false(nm_names_similar("jugendhaus", "jugendhasu", (nm_ratio){9001, 10000}));
	/* 1 - 1/21 */
	assert_true(nm_names_similar("caritasverband kasel", "caritasverband kassel",
				     (nm_ratio){952, 1000}));
	assert_false(nm_names_similar("caritasverband kasel", "caritasverband kassel",
				      (nm_ratio){953, 1000}));
	/* two typos in 20 code points: exactly 0.9 again */
	assert_true(
		nm_names_similar("diakonei werk kasel", "diakonie werk kassel", (nm_ratio){9, 10}));
	assert_false(nm_names_similar("diakonei werk kasel", "diakonie werk kassel",
				      (nm_ratio){91, 100}));
	assert_false(nm_names_similar("caritasverband kasel", "caritasverband kassel",
				      (nm_ratio){1, 1}));
	assert_true(nm_names_similar("caritasverband kasel", "caritasverband kassel",
				     (nm_ratio){0, 1}));
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
		     "awo-a awo-c similar_name 956\n"
		     "awo-a awo-e same_contact email\n"
		     "awo-a awo-f similar_name 956\n"
		     "awo-b awo-c similar_name 956\n"
		     "awo-b awo-e same_contact email\n"
		     "awo-b awo-f similar_name 956\n"
		     "awo-c awo-d same_contact website\n"
		     "awo-c awo-e same_name\n"
		     "awo-c awo-f same_name\n"
		     "awo-e awo-f same_name\n");
	/* with a threshold above the measure, only the other reasons remain */
	expect_pairs(acts, sizeof(acts) / sizeof(acts[0]), (nm_ratio){96, 100},
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

/* ------------------------------------------------------------ the search */

static uint32_t rnd_state = 20261126;
static uint32_t rnd(uint32_t n)
{
	rnd_state = rnd_state * 1103515245u + 12345u;
	return (rnd_state >> 8) % n;
}

/* One random spelling change: typo, space, replaced letter or nothing. */
static void vary(char *name)
{
	size_t len = strlen(name), k;
	char *sp;

	if (len < 3)
		return;
	k = 1 + rnd((uint32_t)(len - 2));
	switch (rnd(6)) {
	case 0: /* a letter more */
		memmove(name + k + 1, name + k, len - k + 1);
		name[k] = "aeinrst"[rnd(7)];
		break;
	case 1: /* a letter less */
		memmove(name + k, name + k + 1, len - k);
		break;
	case 2: /* two letters swapped */
	{
		char c = name[k];
		name[k] = name[k - 1];
		name[k - 1] = c;
	} break;
	case 3: /* a space less */
		if ((sp = strchr(name + k, ' ')) != NULL)
			memmove(sp, sp + 1, strlen(sp));
		break;
	case 4: /* a space more */
		memmove(name + k + 1, name + k, len - k + 1);
		name[k] = ' ';
		break;
	default: /* a letter replaced */
		name[k] = "xyz"[rnd(3)];
		break;
	}
}

/*
 * Names from a few words, many of them one or two changes from another:
 * the indexed search must find exactly the pairs that comparing every pair
 * with nm_names_similar finds, at several thresholds.
 */
static void test_names__search_finds_what_comparing_every_pair_finds(void **state)
{
	static const char *const words[] = {
		"Caritasverband",
		"Diakonie",
		"Jugendzentrum",
		"Kassel",
		"Nordstadt",
		"Beratungsstelle",
		"Sprachcafe",
		"Horizont",
		"Lindenau",
		"Lindenaue",
		"Migrationsdienst",
		"Jugend",
		"Migrations",
		"Dienst",
		"Haus",
		"Nord",
		"1923",
		"Kinder",
		"und",
		"Kinderhaus",
		"Brücke",
		"Verein",
		"Vereine",
	};
	static const nm_ratio thresholds[] = {{9, 10}, {8, 10}, {95, 100}, {0, 1}};
	const size_t nwords = sizeof(words) / sizeof(words[0]), n = 400;
	act *acts = nm_xcalloc(n, sizeof(act));
	char(*names)[128] = nm_xcalloc(n, sizeof(*names));
	char(*ids)[16] = nm_xcalloc(n, sizeof(*ids));
	nm_buf *norm = nm_xcalloc(n, sizeof(nm_buf));

	(void)state;
	for (size_t i = 0; i < n; i++) {
		if (i >= 10 && rnd(3) != 0) {
			/* a variant of an earlier name */
			strcpy(names[i], names[rnd((uint32_t)i)]);
			vary(names[i]);
			if (rnd(3) == 0)
				vary(names[i]);
		} else {
			size_t k = 2 + rnd(3);
			names[i][0] = '\0';
			for (size_t w = 0; w < k; w++) {
				if (w)
					strcat(names[i], " ");
				strcat(names[i], words[rnd((uint32_t)nwords)]);
			}
		}
		snprintf(ids[i], sizeof(ids[i]), "a%04zu", i);
		acts[i] = (act){ids[i], names[i], NULL, NULL};
		nm_buf_init(&norm[i]);
		nm_names_normalize(names[i], &norm[i]);
	}
	for (size_t t = 0; t < sizeof(thresholds) / sizeof(thresholds[0]); t++) {
		nm_dataset *ds = dataset(acts, n);
		nm_buf want = NM_BUF_INIT;
		nm_duplicate_actor *d;
		size_t nd, similar_pairs = 0;
		char *got;

		for (size_t i = 0; i < n; i++) {
			for (size_t j = i + 1; j < n; j++) {
				const char *x = nm_buf_cstr(&norm[i]), *y = nm_buf_cstr(&norm[j]);

				if (*x && strcmp(x, y) == 0) {
					nm_buf_printf(&want, "%s %s same_name\n", ids[i], ids[j]);
				} else if (nm_names_similar(x, y, thresholds[t])) {
					nm_buf_printf(&want, "%s %s similar_name %u\n", ids[i],
						      ids[j], (unsigned)nm_names_similarity(x, y));
					similar_pairs++;
				}
			}
		}
		assert_true(similar_pairs > 20); /* the test tests something */
		nm_names_find_duplicates(&d, &nd, ds, thresholds[t]);
		got = describe(ds, d, nd);
		assert_string_equal(got, nm_buf_cstr(&want));
		free(got);
		free(d);
		nm_buf_release(&want);
		nm_dataset_free(ds);
	}
	for (size_t i = 0; i < n; i++)
		nm_buf_release(&norm[i]);
	free(norm);
	free(ids);
	free(names);
	free(acts);
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
		cmocka_unit_test(test_names__similarity_is_one_minus_typos_per_length),
		cmocka_unit_test(test_names__typos_and_spelling_variants_are_similar),
		cmocka_unit_test(test_names__different_organisations_are_not_similar),
		cmocka_unit_test(test_names__threshold_is_compared_exactly),
		cmocka_unit_test(test_names__pairs_ordered_with_their_first_reason),
		cmocka_unit_test(test_names__same_name_gives_every_pair_of_a_group),
		cmocka_unit_test(test_names__umlaut_and_legal_form_variants_pair_as_same_name),
		cmocka_unit_test(test_names__empty_dataset_has_no_pairs),
		cmocka_unit_test(test_names__search_finds_what_comparing_every_pair_finds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
