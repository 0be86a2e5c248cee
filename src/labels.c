/*
 * labels.c: the words of spreadsheets (labels.h), as one set of tables:
 * the six tables, their columns with English and German headers, and the
 * German labels of enum values (contract 6.1-6.3).
 */
#include "netmap/labels.h"
#include "netmap/model.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define W(...) ((const char *const[]){__VA_ARGS__, NULL})

static const char *const table_names[NM_TABLE_COUNT][2] = {
	{"actors", "Akteure"}, {"committees", "Gremien"},     {"memberships", "Mitgliedschaften"},
	{"themes", "Themen"},  {"settings", "Einstellungen"}, {"matrix", "Besetzung"},
};

static const nm_column columns[] = {
	{NM_TABLE_ACTORS, "id", NM_COL_TEXT, -1, false, W("ID", "Kürzel"), NULL},
	{NM_TABLE_ACTORS, "name", NM_COL_TEXT, -1, true, W("Name"), NULL},
	{NM_TABLE_ACTORS, "type", NM_COL_ENUM, NM_ENUM_TYPE, true, W("Art", "Typ"), NULL},
	{NM_TABLE_ACTORS, "themes", NM_COL_LIST, -1, false, W("Themen"), NULL},
	{NM_TABLE_ACTORS, "district", NM_COL_TEXT, -1, false, W("Stadtteil", "Bezirk"), NULL},
	{NM_TABLE_ACTORS, "member_of", NM_COL_LIST, -1, false, W("Mitglied in"), NULL},
	{NM_TABLE_ACTORS, "website", NM_COL_TEXT, -1, false, W("Website", "Webseite"), NULL},
	{NM_TABLE_ACTORS, "contact.person", NM_COL_TEXT, -1, false, W("Ansprechperson"),
	 W("person")},
	{NM_TABLE_ACTORS, "contact.email", NM_COL_TEXT, -1, false, W("E-Mail"), W("email")},
	{NM_TABLE_ACTORS, "contact.phone", NM_COL_TEXT, -1, false, W("Telefon"), W("phone")},
	{NM_TABLE_ACTORS, "note", NM_COL_TEXT, -1, false, W("Notiz", "Bemerkung"), NULL},

	{NM_TABLE_COMMITTEES, "id", NM_COL_TEXT, -1, false, W("ID", "Kürzel"), NULL},
	{NM_TABLE_COMMITTEES, "name", NM_COL_TEXT, -1, true, W("Name"), NULL},
	{NM_TABLE_COMMITTEES, "kind", NM_COL_ENUM, NM_ENUM_KIND, true, W("Art", "Typ"), NULL},
	{NM_TABLE_COMMITTEES, "ad_hoc", NM_COL_BOOL, -1, false, W("ad hoc"), NULL},
	{NM_TABLE_COMMITTEES, "themes", NM_COL_LIST, -1, false, W("Themen"), NULL},
	{NM_TABLE_COMMITTEES, "lead", NM_COL_REF, -1, false, W("Federführung"), NULL},
	{NM_TABLE_COMMITTEES, "status", NM_COL_ENUM, NM_ENUM_STATUS, false, W("Status"), NULL},
	{NM_TABLE_COMMITTEES, "founded", NM_COL_DATE, -1, false, W("gegründet"), NULL},
	{NM_TABLE_COMMITTEES, "ends", NM_COL_DATE, -1, false, W("geplantes Ende"), NULL},
	{NM_TABLE_COMMITTEES, "last_met", NM_COL_DATE, -1, false, W("zuletzt getagt"), NULL},
	{NM_TABLE_COMMITTEES, "meets", NM_COL_ENUM, NM_ENUM_MEETS, false, W("Turnus"), NULL},
	{NM_TABLE_COMMITTEES, "parent", NM_COL_REF, -1, false, W("übergeordnetes Gremium"), NULL},
	{NM_TABLE_COMMITTEES, "district", NM_COL_TEXT, -1, false, W("Stadtteil", "Bezirk"), NULL},
	{NM_TABLE_COMMITTEES, "members", NM_COL_LIST, -1, false, W("Mitglieder"), NULL},
	{NM_TABLE_COMMITTEES, "note", NM_COL_TEXT, -1, false, W("Notiz", "Bemerkung"), NULL},

	{NM_TABLE_MEMBERSHIPS, "actor", NM_COL_REF, -1, true, W("Akteur"), NULL},
	{NM_TABLE_MEMBERSHIPS, "committee", NM_COL_REF, -1, true, W("Gremium"), NULL},
	{NM_TABLE_MEMBERSHIPS, "role", NM_COL_ENUM, NM_ENUM_ROLE, false, W("Rolle"), NULL},
	{NM_TABLE_MEMBERSHIPS, "since", NM_COL_DATE, -1, false, W("seit"), NULL},

	/* themes: `id` or `label` is required (checked by the table reader) */
	{NM_TABLE_THEMES, "id", NM_COL_TEXT, -1, false, W("ID"), NULL},
	{NM_TABLE_THEMES, "label", NM_COL_TEXT, -1, false, W("Bezeichnung"), NULL},

	{NM_TABLE_SETTINGS, "key", NM_COL_TEXT, -1, true, W("Einstellung"), NULL},
	{NM_TABLE_SETTINGS, "value", NM_COL_SETTING, -1, true, W("Wert"), NULL},
};

