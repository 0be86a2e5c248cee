/*
 * i18n.c: language choice and the conventions of German and English
 * output (dates, decimals, thousands), and the words for the vocabulary of
 * the data format. Writers keep their own message tables; see i18n.h.
 */
#include "netmap/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *nm_tr(const nm_msg *table, size_t n, nm_lang lang, const char *en)
{
	if (lang == NM_LANG_EN)
		return en;
	for (size_t i = 0; i < n; i++)
		if (strcmp(table[i].en, en) == 0)
			return table[i].de ? table[i].de : en;
	return en;
}

int nm_lang_parse(const char *s, nm_lang *out)
{
	if (!s)
		return -1;
	if (strncasecmp(s, "de", 2) == 0 &&
	    (s[2] == '\0' || s[2] == '_' || s[2] == '-' || s[2] == '.')) {
		*out = NM_LANG_DE;
		return 0;
	}
	if (strncasecmp(s, "en", 2) == 0 &&
	    (s[2] == '\0' || s[2] == '_' || s[2] == '-' || s[2] == '.')) {
		*out = NM_LANG_EN;
		return 0;
	}
	return -1;
}

nm_lang nm_lang_from_env(void)
{
	static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	nm_lang lang = NM_LANG_EN;

	for (size_t i = 0; i < 3; i++) {
		const char *v = getenv(vars[i]);
		if (v && v[0]) {
			if (nm_lang_parse(v, &lang) != 0)
				lang = NM_LANG_EN; /* C, POSIX, C.UTF-8, fr_FR...: English */
			return lang;
		}
	}
	return lang;
}

const char *nm_lang_code(nm_lang lang)
{
	return lang == NM_LANG_DE ? "de" : "en";
}

void nm_i18n_date(nm_buf *b, nm_lang lang, nm_date date)
{
	char iso[11];

	nm_date_format(date, iso);
	if (lang == NM_LANG_DE)
		nm_buf_printf(b, "%.2s.%.2s.%.4s", iso + 8, iso + 5, iso);
	else
		nm_buf_puts(b, iso);
}

void nm_i18n_decimal(nm_buf *b, nm_lang lang, uint64_t num, uint64_t den, int places)
{
	uint64_t scale = 1, v;

	for (int i = 0; i < places; i++)
		scale *= 10;
	v = den ? (num * scale * 2 / den + 1) / 2 : 0;
	nm_buf_printf(b, "%llu", (unsigned long long)(v / scale));
	if (places > 0)
		nm_buf_printf(b, "%c%0*llu", lang == NM_LANG_DE ? ',' : '.', places,
			      (unsigned long long)(v % scale));
}

void nm_i18n_count(nm_buf *b, nm_lang lang, uint64_t n)
{
	char digits[32];
	int len = snprintf(digits, sizeof(digits), "%llu", (unsigned long long)n);

	for (int i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			nm_buf_putc(b, lang == NM_LANG_DE ? '.' : ',');
		nm_buf_putc(b, digits[i]);
	}
}

static nm_i18n_str from_buf(nm_buf *tmp)
{
	nm_i18n_str r;

	snprintf(r.s, sizeof(r.s), "%s", nm_buf_cstr(tmp));
	nm_buf_release(tmp);
	return r;
}

nm_i18n_str nm_i18n_count_str(nm_lang lang, uint64_t n)
{
	nm_buf tmp = NM_BUF_INIT;

	nm_i18n_count(&tmp, lang, n);
	return from_buf(&tmp);
}

nm_i18n_str nm_i18n_date_str(nm_lang lang, nm_date date)
{
	nm_buf tmp = NM_BUF_INIT;

	nm_i18n_date(&tmp, lang, date);
	return from_buf(&tmp);
}

nm_i18n_str nm_i18n_percent_str(nm_lang lang, uint64_t n, uint64_t den)
{
	nm_buf tmp = NM_BUF_INIT;
	uint64_t pct = den ? (n * 200 / den + 1) / 2 : 0;

	nm_i18n_count(&tmp, lang, pct);
	nm_buf_puts(&tmp, lang == NM_LANG_DE ? " %" : "%"); /* German: 80 % */
	return from_buf(&tmp);
}

static const char *const type_en[NM_TYPE_COUNT] = {
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

/*
 * The German words coordinators use: a Jobcenter or the Agentur für Arbeit
 * is a Behörde or Agentur; Bildungsträger covers language course providers.
 */
static const char *const type_de[NM_TYPE_COUNT] = {
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

static const char *const kind_en[NM_KIND_COUNT] = {
	"working group", "network", "round table", "steering group", "advisory board", "committee",
};

static const char *const kind_de[NM_KIND_COUNT] = {
	"Arbeitskreis", "Netzwerk", "Runder Tisch", "Steuerungsgruppe", "Beirat", "Ausschuss",
};

const char *nm_i18n_type(nm_lang lang, nm_actor_type type)
{
	return (lang == NM_LANG_DE ? type_de : type_en)[type];
}

const char *nm_i18n_kind(nm_lang lang, nm_kind kind)
{
	return (lang == NM_LANG_DE ? kind_de : kind_en)[kind];
}
