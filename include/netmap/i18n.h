/*
 * i18n.h: German and English for every word a report prints. netmap
 * carries its own message tables rather than gettext catalogues: German
 * must work on machines whose only locale is C.UTF-8, where gettext would
 * not switch language, and a report must not depend on what locales a
 * server happens to have installed. Each writer keeps the table of its own
 * words beside its code; nm_tr looks a word up in such a table.
 *
 * Never translated: "error:"/"warning:", rule ids, JSON keys, ids.
 */
#ifndef NETMAP_I18N_H
#define NETMAP_I18N_H

#include <stddef.h>
#include <stdint.h>

#include "netmap/buf.h"
#include "netmap/model.h"

typedef enum nm_lang { NM_LANG_EN, NM_LANG_DE } nm_lang;

/* One message: the English text (the key) and its German translation. */
typedef struct nm_msg {
	const char *en;
	const char *de;
} nm_msg;

/*
 * The text for en in lang: the German of the table's entry whose English
 * is en, or en itself (English, or no entry). A format string stays a
 * format string with the same conversions in both languages.
 */
const char *nm_tr(const nm_msg *table, size_t n, nm_lang lang, const char *en)
#if defined(__GNUC__)
	/* Like gettext: the result is a format with en's conversions, so
	   printf-style calls through NM_TR stay checked by -Wformat. */
	__attribute__((format_arg(4)))
#endif
	;
#define NM_TR(table, lang, en) nm_tr((table), sizeof(table) / sizeof((table)[0]), (lang), (en))

/* "de" or "en" (also "de_DE", "de-AT", ...); 0, or -1 when neither. */
int nm_lang_parse(const char *s, nm_lang *out);
/* From LC_ALL, LC_MESSAGES, LANG, the first that is set and not empty. */
nm_lang nm_lang_from_env(void);
const char *nm_lang_code(nm_lang lang);

/* A date as a reader of lang expects it: 2026-11-26 or 26.11.2026. */
void nm_i18n_date(nm_buf *b, nm_lang lang, nm_date date);
/* num/den rounded to `places` decimals: 0.667 or 0,667. */
void nm_i18n_decimal(nm_buf *b, nm_lang lang, uint64_t num, uint64_t den, int places);
/* A whole number with a thousands separator: 12,345 or 12.345. */
void nm_i18n_count(nm_buf *b, nm_lang lang, uint64_t n);
/* The same as short strings, valid as values (for printf arguments). */
typedef struct nm_i18n_str {
	char s[32];
} nm_i18n_str;

nm_i18n_str nm_i18n_count_str(nm_lang lang, uint64_t n);
nm_i18n_str nm_i18n_date_str(nm_lang lang, nm_date date);
/* n/den as a whole percentage, rounded: "80%" or "80 %". */
nm_i18n_str nm_i18n_percent_str(nm_lang lang, uint64_t n, uint64_t den);

/* An actor type in words ("migrant organisation", "Migrantenorganisation"). */
const char *nm_i18n_type(nm_lang lang, nm_actor_type type);
/* A committee kind in words ("working group", "Arbeitskreis"). */
const char *nm_i18n_kind(nm_lang lang, nm_kind kind);

#endif