#define NCOLUMNS (sizeof(columns) / sizeof(columns[0]))

/* German labels of each value, the first one written (6.3). */
static const char *const *const type_de[NM_TYPE_COUNT] = {
	W("Verband", "Wohlfahrtsverband"),
	W("Kammer"),
	W("Behörde", "Agentur", "Behörde/Agentur", "Jobcenter"),
	W("Migrantenorganisation"),
	W("Träger der Jugendarbeit", "Träger der Kinder- und Jugendarbeit", "Jugendarbeit"),
	W("ehrenamtliche Initiative", "Ehrenamt"),
	W("Verein"),
	W("Sozialpartner"),
	W("Religionsgemeinschaft"),
	W("Bildungsträger", "Bildungs- und Sprachkursträger", "Sprachkursträger"),
	W("Schule", "Hochschule", "Schule/Hochschule"),
	W("Verwaltung"),
	W("Sonstige"),
};

static const char *const *const kind_de[NM_KIND_COUNT] = {
	W("Arbeitskreis", "Arbeitsgruppe"),      W("Netzwerk"), W("Runder Tisch"),
	W("Steuerungsgruppe", "Lenkungsgruppe"), W("Beirat"),   W("Ausschuss"),
};

static const char *const *const status_de[NM_STATUS_COUNT] = {
	W("aktiv"),
	W("ruhend", "ruht"),
	W("aufgelöst"),
};

static const char *const *const meets_de[NM_FREQ_COUNT] = {
	W("wöchentlich"),  W("vierzehntäglich", "14-tägig"),
	W("monatlich"),    W("vierteljährlich", "quartalsweise"),
	W("halbjährlich"), W("jährlich"),
	W("unregelmäßig"),
};

static const char *const *const role_de[NM_ROLE_COUNT] = {
	W("Gast"),
	W("Mitglied"),
	W("Vorsitz"),
	W("Federführung"),
};

typedef struct enum_table {
	const char *const *english;
	int count;
	const char *const *const *german;
} enum_table;

static const enum_table enums[NM_ENUM_FIELD_COUNT] = {
	{nm_actor_type_names, NM_TYPE_COUNT, type_de}, {nm_kind_names, NM_KIND_COUNT, kind_de},
	{nm_status_names, NM_STATUS_COUNT, status_de}, {nm_freq_names, NM_FREQ_COUNT, meets_de},
	{nm_role_names, NM_ROLE_COUNT, role_de},
};

/* The settings sheet's keys: every setting of nm_setting_defs, then "dataset". */
static const char *setting_keys[NM_SETTINGS_N + 1];
static pthread_once_t setting_keys_once = PTHREAD_ONCE_INIT;

static void build_setting_keys(void)
{
	for (size_t i = 0; i < NM_SETTINGS_N; i++)
		setting_keys[i] = nm_setting_defs[i].name;
	setting_keys[NM_SETTINGS_N] = "dataset";
}

void nm_label_key(const char *s, nm_buf *out)
{
	utf8proc_uint8_t *mapped = NULL;
	const char *p;
	bool space = false;

	nm_buf_clear(out);
	nm_buf_grow(out, 1); /* never NULL, so that callers may strcmp out->ptr */
	{
		/* ASCII: NFKC changes nothing and case folding is A-Z to a-z. */
		const char *q = s;
		while (*q && (unsigned char)*q < 0x80)
			q++;
		if (!*q) {
			for (q = s; *q; q++) {
				char c = *q;
				if (c == '_' || c == '-' || c == ' ' || (c >= '\t' && c <= '\r')) {
					space = out->len > 0;
					continue;
				}
				if (space)
					nm_buf_putc(out, ' ');
				space = false;
				nm_buf_putc(out, (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
			}
			return;
		}
	}
	if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &mapped,
			 UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
				 UTF8PROC_CASEFOLD) < 0) {
		/* Not UTF-8: compare the bytes as they are. */
		p = s;
	} else {
		p = (const char *)mapped;
	}
	for (; *p; p++) {
		unsigned char c = (unsigned char)*p;
		bool sep = c == '_' || c == '-' || c == ' ' || (c >= '\t' && c <= '\r');
		/* U+00A0 no-break space (C2 A0) counts as white space too. */
		if (c == 0xC2 && (unsigned char)p[1] == 0xA0) {
			sep = true;
			p++;
		}
		if (sep) {
			space = out->len > 0;
			continue;
		}
		if (space)
			nm_buf_putc(out, ' ');
		space = false;
		nm_buf_putc(out, (char)c);
	}
	free(mapped);
}

bool nm_label_equal(const char *a, const char *b)
{
	nm_buf ka = NM_BUF_INIT, kb = NM_BUF_INIT;
	bool eq;

	nm_label_key(a, &ka);
	nm_label_key(b, &kb);
	eq = strcmp(nm_buf_cstr(&ka), nm_buf_cstr(&kb)) == 0;
	nm_buf_release(&ka);
	nm_buf_release(&kb);
	return eq;
}

const nm_column *nm_label_columns(nm_table table, size_t *n)
{
	const nm_column *first = NULL;

	*n = 0;
	for (size_t i = 0; i < NCOLUMNS; i++) {
		if (columns[i].table != table)
			continue;
		if (!first)
			first = &columns[i];
		(*n)++;
	}
	return first;
}

const char *nm_label_table_name(nm_table table, nm_lang lang)
{
	if (table < 0 || table >= NM_TABLE_COUNT)
		return NULL;
	return table_names[table][lang == NM_LANG_DE];
}

bool nm_label_is_extension(const char *header)
{
	utf8proc_uint8_t *mapped = NULL;
	bool ext;

	/* NFKC and case folding only: `x_` is no extension. */
	if (utf8proc_map((const utf8proc_uint8_t *)header, 0, &mapped,
			 UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
				 UTF8PROC_CASEFOLD) < 0)
		return false;
	{
		const char *p = (const char *)mapped;
		while (*p == ' ' || *p == '\t')
			p++;
		ext = p[0] == 'x' && p[1] == '-';
	}
	free(mapped);
	return ext;
}

nm_table nm_label_table_of(const char *sheet_name, bool *contains)
{
	nm_buf k = NM_BUF_INIT, t = NM_BUF_INIT;
	nm_table found = NM_TABLE_NONE;
	const char *s = sheet_name;

	*contains = false;
	while (*s == ' ')
		s++;
	if ((s[0] == 'x' || s[0] == 'X') && s[1] == '-')
		return NM_TABLE_NONE;
	/* Compare the name's key with each table name's key; what follows a
	 * table name must start with a separator, which the key turned into a
	 * space, or a `.`. */
	nm_label_key(sheet_name, &k);
	for (int i = 0; i < NM_TABLE_COUNT && found == NM_TABLE_NONE; i++) {
		for (int l = 0; l < 2 && found == NM_TABLE_NONE; l++) {
			size_t tl;
			nm_label_key(table_names[i][l], &t);
			tl = t.len;
			if (strncmp(k.ptr, t.ptr, tl) == 0 &&
			    (k.ptr[tl] == '\0' || k.ptr[tl] == ' ' || k.ptr[tl] == '.'))
				found = (nm_table)i;
			else if (strstr(k.ptr, t.ptr))
				*contains = true;
		}
	}
	if (found != NM_TABLE_NONE)
		*contains = false;
	nm_buf_release(&k);
	nm_buf_release(&t);
	return found;
}

static bool in_words(const char *const *words, const char *key, nm_buf *tmp)
{
	for (; words && *words; words++) {
		nm_label_key(*words, tmp);
		if (strcmp(tmp->ptr, key) == 0)
			return true;
	}
	return false;
}

const nm_column *nm_label_column_of(nm_table table, const char *header)
{
	nm_buf k = NM_BUF_INIT, t = NM_BUF_INIT;
	const nm_column *found = NULL;

	nm_label_key(header, &k);
	for (size_t i = 0; i < NCOLUMNS && !found; i++) {
		const nm_column *c = &columns[i];
		if (c->table != table)
			continue;
		nm_label_key(c->field, &t);
		if (strcmp(t.ptr, k.ptr) == 0 || in_words(c->headers_de, k.ptr, &t) ||
		    in_words(c->aliases, k.ptr, &t))
			found = c;
	}
	nm_buf_release(&k);
	nm_buf_release(&t);
	return found;
}

const char *nm_label_header(const nm_column *col, nm_lang lang)
{
	return lang == NM_LANG_DE ? col->headers_de[0] : col->field;
}

int nm_label_enum_lookup(nm_enum_field field, const char *text)
{
	const enum_table *e = &enums[field];
	nm_buf k = NM_BUF_INIT, t = NM_BUF_INIT;
	int found = -1;

	nm_label_key(text, &k);
	for (int i = 0; i < e->count && found < 0; i++) {
		nm_label_key(e->english[i], &t);
		if (strcmp(t.ptr, k.ptr) == 0 || in_words(e->german[i], k.ptr, &t))
			found = i;
	}
	nm_buf_release(&k);
	nm_buf_release(&t);
	return found;
}

int nm_label_enum_german(nm_enum_field field, const char *text)
{
	const enum_table *e = &enums[field];
	nm_buf k = NM_BUF_INIT, t = NM_BUF_INIT;
	int found = -1;

	nm_label_key(text, &k);
	for (int i = 0; i < e->count && found < 0; i++)
		if (in_words(e->german[i], k.ptr, &t))
			found = i;
	nm_buf_release(&k);
	nm_buf_release(&t);
	return found;
}

const char *nm_label_enum_word(nm_enum_field field, int value, nm_lang lang)
{
	const enum_table *e = &enums[field];

	if (value < 0 || value >= e->count)
		return NULL;
	return lang == NM_LANG_DE ? e->german[value][0] : e->english[value];
}

void nm_labels_join(nm_buf *b, nm_enum_field field, unsigned value)
{
	const enum_table *e = &enums[field];

	if ((int)value >= e->count)
		return;
	for (const char *const *g = e->german[value]; *g; g++)
		nm_buf_printf(b, "%s%s", g == e->german[value] ? "" : ", ", *g);
}

/* Every field's words, English then German: built once, on any thread. */
static const char **enum_words[NM_ENUM_FIELD_COUNT];
static size_t enum_counts[NM_ENUM_FIELD_COUNT];
static pthread_once_t enum_words_once = PTHREAD_ONCE_INIT;

static void build_enum_words(void)
{
	for (int field = 0; field < NM_ENUM_FIELD_COUNT; field++) {
		const enum_table *e = &enums[field];
		size_t total = 0, k = 0;
		const char **w;
		for (int i = 0; i < e->count; i++) {
			total++;
			for (const char *const *g = e->german[i]; *g; g++)
				total++;
		}
		w = nm_xreallocarray(NULL, total, sizeof(*w));
		for (int i = 0; i < e->count; i++)
			w[k++] = e->english[i];
		for (int i = 0; i < e->count; i++)
			for (const char *const *g = e->german[i]; *g; g++)
				w[k++] = *g;
		enum_counts[field] = total;
		enum_words[field] = w;
	}
}

const char *const *nm_label_enum_words(nm_enum_field field, size_t *n)
{
	pthread_once(&enum_words_once, build_enum_words);
	*n = enum_counts[field];
	return enum_words[field];
}

const char *nm_label_setting_of(const char *text)
{
	nm_buf k = NM_BUF_INIT, t = NM_BUF_INIT;
	const char *found = NULL;

	pthread_once(&setting_keys_once, build_setting_keys);
	nm_label_key(text, &k);
	for (size_t i = 0; i < sizeof(setting_keys) / sizeof(setting_keys[0]) && !found; i++) {
		nm_label_key(setting_keys[i], &t);
		if (strcmp(t.ptr, k.ptr) == 0)
			found = setting_keys[i];
	}
	nm_buf_release(&k);
	nm_buf_release(&t);
	return found;
}

const char *const *nm_label_setting_keys(size_t *n)
{
	pthread_once(&setting_keys_once, build_setting_keys);
	*n = sizeof(setting_keys) / sizeof(setting_keys[0]);
	return setting_keys;
}
