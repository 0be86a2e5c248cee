/*
 * sheet_write.c: datasets and templates as spreadsheets (sheet_write.h).
 *
 * What is written is decided once, as a small book of sheets of typed
 * cells (text, date, count); three backends spell it out: .xlsx through
 * libxlsxwriter (a maintained writer of the format, so that no Office
 * Open XML is written by hand), .ods as OpenDocument XML zipped with
 * libzip (the archive library the readers use), and CSV.
 */
#include "netmap/sheet_write.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xlsxwriter.h>
#include <zip.h>

#include "netmap/arena.h"
#include "netmap/book.h"

/* Document times are fixed, so that the same data gives the same file. */
#define FIXED_TIME ((time_t)1767225600) /* 2026-01-01T00:00:00Z */
#define ODS_TEMPLATE_ROWS 1000u         /* rows below the header that carry drop-downs */

typedef enum wtype { W_EMPTY, W_TEXT, W_DATE, W_COUNT } wtype;

typedef struct wcell {
	uint8_t type; /* wtype */
	bool bold;
	const char *text; /* W_TEXT, in the book's arena */
	nm_date date;     /* W_DATE */
	uint32_t count;   /* W_COUNT */
} wcell;

typedef struct wsheet {
	const char *name;
	nm_table table; /* NM_TABLE_NONE: a sheet that is not read */
	size_t ncols;
	const nm_column **cols; /* table sheets: the column of each */
	unsigned *widths;       /* characters */
	wcell *cells;           /* nrows * ncols */
	size_t nrows, rows_cap;
	bool wrap; /* long text: wrapped, top-aligned */
} wsheet;

typedef struct wbook {
	wsheet *sheets;
	size_t nsheets, cap;
	nm_lang lang;
	nm_arena arena;
} wbook;

int nm_sheet_format_parse(const char *s, nm_sheet_format *out)
{
	if (strcmp(s, "xlsx") == 0)
		*out = NM_SHEET_XLSX;
	else if (strcmp(s, "ods") == 0)
		*out = NM_SHEET_ODS;
	else if (strcmp(s, "csv") == 0)
		*out = NM_SHEET_CSV;
	else
		return -1;
	return 0;
}

/* ---- the book ---------------------------------------------------------- */

static wsheet *sheet_add(wbook *bk, const char *name, nm_table table, size_t ncols)
{
	wsheet *s;

	NM_GROW(bk->sheets, bk->cap, bk->nsheets + 1);
	s = &bk->sheets[bk->nsheets++];
	memset(s, 0, sizeof(*s));
	s->name = nm_arena_strdup(&bk->arena, name);
	s->table = table;
	s->ncols = ncols;
	s->cols = nm_arena_alloc(&bk->arena, ncols * sizeof(*s->cols));
	s->widths = nm_arena_alloc(&bk->arena, ncols * sizeof(*s->widths));
	for (size_t c = 0; c < ncols; c++) {
		s->cols[c] = NULL;
		s->widths[c] = 14;
	}
	return s;
}

static wcell *row_add(wsheet *s)
{
	wcell *row;

	NM_GROW(s->cells, s->rows_cap, (s->nrows + 1) * s->ncols);
	row = &s->cells[s->nrows * s->ncols];
	memset(row, 0, s->ncols * sizeof(*row));
	s->nrows++;
	return row;
}

static void put_text(wbook *bk, wcell *c, const char *text)
{
	if (!text || !text[0])
		return;
	c->type = W_TEXT;
	c->text = nm_arena_strdup(&bk->arena, text);
}

static void put_date(wcell *c, nm_date d)
{
	if (d == NM_DATE_NONE)
		return;
	c->type = W_DATE;
	c->date = d;
}

static void put_count(wcell *c, uint32_t n)
{
	c->type = W_COUNT;
	c->count = n;
}

static void book_release(wbook *bk)
{
	for (size_t i = 0; i < bk->nsheets; i++)
		free(bk->sheets[i].cells);
	free(bk->sheets);
	nm_arena_release(&bk->arena);
}

static unsigned width_of(const nm_column *col)
{
	if (strcmp(col->field, "name") == 0)
		return 40;
	if (strcmp(col->field, "note") == 0 || strcmp(col->field, "label") == 0)
		return 34;
	if (strcmp(col->field, "value") == 0 || strcmp(col->field, "key") == 0)
		return 28;
	switch (col->kind) {
	case NM_COL_LIST:
		return 28;
	case NM_COL_ENUM:
	case NM_COL_REF:
		return 24;
	case NM_COL_DATE:
		return 14;
	default:
		return 18;
	}
}

static bool contact_field(const char *field)
{
	return strncmp(field, "contact.", 8) == 0;
}

/*
 * A table sheet with its header row: every column of the table, but the
 * membership lists when the memberships table holds them (export) and the
 * contact columns unless asked for.
 */
static wsheet *table_sheet(wbook *bk, nm_table t, bool lists, bool contacts)
{
	size_t n, k = 0;
	const nm_column *cols = nm_label_columns(t, &n);
	wsheet *s;
	wcell *head;

	for (size_t i = 0; i < n; i++)
		if ((lists || cols[i].kind != NM_COL_LIST ||
		     strcmp(cols[i].field, "themes") == 0) &&
		    (contacts || !contact_field(cols[i].field)))
			k++;
	s = sheet_add(bk, nm_label_table_name(t, bk->lang), t, k);
	head = row_add(s);
	k = 0;
	for (size_t i = 0; i < n; i++) {
		if (!((lists || cols[i].kind != NM_COL_LIST ||
		       strcmp(cols[i].field, "themes") == 0) &&
		      (contacts || !contact_field(cols[i].field))))
			continue;
		s->cols[k] = &cols[i];
		s->widths[k] = width_of(&cols[i]);
		put_text(bk, &head[k], nm_label_header(&cols[i], bk->lang));
		head[k].bold = true;
		k++;
	}
	return s;
}

static const char *bool_word(bool v, nm_lang lang)
{
	if (lang == NM_LANG_DE)
		return v ? "ja" : "nein";
	return v ? "yes" : "no";
}

static void theme_list(const nm_dataset *ds, const uint32_t *themes, size_t n, nm_buf *b)
{
	nm_buf_clear(b);
	for (size_t i = 0; i < n; i++) {
		if (i)
			nm_buf_puts(b, ", ");
		nm_buf_puts(b, ds->themes[themes[i]].id);
	}
}

static void actor_row(wbook *bk, wsheet *s, const nm_dataset *ds, const nm_actor *a, nm_buf *tmp)
{
	wcell *row = row_add(s);

	for (size_t c = 0; c < s->ncols; c++) {
		const char *f = s->cols[c]->field;
		if (strcmp(f, "id") == 0) {
			put_text(bk, &row[c], a->id);
		} else if (strcmp(f, "name") == 0) {
			put_text(bk, &row[c], a->name);
		} else if (strcmp(f, "type") == 0) {
			put_text(bk, &row[c],
				 nm_label_enum_word(NM_ENUM_TYPE, (int)a->type, bk->lang));
		} else if (strcmp(f, "themes") == 0) {
			theme_list(ds, a->themes, a->nthemes, tmp);
			put_text(bk, &row[c], tmp->ptr);
		} else if (strcmp(f, "district") == 0) {
			put_text(bk, &row[c], a->district);
		} else if (strcmp(f, "website") == 0) {
			put_text(bk, &row[c], a->website);
		} else if (strcmp(f, "note") == 0) {
			put_text(bk, &row[c], a->note);
		} else if (strcmp(f, "contact.person") == 0) {
			put_text(bk, &row[c], a->person);
		} else if (strcmp(f, "contact.email") == 0) {
			put_text(bk, &row[c], a->email);
		} else if (strcmp(f, "contact.phone") == 0) {
			put_text(bk, &row[c], a->phone);
		}
	}
}

static void committee_row(wbook *bk, wsheet *s, const nm_dataset *ds, const nm_committee *cm,
			  nm_buf *tmp)
{
	wcell *row = row_add(s);

	for (size_t c = 0; c < s->ncols; c++) {
		const char *f = s->cols[c]->field;
		if (strcmp(f, "id") == 0) {
			put_text(bk, &row[c], cm->id);
		} else if (strcmp(f, "name") == 0) {
			put_text(bk, &row[c], cm->name);
		} else if (strcmp(f, "kind") == 0) {
			put_text(bk, &row[c],
				 nm_label_enum_word(NM_ENUM_KIND, (int)cm->kind, bk->lang));
		} else if (strcmp(f, "ad_hoc") == 0) {
			put_text(bk, &row[c], bool_word(cm->ad_hoc, bk->lang));
		} else if (strcmp(f, "themes") == 0) {
			theme_list(ds, cm->themes, cm->nthemes, tmp);
			put_text(bk, &row[c], tmp->ptr);
		} else if (strcmp(f, "lead") == 0) {
			if (cm->lead != NM_NONE)
				put_text(bk, &row[c], ds->actors[cm->lead].id);
		} else if (strcmp(f, "status") == 0) {
			put_text(bk, &row[c],
				 nm_label_enum_word(NM_ENUM_STATUS, (int)cm->status, bk->lang));
		} else if (strcmp(f, "founded") == 0) {
			put_date(&row[c], cm->founded);
		} else if (strcmp(f, "ends") == 0) {
			put_date(&row[c], cm->ends);
		} else if (strcmp(f, "last_met") == 0) {
			put_date(&row[c], cm->last_met);
		} else if (strcmp(f, "meets") == 0) {
			if (cm->meets != NM_FREQ_NONE)
				put_text(bk, &row[c],
					 nm_label_enum_word(NM_ENUM_MEETS, (int)cm->meets,
							    bk->lang));
		} else if (strcmp(f, "parent") == 0) {
			if (cm->parent != NM_NONE)
				put_text(bk, &row[c], ds->committees[cm->parent].id);
		} else if (strcmp(f, "district") == 0) {
			put_text(bk, &row[c], cm->district);
		} else if (strcmp(f, "note") == 0) {
			put_text(bk, &row[c], cm->note);
		}
	}
}

static void membership_row(wbook *bk, wsheet *s, const nm_dataset *ds, const nm_membership *m)
{
	wcell *row = row_add(s);

	for (size_t c = 0; c < s->ncols; c++) {
		const char *f = s->cols[c]->field;
		if (strcmp(f, "actor") == 0)
			put_text(bk, &row[c], ds->actors[m->actor].id);
		else if (strcmp(f, "committee") == 0)
			put_text(bk, &row[c], ds->committees[m->committee].id);
		else if (strcmp(f, "role") == 0)
			put_text(bk, &row[c],
				 nm_label_enum_word(NM_ENUM_ROLE, (int)m->role, bk->lang));
		else if (strcmp(f, "since") == 0)
			put_date(&row[c], m->since);
	}
}

/* A settings row: the key in column 0, the value in column 1. */
static wcell *setting_row(wbook *bk, wsheet *s, const char *key)
{
	wcell *row = row_add(s);
	put_text(bk, &row[0], key);
	return row;
}

static void ratio_text(wbook *bk, wcell *c, nm_ratio r)
{
	char tmp[32];

	nm_ratio_format(r, tmp, sizeof(tmp));
	if (bk->lang == NM_LANG_DE) /* a decimal comma, as a German reader writes it (6.3) */
		for (char *p = tmp; *p; p++)
			if (*p == '.')
				*p = ',';
	put_text(bk, c, tmp);
}

/* A row per given setting of nm_setting_defs, in its order, after the dataset's name. */
static void settings_rows(wbook *bk, wsheet *s, const nm_dataset *ds, const nm_settings *st,
			  unsigned mask)
{
	nm_buf tmp = NM_BUF_INIT;

	if (ds->name)
		put_text(bk, &setting_row(bk, s, "dataset")[1], ds->name);
	for (size_t i = 0; i < NM_SETTINGS_N; i++) {
		const nm_setting_def *d = &nm_setting_defs[i];
		wcell *row;
		uint32_t u;
		size_t pos = 0;
		char id[256];

		if (!(mask & d->bit))
			continue;
		row = setting_row(bk, s, d->name);
		nm_buf_clear(&tmp);
		switch (d->kind) {
		case NM_SETTING_RATIO:
			ratio_text(bk, &row[1], nm_setting_ratio(st, d));
			break;
		case NM_SETTING_COUNT:
			put_count(&row[1], nm_setting_number(st, d));
			break;
		case NM_SETTING_TYPES: /* the types' labels; a single `-` is an empty list */
			u = nm_setting_number(st, d);
			for (int t = 0; t < NM_TYPE_COUNT; t++) {
				if (!(u & (1u << t)))
					continue;
				if (tmp.len)
					nm_buf_puts(&tmp, ", ");
				nm_buf_puts(&tmp, nm_label_enum_word(NM_ENUM_TYPE, t, bk->lang));
			}
			put_text(bk, &row[1], tmp.len ? tmp.ptr : "-");
			break;
		case NM_SETTING_IDS: /* the coordinators, ", " between them; `-` for none */
			while (nm_settings_next_coordinator(st, &pos, id, sizeof(id)))
				nm_buf_printf(&tmp, "%s%s", tmp.len ? ", " : "", id);
			put_text(bk, &row[1], tmp.len ? tmp.ptr : "-");
			break;
		}
	}
	nm_buf_release(&tmp);
}

static void dataset_book(wbook *bk, const nm_dataset *ds, const nm_sheet_opts *o)
{
	nm_buf tmp = NM_BUF_INIT;
	const nm_settings *st = o->settings ? o->settings : &ds->settings;
	unsigned mask = o->all_settings ? ~0u : ds->settings_given;
	wsheet *s;

	s = table_sheet(bk, NM_TABLE_ACTORS, false, o->include_contacts);
	for (size_t i = 0; i < ds->nactors; i++)
		actor_row(bk, s, ds, &ds->actors[i], &tmp);
	s = table_sheet(bk, NM_TABLE_COMMITTEES, false, false);
	for (size_t i = 0; i < ds->ncommittees; i++)
		committee_row(bk, s, ds, &ds->committees[i], &tmp);
	s = table_sheet(bk, NM_TABLE_MEMBERSHIPS, false, false);
	for (size_t i = 0; i < ds->nmemberships; i++)
		membership_row(bk, s, ds, &ds->memberships[i]);
	if (ds->themes_declared) {
		s = table_sheet(bk, NM_TABLE_THEMES, false, false);
		for (size_t i = 0; i < ds->nthemes; i++) {
			wcell *row = row_add(s);
			put_text(bk, &row[0], ds->themes[i].id);
			put_text(bk, &row[1], ds->themes[i].label);
		}
	}
	s = table_sheet(bk, NM_TABLE_SETTINGS, false, false);
	settings_rows(bk, s, ds, st, mask);
	nm_buf_release(&tmp);
}

/* ---- the template ------------------------------------------------------ */

/* What each table and column is for, in both languages (the Hinweise sheet). */
typedef struct help_text {
	nm_table table;
	const char *field; /* NULL: the table itself */
	const char *en, *de;
} help_text;

static const help_text help[] = {
	{NM_TABLE_ACTORS, NULL,
	 "One row per organisation: associations, agencies, migrant organisations, schools, "
	 "initiatives.",
	 "Eine Zeile je Organisation: Verbände, Behörden, Migrantenorganisationen, Schulen, "
	 "Initiativen."},
	{NM_TABLE_ACTORS, "id",
	 "Short unique key (letters, digits, . _ -). Leave empty: netmap derives it from the name.",
	 "Kurzer eindeutiger Schlüssel (Buchstaben, Ziffern, . _ -). Leer lassen: netmap bildet ihn "
	 "aus dem Namen."},
	{NM_TABLE_ACTORS, "name", "The organisation's full name. Required.",
	 "Voller Name der Organisation. Pflichtfeld."},
	{NM_TABLE_ACTORS, "type", "What kind of organisation it is: pick from the list. Required.",
	 "Art der Organisation: aus der Liste wählen. Pflichtfeld."},
	{NM_TABLE_ACTORS, "themes", "Themes it works on, separated by commas.",
	 "Themen, an denen sie arbeitet, durch Kommas getrennt."},
	{NM_TABLE_ACTORS, "district", "District or area, free text.",
	 "Stadtteil oder Gebiet, freier Text."},
	{NM_TABLE_ACTORS, "member_of",
	 "Committees it sits in (ids or exact names, separated by commas); or use the memberships "
	 "sheet.",
	 "Gremien, in denen sie sitzt (Kürzel oder genaue Namen, durch Kommas getrennt); oder das "
	 "Blatt Mitgliedschaften nutzen."},
	{NM_TABLE_ACTORS, "website", "Web address.", "Internetadresse."},
	{NM_TABLE_ACTORS, "contact.person", "Contact person (personal data: left out of reports).",
	 "Ansprechperson (personenbezogen: bleibt aus Berichten heraus)."},
	{NM_TABLE_ACTORS, "contact.email", "Contact e-mail (personal data).",
	 "E-Mail-Adresse (personenbezogen)."},
	{NM_TABLE_ACTORS, "contact.phone", "Contact phone (personal data).",
	 "Telefonnummer (personenbezogen)."},
	{NM_TABLE_ACTORS, "note", "Anything else, free text.", "Alles Weitere, freier Text."},

	{NM_TABLE_COMMITTEES, NULL,
	 "One row per working group, network, round table, steering group, advisory board or "
	 "committee.",
	 "Eine Zeile je Arbeitskreis, Netzwerk, Runder Tisch, Steuerungsgruppe, Beirat oder "
	 "Ausschuss."},
	{NM_TABLE_COMMITTEES, "id", "Short unique key; leave empty to derive it from the name.",
	 "Kurzer eindeutiger Schlüssel; leer lassen, dann wird er aus dem Namen gebildet."},
	{NM_TABLE_COMMITTEES, "name", "The committee's name. Required.",
	 "Name des Gremiums. Pflichtfeld."},
	{NM_TABLE_COMMITTEES, "kind", "What kind of body: pick from the list. Required.",
	 "Art des Gremiums: aus der Liste wählen. Pflichtfeld."},
	{NM_TABLE_COMMITTEES, "ad_hoc", "Set up for a limited task? yes or no (empty: no).",
	 "Für eine begrenzte Aufgabe eingerichtet? ja oder nein (leer: nein)."},
	{NM_TABLE_COMMITTEES, "themes", "Themes it works on, separated by commas.",
	 "Themen, an denen es arbeitet, durch Kommas getrennt."},
	{NM_TABLE_COMMITTEES, "lead", "The actor that leads it (id or exact name).",
	 "Der federführende Akteur (Kürzel oder genauer Name)."},
	{NM_TABLE_COMMITTEES, "status", "active, dormant or dissolved (empty: active).",
	 "aktiv, ruhend oder aufgelöst (leer: aktiv)."},
	{NM_TABLE_COMMITTEES, "founded", "When it was set up (a date).",
	 "Wann es eingerichtet wurde (ein Datum)."},
	{NM_TABLE_COMMITTEES, "ends", "When it is planned to end (a date).",
	 "Wann es enden soll (ein Datum)."},
	{NM_TABLE_COMMITTEES, "last_met", "When it last met (a date).",
	 "Wann es zuletzt getagt hat (ein Datum)."},
	{NM_TABLE_COMMITTEES, "meets", "How often it meets: pick from the list.",
	 "Wie oft es tagt: aus der Liste wählen."},
	{NM_TABLE_COMMITTEES, "parent", "The committee it is a sub-group of (id or exact name).",
	 "Das Gremium, dessen Untergruppe es ist (Kürzel oder genauer Name)."},
	{NM_TABLE_COMMITTEES, "district", "District or area, free text.",
	 "Stadtteil oder Gebiet, freier Text."},
	{NM_TABLE_COMMITTEES, "members",
	 "Its members (ids or exact names, separated by commas); or use the memberships sheet.",
	 "Seine Mitglieder (Kürzel oder genaue Namen, durch Kommas getrennt); oder das Blatt "
	 "Mitgliedschaften nutzen."},
	{NM_TABLE_COMMITTEES, "note", "Anything else, free text.", "Alles Weitere, freier Text."},

	{NM_TABLE_MEMBERSHIPS, NULL, "One row per actor in a committee.",
	 "Eine Zeile je Akteur in einem Gremium."},
	{NM_TABLE_MEMBERSHIPS, "actor", "The actor (id or exact name). Required.",
	 "Der Akteur (Kürzel oder genauer Name). Pflichtfeld."},
	{NM_TABLE_MEMBERSHIPS, "committee", "The committee (id or exact name). Required.",
	 "Das Gremium (Kürzel oder genauer Name). Pflichtfeld."},
	{NM_TABLE_MEMBERSHIPS, "role", "Its role: pick from the list (empty: member).",
	 "Die Rolle: aus der Liste wählen (leer: Mitglied)."},
	{NM_TABLE_MEMBERSHIPS, "since", "Member since (a date).", "Mitglied seit (ein Datum)."},

	{NM_TABLE_THEMES, NULL,
	 "Optional: the list of themes. Once it has a row, every theme used elsewhere must be listed "
	 "here.",
	 "Freiwillig: die Liste der Themen. Sobald sie eine Zeile hat, muss jedes verwendete Thema "
	 "hier stehen."},
	{NM_TABLE_THEMES, "id", "Short key of the theme (empty: derived from the label).",
	 "Kurzer Schlüssel des Themas (leer: aus der Bezeichnung gebildet)."},
	{NM_TABLE_THEMES, "label", "The theme's name as people read it.",
	 "Name des Themas, wie man ihn liest."},

	{NM_TABLE_SETTINGS, NULL,
	 "Optional: thresholds of the analysis, one per row (see docs/spreadsheets.md). A row "
	 "'dataset' names the dataset.",
	 "Freiwillig: Schwellen der Auswertung, eine je Zeile (siehe docs/spreadsheets.de.md). Eine "
	 "Zeile 'dataset' benennt den Datenbestand."},
	{NM_TABLE_SETTINGS, "key", "The setting's name, e.g. max_load or dataset.",
	 "Name der Einstellung, z. B. max_load oder dataset."},
	{NM_TABLE_SETTINGS, "value", "Its value.", "Ihr Wert."},
};

static const char *help_for(nm_table t, const char *field, nm_lang lang)
{
	for (size_t i = 0; i < sizeof(help) / sizeof(help[0]); i++)
		if (help[i].table == t &&
		    ((!field && !help[i].field) ||
		     (field && help[i].field && strcmp(field, help[i].field) == 0)))
			return lang == NM_LANG_DE ? help[i].de : help[i].en;
	return "";
}

static int enum_count(nm_enum_field f)
{
	switch (f) {
	case NM_ENUM_TYPE:
		return NM_TYPE_COUNT;
	case NM_ENUM_KIND:
		return NM_KIND_COUNT;
	case NM_ENUM_STATUS:
		return NM_STATUS_COUNT;
	case NM_ENUM_MEETS:
		return NM_FREQ_COUNT;
	default:
		return NM_ROLE_COUNT;
	}
}

/* The i-th choice of a drop-down (roles strongest first), or NULL past the end. */
static const char *choice(const nm_column *col, int i, nm_lang lang)
{
	if (!col)
		return NULL;
	if (col->kind == NM_COL_BOOL)
		return i < 2 ? bool_word(i == 0, lang) : NULL;
	if (col->kind != NM_COL_ENUM || i >= enum_count((nm_enum_field)col->enum_field))
		return NULL;
	if (col->enum_field == NM_ENUM_ROLE)
		i = NM_ROLE_COUNT - 1 - i;
	return nm_label_enum_word((nm_enum_field)col->enum_field, i, lang);
}

static void help_sheet(wbook *bk)
{
	static const nm_table order[] = {NM_TABLE_ACTORS, NM_TABLE_COMMITTEES, NM_TABLE_MEMBERSHIPS,
					 NM_TABLE_THEMES, NM_TABLE_SETTINGS};
	bool de = bk->lang == NM_LANG_DE;
	wsheet *s = sheet_add(bk, de ? "Hinweise" : "How to", NM_TABLE_NONE, 2);
	nm_buf tmp = NM_BUF_INIT;
	wcell *row;

	s->wrap = true;
	s->widths[0] = 26;
	s->widths[1] = 90;
	row = row_add(s);
	put_text(bk, &row[0],
		 de ? "So füllen Sie diese Mappe aus" : "How to fill in this workbook");
	row[0].bold = true;
	row = row_add(s);
	put_text(
		bk, &row[1],
		de ? "Jedes Blatt unten ist eine Tabelle, die netmap liest; die erste Zeile sind die "
		     "Spaltenköpfe: nicht umbenennen. Eine Zeile je Eintrag, leere Zeilen werden "
		     "übersprungen. Felder mit Auswahlliste: Pfeil in der Zelle. Datum: TT.MM.JJJJ. "
		     "Verweise auf Akteure und Gremien: Kürzel oder genauer Name. Das Blatt "
		     "'Beispiele' und dieses Blatt werden nicht gelesen; eigene Blätter auch nicht, "
		     "ebenso Blätter, deren Name mit x- beginnt. Eigene Spalten: Kopf mit x- beginnen. "
		     "Prüfen: netmap validate DATEI; auswerten: netmap scan DATEI."
		   : "Each sheet below is a table netmap reads; its first row holds the column "
		     "headers: do not rename them. One row per entry; empty rows are skipped. "
		     "Columns with a list: use the arrow in the cell. Dates: YYYY-MM-DD. "
		     "References to actors and committees: id or exact name. The 'Examples' sheet "
		     "and this one are not read, nor are sheets of your own or sheets whose name "
		     "begins with x-. Columns of your own: start the header with x-. "
		     "Check: netmap validate FILE; analyse: netmap scan FILE.");
	for (size_t t = 0; t < sizeof(order) / sizeof(order[0]); t++) {
		size_t n;
		const nm_column *cols = nm_label_columns(order[t], &n);
		row_add(s);
		row = row_add(s);
		put_text(bk, &row[0], nm_label_table_name(order[t], bk->lang));
		row[0].bold = true;
		put_text(bk, &row[1], help_for(order[t], NULL, bk->lang));
		for (size_t i = 0; i < n; i++) {
			const nm_column *c = &cols[i];
			row = row_add(s);
			put_text(bk, &row[0], nm_label_header(c, bk->lang));
			nm_buf_clear(&tmp);
			nm_buf_puts(&tmp, help_for(order[t], c->field, bk->lang));
			if (choice(c, 0, bk->lang)) {
				nm_buf_puts(&tmp, de ? " Werte: " : " Values: ");
				for (int k = 0; choice(c, k, bk->lang); k++)
					nm_buf_printf(&tmp, "%s%s", k ? ", " : "",
						      choice(c, k, bk->lang));
				nm_buf_putc(&tmp, '.');
			}
			put_text(bk, &row[1], tmp.ptr);
		}
	}
	row_add(s);
	row = row_add(s);
	put_text(bk, &row[0], nm_label_table_name(NM_TABLE_MATRIX, bk->lang));
	row[0].bold = true;
	put_text(bk, &row[1],
		 de ? "Wer wo sitzt, als Raster (statt oder neben den Mitgliedschaften): in "
		      "Spalte A die Akteure (Kürzel oder Name), in Zeile 1 ab Spalte C die Gremien "
		      "(Kürzel oder Name), in die Zellen x (Mitglied) oder eine Rolle wie Vorsitz; "
		      "leer heißt: nicht dabei. Spalte B (x-Notiz) ist für eigene Notizen."
		    : "Who sits where, as a grid (instead of or beside the memberships): actors "
		      "(id or name) in column A, committees (id or name) in row 1 from column C "
		      "on, and in the cells x (a member) or a role such as chair; empty means not "
		      "a member. Column B (x-note) is for notes of your own.");
	nm_buf_release(&tmp);
}

/* The matrix's first two header cells: the actor column (its text is not read) and a notes column.
 */
static const char *matrix_head(int i, nm_lang lang)
{
	if (i == 0)
		return lang == NM_LANG_DE ? "Akteur / Gremium →" : "Actor / committee →";
	return lang == NM_LANG_DE ? "x-Notiz" : "x-note";
}

/* Example records: (field, value) pairs; enum values in English, dates ISO. */
typedef struct example {
	nm_table table;
	const char *const *pairs; /* field, value, ..., NULL */
} example;

#define EX(t, ...) \
	{ \
		t, (const char *const[]) \
		{ \
			__VA_ARGS__, NULL \
		} \
	}

static const example examples[] = {
	EX(NM_TABLE_ACTORS, "id", "caritas", "name", "Caritasverband Musterstadt e.V.", "type",
	   "association", "themes", "language, counselling", "district", "Nord"),
	EX(NM_TABLE_ACTORS, "id", "vhs", "name", "Volkshochschule Musterstadt", "type",
	   "education_provider", "themes", "language", "website", "https://vhs.example.org"),
	EX(NM_TABLE_ACTORS, "name", "Türkisch-Deutscher Elternverein e.V.", "type",
	   "migrant_organisation", "themes", "school"),
	EX(NM_TABLE_COMMITTEES, "id", "ak-sprache", "name", "Arbeitskreis Sprache", "kind",
	   "working_group", "themes", "language", "lead", "vhs", "status", "active", "founded",
	   "2024-03-01", "last_met", "2026-10-12", "meets", "monthly"),
	EX(NM_TABLE_COMMITTEES, "id", "rt-bildung", "name", "Runder Tisch Bildung", "kind",
	   "round_table", "ad_hoc", "yes", "themes", "school, language", "ends", "2027-06-30",
	   "meets", "quarterly"),
	EX(NM_TABLE_MEMBERSHIPS, "actor", "caritas", "committee", "ak-sprache", "role", "chair",
	   "since", "2024-03-01"),
	EX(NM_TABLE_MEMBERSHIPS, "actor", "vhs", "committee", "ak-sprache", "role", "lead"),
	EX(NM_TABLE_MEMBERSHIPS, "actor", "Türkisch-Deutscher Elternverein e.V.", "committee",
	   "Runder Tisch Bildung", "role", "guest"),
	EX(NM_TABLE_THEMES, "id", "language", "label", "Sprache"),
	EX(NM_TABLE_THEMES, "id", "school", "label", "Schule"),
	EX(NM_TABLE_THEMES, "id", "counselling", "label", "Beratung"),
	EX(NM_TABLE_SETTINGS, "key", "dataset", "value", "Musterstadt"),
	EX(NM_TABLE_SETTINGS, "key", "max_load", "value", "6"),
	EX(NM_TABLE_SETTINGS, "key", "voices", "value",
	   "migrant_organisation, volunteer_initiative"),
};

/* An example value as a writer in lang spells it. */
static void example_cell(wbook *bk, wcell *c, const nm_column *col, const char *v, nm_buf *tmp)
{
	if (col->kind == NM_COL_DATE) {
		nm_date d;
		if (nm_date_parse(v, &d) == 0)
			put_date(c, d);
		return;
	}
	if (col->kind == NM_COL_BOOL) {
		put_text(bk, c, bool_word(strcmp(v, "yes") == 0, bk->lang));
		return;
	}
	if (col->kind == NM_COL_ENUM) {
		put_text(bk, c,
			 nm_label_enum_word((nm_enum_field)col->enum_field,
					    nm_label_enum_lookup((nm_enum_field)col->enum_field, v),
					    bk->lang));
		return;
	}
	if (strcmp(v, "migrant_organisation, volunteer_initiative") == 0) { /* voices */
		nm_buf_clear(tmp);
		nm_buf_printf(
			tmp, "%s, %s",
			nm_label_enum_word(NM_ENUM_TYPE, NM_TYPE_MIGRANT_ORGANISATION, bk->lang),
			nm_label_enum_word(NM_ENUM_TYPE, NM_TYPE_VOLUNTEER_INITIATIVE, bk->lang));
		put_text(bk, c, tmp->ptr);
		return;
	}
	put_text(bk, c, v);
}

static void examples_sheet(wbook *bk)
{
	static const nm_table order[] = {NM_TABLE_ACTORS, NM_TABLE_COMMITTEES, NM_TABLE_MEMBERSHIPS,
					 NM_TABLE_THEMES, NM_TABLE_SETTINGS};
	bool de = bk->lang == NM_LANG_DE;
	size_t maxcols = 0;
	nm_buf tmp = NM_BUF_INIT;
	wsheet *s;
	wcell *row;

	for (size_t t = 0; t < sizeof(order) / sizeof(order[0]); t++) {
		size_t n;
		nm_label_columns(order[t], &n);
		if (n > maxcols)
			maxcols = n;
	}
	s = sheet_add(bk, de ? "Beispiele" : "Examples", NM_TABLE_NONE, maxcols);
	for (size_t c = 0; c < maxcols; c++)
		s->widths[c] = 20;
	s->widths[0] = 32;
	s->widths[1] = 34;
	row = row_add(s);
	put_text(
		bk, &row[0],
		de ? "Beispiele (dieses Blatt wird nicht gelesen): so sehen ausgefüllte Zeilen aus."
		   : "Examples (this sheet is not read): what filled-in rows look like.");
	row[0].bold = true;
	for (size_t t = 0; t < sizeof(order) / sizeof(order[0]); t++) {
		size_t n;
		const nm_column *cols = nm_label_columns(order[t], &n);
		row_add(s);
		row = row_add(s);
		put_text(bk, &row[0], nm_label_table_name(order[t], bk->lang));
		row[0].bold = true;
		row = row_add(s);
		for (size_t c = 0; c < n; c++) {
			put_text(bk, &row[c], nm_label_header(&cols[c], bk->lang));
			row[c].bold = true;
		}
		for (size_t e = 0; e < sizeof(examples) / sizeof(examples[0]); e++) {
			if (examples[e].table != order[t])
				continue;
			row = row_add(s);
			for (const char *const *p = examples[e].pairs; *p; p += 2)
				for (size_t c = 0; c < n; c++)
					if (strcmp(cols[c].field, p[0]) == 0)
						example_cell(bk, &row[c], &cols[c], p[1], &tmp);
		}
	}
	/* The matrix: the same memberships as a grid. */
	row_add(s);
	row = row_add(s);
	put_text(bk, &row[0], nm_label_table_name(NM_TABLE_MATRIX, bk->lang));
	row[0].bold = true;
	row = row_add(s);
	put_text(bk, &row[0], matrix_head(0, bk->lang));
	put_text(bk, &row[1], matrix_head(1, bk->lang));
	put_text(bk, &row[2], "ak-sprache");
	put_text(bk, &row[3], "Runder Tisch Bildung");
	for (int c = 0; c < 4; c++)
		row[c].bold = true;
	row = row_add(s);
	put_text(bk, &row[0], "caritas");
	put_text(bk, &row[2], nm_label_enum_word(NM_ENUM_ROLE, NM_ROLE_CHAIR, bk->lang));
	row = row_add(s);
	put_text(bk, &row[0], "vhs");
	put_text(bk, &row[2], "x");
	row = row_add(s);
	put_text(bk, &row[0], "Türkisch-Deutscher Elternverein e.V.");
	put_text(bk, &row[3], nm_label_enum_word(NM_ENUM_ROLE, NM_ROLE_GUEST, bk->lang));
	nm_buf_release(&tmp);
}

/*
 * An empty matrix: the actor column and an x- notes column, so that the
 * header row is found (6.1) before any committee is named; committees go
 * from column C on.
 */
static void matrix_sheet(wbook *bk)
{
	wsheet *s = sheet_add(bk, nm_label_table_name(NM_TABLE_MATRIX, bk->lang), NM_TABLE_MATRIX,
			      2);
	wcell *head = row_add(s);

	for (int c = 0; c < 2; c++) {
		put_text(bk, &head[c], matrix_head(c, bk->lang));
		head[c].bold = true;
	}
	s->widths[0] = 40;
	s->widths[1] = 20;
}

static void template_book(wbook *bk, bool workbook)
{
	if (workbook)
		help_sheet(bk);
	table_sheet(bk, NM_TABLE_ACTORS, true, true);
	table_sheet(bk, NM_TABLE_COMMITTEES, true, true);
	table_sheet(bk, NM_TABLE_MEMBERSHIPS, true, true);
	table_sheet(bk, NM_TABLE_THEMES, true, true);
	table_sheet(bk, NM_TABLE_SETTINGS, true, true);
	matrix_sheet(bk);
	if (workbook)
		examples_sheet(bk);
}

/* ---- files ------------------------------------------------------------- */

static int make_temp(const char *path, nm_buf *tmp, nm_error *err)
{
	int fd;

	nm_buf_clear(tmp);
	nm_buf_printf(tmp, "%s.XXXXXX", path);
	fd = mkstemp(tmp->ptr);
	if (fd < 0)
		return nm_error_set(err, NM_EIO, "cannot write '%s': %s", path, strerror(errno));
	return fd;
}

/* Set the mode, flush to disk and rename tmp over path; removes tmp on failure. */
static int finish_temp(const char *tmp, const char *path, bool private_data, nm_error *err)
{
	mode_t mask = umask(0);
	int fd, saved = 0;

	umask(mask);
	if (chmod(tmp, private_data ? 0600 : (0666 & ~mask)) != 0)
		saved = errno;
	fd = saved ? -1 : open(tmp, O_RDONLY);
	if (fd >= 0) {
		if (fsync(fd) != 0 && errno != EINVAL)
			saved = errno;
		close(fd);
	} else if (!saved) {
		saved = errno;
	}
	if (!saved && rename(tmp, path) != 0)
		saved = errno;
	if (saved) {
		unlink(tmp);
		return nm_error_set(err, NM_EIO, "cannot write '%s': %s", path, strerror(saved));
	}
	return NM_OK;
}

int nm_sheet_write_file(const char *path, const nm_buf *b, bool private_data, nm_error *err)
{
	nm_buf tmp = NM_BUF_INIT;
	FILE *f = NULL;
	int fd, rc = NM_OK, saved = 0;

	fd = make_temp(path, &tmp, err);
	if (fd < 0) {
		rc = fd;
		goto done;
	}
	f = fdopen(fd, "wb");
	if (!f) {
		saved = errno;
		close(fd);
	} else {
		if (b->len && fwrite(b->ptr, 1, b->len, f) != b->len)
			saved = errno ? errno : EIO;
		if (fclose(f) != 0 && !saved)
			saved = errno;
	}
	if (saved) {
		unlink(tmp.ptr);
		rc = nm_error_set(err, NM_EIO, "cannot write '%s': %s", path, strerror(saved));
		goto done;
	}
	rc = finish_temp(tmp.ptr, path, private_data, err);
done:
	nm_buf_release(&tmp);
	return rc;
}

static bool has_contacts(const nm_dataset *ds, bool include)
{
	if (!include)
		return false;
	for (size_t i = 0; i < ds->nactors; i++)
		if (ds->actors[i].person || ds->actors[i].email || ds->actors[i].phone)
			return true;
	return false;
}

/* ---- xlsx -------------------------------------------------------------- */

static const char *date_code(nm_lang lang)
{
	return lang == NM_LANG_DE ? "dd.mm.yyyy" : "yyyy-mm-dd";
}

/* The calendar date of d (days since 1970-01-01), by the civil-from-days rule. */
static lxw_datetime lxw_date(nm_date d)
{
	lxw_datetime t = {0, 0, 0, 0, 0, 0};
	long z = (long)d + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long day = doy - (153 * mp + 2) / 5 + 1;
	long month = mp < 10 ? mp + 3 : mp - 9;

	t.year = (uint16_t)(yoe + era * 400 + (month <= 2));
	t.month = (uint8_t)month;
	t.day = (uint8_t)day;
	return t;
}

static bool is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* U+FFFE or U+FFFF at s: characters that XML cannot hold at all. */
static bool non_character(const char *s)
{
	return (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBF &&
	       ((unsigned char)s[2] == 0xBE || (unsigned char)s[2] == 0xBF);
}

/* `_xHHHH_` at s: what Office Open XML reads as an escaped character. */
static bool ooxml_escape(const char *s)
{
	return s[0] == '_' && s[1] == 'x' && is_hex(s[2]) && is_hex(s[3]) && is_hex(s[4]) &&
	       is_hex(s[5]) && s[6] == '_';
}

/*
 * Text for an .xlsx cell. Office Open XML reads `_xHHHH_` as an escaped
 * character (libxlsxwriter writes control characters so), so a literal
 * one is written `_x005F_xHHHH_`; U+FFFE and U+FFFF, which XML cannot
 * hold, are dropped. Returns s itself when nothing needs changing.
 */
static const char *xlsx_text(const char *s, nm_buf *tmp)
{
	bool change = false;

	for (const char *p = s; *p && !change; p++)
		change = non_character(p) || ooxml_escape(p);
	if (!change)
		return s;
	nm_buf_clear(tmp);
	for (const char *p = s; *p; p++) {
		if (non_character(p)) {
			p += 2;
			continue;
		}
		if (ooxml_escape(p))
			nm_buf_puts(tmp, "_x005F");
		nm_buf_putc(tmp, *p);
	}
	return tmp->ptr;
}

/* The lines a row of wrapped text takes, roughly: characters over the column width. */
static unsigned row_lines(const wsheet *s, size_t r)
{
	unsigned most = 1;

	for (size_t c = 0; c < s->ncols; c++) {
		const wcell *x = &s->cells[r * s->ncols + c];
		unsigned chars = 0, per = s->widths[c] + s->widths[c] / 10, lines;
		if (x->type != W_TEXT)
			continue;
		for (const char *p = x->text; *p; p++)
			if (((unsigned char)*p & 0xC0) != 0x80)
				chars++;
		lines = (chars + per - 1) / per;
		if (lines > most)
			most = lines;
	}
	return most;
}

/* The matrix's drop-down, from column C on: x or a role. */
static lxw_error matrix_marks(lxw_worksheet *ws, nm_lang lang)
{
	char *list[NM_ROLE_COUNT + 2];
	lxw_data_validation dv;
	const char *w = "x";
	int k = 0;

	memcpy(&list[k++], &w, sizeof(w));
	for (int r = NM_ROLE_COUNT - 1; r >= 0; r--) {
		w = nm_label_enum_word(NM_ENUM_ROLE, r, lang);
		memcpy(&list[k++], &w, sizeof(w));
	}
	list[k] = NULL;
	memset(&dv, 0, sizeof(dv));
	dv.validate = LXW_VALIDATION_TYPE_LIST;
	dv.value_list = list;
	dv.ignore_blank = LXW_VALIDATION_ON;
	dv.dropdown = LXW_VALIDATION_ON;
	dv.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
	return worksheet_data_validation_range(ws, 1, 2, LXW_ROW_MAX - 1, LXW_COL_MAX - 1, &dv);
}

static int xlsx_write(const wbook *bk, const char *path, nm_error *err)
{
	lxw_workbook *wb;
	lxw_format *bold, *date, *wrap, *wrap_bold;
	lxw_doc_properties props;
	static char author[] = "netmap";
	lxw_error le = LXW_NO_ERROR;
	nm_buf tmp = NM_BUF_INIT;
	char *list[16];
	int rc;

	wb = workbook_new(path);
	if (!wb)
		return nm_error_set(err, NM_EIO, "cannot write '%s': %s", path, strerror(errno));
	memset(&props, 0, sizeof(props));
	props.created = FIXED_TIME;
	props.author = author;
	workbook_set_properties(wb, &props);
	bold = workbook_add_format(wb);
	format_set_bold(bold);
	date = workbook_add_format(wb);
	format_set_num_format(date, date_code(bk->lang));
	format_set_align(date, LXW_ALIGN_LEFT);
	wrap = workbook_add_format(wb);
	format_set_text_wrap(wrap);
	format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
	wrap_bold = workbook_add_format(wb);
	format_set_text_wrap(wrap_bold);
	format_set_align(wrap_bold, LXW_ALIGN_VERTICAL_TOP);
	format_set_bold(wrap_bold);

	for (size_t i = 0; i < bk->nsheets && le == LXW_NO_ERROR; i++) {
		const wsheet *s = &bk->sheets[i];
		lxw_worksheet *ws = workbook_add_worksheet(wb, s->name);
		if (!ws) {
			le = LXW_ERROR_MEMORY_MALLOC_FAILED;
			break;
		}
		for (size_t c = 0; c < s->ncols; c++) {
			bool is_date = s->cols[c] && s->cols[c]->kind == NM_COL_DATE;
			worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, s->widths[c],
					     is_date ? date : (s->wrap ? wrap : NULL));
		}
		for (size_t r = 0; r < s->nrows && le == LXW_NO_ERROR; r++) {
			for (size_t c = 0; c < s->ncols && le == LXW_NO_ERROR; c++) {
				const wcell *x = &s->cells[r * s->ncols + c];
				lxw_format *f = x->bold ? (s->wrap ? wrap_bold : bold)
							: (s->wrap ? wrap : NULL);
				lxw_datetime dt;
				switch (x->type) {
				case W_TEXT:
					le = worksheet_write_string(ws, (lxw_row_t)r, (lxw_col_t)c,
								    xlsx_text(x->text, &tmp), f);
					break;
				case W_DATE:
					dt = lxw_date(x->date);
					le = worksheet_write_datetime(ws, (lxw_row_t)r,
								      (lxw_col_t)c, &dt, date);
					break;
				case W_COUNT:
					le = worksheet_write_number(ws, (lxw_row_t)r, (lxw_col_t)c,
								    (double)x->count, f);
					break;
				default:
					break;
				}
			}
		}
		/* Printed (or made a PDF): landscape A4, one page wide, with grid lines. */
		worksheet_set_landscape(ws);
		worksheet_set_paper(ws, 9);
		worksheet_gridlines(ws, LXW_SHOW_ALL_GRIDLINES);
		worksheet_fit_to_pages(ws, 1, 0);
		if (s->wrap) {
			/* libxlsxwriter does not measure text: give wrapped rows their height. */
			for (size_t r = 0; r < s->nrows; r++)
				worksheet_set_row(ws, (lxw_row_t)r, 15.0 * row_lines(s, r), NULL);
		}
		if (s->table == NM_TABLE_NONE)
			continue;
		worksheet_repeat_rows(ws, 0, 0);
		if (s->table == NM_TABLE_MATRIX) {
			worksheet_freeze_panes(ws, 1, 1);
			le = matrix_marks(ws, bk->lang);
			continue;
		}
		worksheet_freeze_panes(ws, 1, 0);
		for (size_t c = 0; c < s->ncols && le == LXW_NO_ERROR; c++) {
			lxw_data_validation dv;
			int k = 0;
			if (!choice(s->cols[c], 0, bk->lang))
				continue;
			/* libxlsxwriter takes char ** but only reads the words. */
			for (; choice(s->cols[c], k, bk->lang) && k < 15; k++) {
				const char *w = choice(s->cols[c], k, bk->lang);
				memcpy(&list[k], &w, sizeof(w));
			}
			list[k] = NULL;
			memset(&dv, 0, sizeof(dv));
			dv.validate = LXW_VALIDATION_TYPE_LIST;
			dv.value_list = list; /* libxlsxwriter takes char ** but does not write */
			dv.ignore_blank = LXW_VALIDATION_ON;
			dv.dropdown = LXW_VALIDATION_ON;
			/* A warning, not a stop: other labels (Wohlfahrtsverband) read too. */
			dv.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
			le = worksheet_data_validation_range(ws, 1, (lxw_col_t)c, LXW_ROW_MAX - 1,
							     (lxw_col_t)c, &dv);
		}
	}
	nm_buf_release(&tmp);
	if (le == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED) {
		workbook_close(wb);
		unlink(path);
		return nm_error_set(err, NM_EINVALID,
				    "a text is longer than 32,767 characters, the most a cell of "
				    "'%s' can hold",
				    path);
	}
	rc = le == LXW_NO_ERROR
		     ? NM_OK
		     : nm_error_set(err, NM_EIO, "cannot write '%s': %s", path, lxw_strerror(le));
	le = workbook_close(wb);
	if (rc == NM_OK && le != LXW_NO_ERROR)
		rc = nm_error_set(err, NM_EIO, "cannot write '%s': %s", path, lxw_strerror(le));
	return rc;
}

/* ---- ods --------------------------------------------------------------- */

#define ODS_NS \
	"xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" " \
	"xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" " \
	"xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" " \
	"xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" " \
	"xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" " \
	"xmlns:number=\"urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0\" " \
	"xmlns:of=\"urn:oasis:names:tc:opendocument:xmlns:of:1.2\" " \
	"xmlns:config=\"urn:oasis:names:tc:opendocument:xmlns:config:1.0\" office:version=\"1.2\""

/* XML attribute or text: the five entities; characters XML cannot hold are dropped. */
static void xml_escape(nm_buf *b, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		switch (c) {
		case '<':
			nm_buf_puts(b, "&lt;");
			break;
		case '>':
			nm_buf_puts(b, "&gt;");
			break;
		case '&':
			nm_buf_puts(b, "&amp;");
			break;
		case '"':
			nm_buf_puts(b, "&quot;");
			break;
		case '\'':
			nm_buf_puts(b, "&apos;");
			break;
		default:
			if (non_character(s))
				s += 2; /* U+FFFE, U+FFFF: XML cannot hold them */
			else if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
				nm_buf_putc(b, (char)c);
			break;
		}
	}
}

/*
 * A cell's text as text:p content: a line break ends one paragraph and
 * starts the next (as LibreOffice writes a cell of several lines, and
 * reads it back; it ignores <text:line-break/> in cells), tabs as
 * <text:tab/>, and every space that XML would fold (a leading one, or one
 * after another) as <text:s/>.
 */
static void ods_text(nm_buf *b, const char *s)
{
	bool after_space = true;
	char one[2] = {0, 0};

	for (; *s; s++) {
		if (*s == '\n') {
			nm_buf_puts(b, "</text:p><text:p>");
			after_space = true;
		} else if (*s == '\r') {
			if (s[1] != '\n') {
				nm_buf_puts(b, "</text:p><text:p>");
				after_space = true;
			}
		} else if (*s == '\t') {
			nm_buf_puts(b, "<text:tab/>");
			after_space = false;
		} else if (*s == ' ') {
			nm_buf_puts(b, after_space || s[1] == '\0' ? "<text:s/>" : " ");
			after_space = true;
		} else if (non_character(s)) {
			s += 2; /* U+FFFE, U+FFFF: XML cannot hold them */
		} else {
			one[0] = *s;
			xml_escape(b, one);
			after_space = false;
		}
	}
}

static void ods_quoted_name(nm_buf *b, const char *name)
{
	nm_buf_putc(b, '\'');
	for (const char *p = name; *p; p++) {
		if (*p == '\'')
			nm_buf_putc(b, '\'');
		nm_buf_putc(b, *p);
	}
	nm_buf_putc(b, '\'');
}

static void ods_validations(nm_buf *b, const wbook *bk)
{
	bool any = false;

	for (size_t i = 0; i < bk->nsheets; i++) {
		const wsheet *s = &bk->sheets[i];
		if (s->table == NM_TABLE_NONE)
			continue;
		for (size_t c = 0; c < s->ncols; c++) {
			char col[8];
			if (!choice(s->cols[c], 0, bk->lang))
				continue;
			if (!any)
				nm_buf_puts(b, "<table:content-validations>");
			any = true;
			nm_buf_printf(b,
				      "<table:content-validation table:name=\"val%zu_%zu\" "
				      "table:condition=\"of:cell-content-is-in-list(",
				      i, c);
			for (int k = 0; choice(s->cols[c], k, bk->lang); k++) {
				nm_buf_puts(b, k ? ";&quot;" : "&quot;");
				xml_escape(b, choice(s->cols[c], k, bk->lang));
				nm_buf_puts(b, "&quot;");
			}
			nm_book_col_name((uint32_t)c + 1, col);
			nm_buf_puts(
				b,
				")\" table:allow-empty-cell=\"true\" table:display-list=\"unsorted\" "
				"table:base-cell-address=\"");
			{
				nm_buf q = NM_BUF_INIT;
				ods_quoted_name(&q, s->name);
				xml_escape(b, q.ptr);
				nm_buf_release(&q);
			}
			nm_buf_printf(b,
				      ".%s2\"><table:error-message table:display=\"true\" "
				      "table:message-type=\"warning\"/></table:content-validation>",
				      col);
		}
	}
	if (any)
		nm_buf_puts(b, "</table:content-validations>");
}

static const char *ods_width(unsigned chars)
{
	if (chars >= 90)
		return "co5";
	if (chars >= 34)
		return "co4";
	if (chars >= 24)
		return "co3";
	if (chars >= 18)
		return "co2";
	return "co1";
}

/* The attributes of an empty cell of column c on a table sheet (validation, date style). */
static void ods_cell_attrs(nm_buf *b, const wbook *bk, size_t sheet, const wsheet *s, size_t c)
{
	if (!s->cols[c])
		return;
	if (choice(s->cols[c], 0, bk->lang))
		nm_buf_printf(b, " table:content-validation-name=\"val%zu_%zu\"", sheet, c);
}

static void ods_sheet(nm_buf *b, const wbook *bk, size_t si)
{
	const wsheet *s = &bk->sheets[si];

	nm_buf_puts(b, "<table:table table:name=\"");
	xml_escape(b, s->name);
	nm_buf_puts(b, "\">");
	for (size_t c = 0; c < s->ncols; c++) {
		bool is_date = s->cols[c] && s->cols[c]->kind == NM_COL_DATE;
		nm_buf_printf(b,
			      "<table:table-column table:style-name=\"%s\" "
			      "table:default-cell-style-name=\"%s\"/>",
			      ods_width(s->widths[c]),
			      is_date ? "ceDate" : (s->wrap ? "ceWrap" : "Default"));
	}
	for (size_t r = 0; r < s->nrows; r++) {
		nm_buf_puts(b, "<table:table-row>");
		for (size_t c = 0; c < s->ncols; c++) {
			const wcell *x = &s->cells[r * s->ncols + c];
			char d[16];
			nm_buf_puts(b, "<table:table-cell");
			if (r > 0)
				ods_cell_attrs(b, bk, si, s, c);
			switch (x->type) {
			case W_TEXT:
				nm_buf_printf(b, "%s office:value-type=\"string\"><text:p>",
					      x->bold ? " table:style-name=\"ceHead\""
						      : (s->wrap ? " table:style-name=\"ceWrap\""
								 : ""));
				ods_text(b, x->text);
				nm_buf_puts(b, "</text:p></table:table-cell>");
				break;
			case W_DATE:
				nm_date_format(x->date, d);
				nm_buf_printf(
					b,
					" table:style-name=\"ceDate\" office:value-type=\"date\" "
					"office:date-value=\"%s\"><text:p>",
					d);
				if (bk->lang == NM_LANG_DE)
					nm_buf_printf(b, "%.2s.%.2s.%.4s", d + 8, d + 5, d);
				else
					nm_buf_puts(b, d);
				nm_buf_puts(b, "</text:p></table:table-cell>");
				break;
			case W_COUNT:
				nm_buf_printf(b,
					      " office:value-type=\"float\" office:value=\"%u\">"
					      "<text:p>%u</text:p></table:table-cell>",
					      x->count, x->count);
				break;
			default:
				nm_buf_puts(b, "/>");
				break;
			}
		}
		nm_buf_puts(b, "</table:table-row>");
	}
	if (s->table != NM_TABLE_NONE) {
		/* Empty rows that carry the drop-downs and date formats. */
		unsigned extra = s->nrows < ODS_TEMPLATE_ROWS
					 ? ODS_TEMPLATE_ROWS - (unsigned)s->nrows
					 : 100;
		nm_buf_printf(b, "<table:table-row table:number-rows-repeated=\"%u\">", extra);
		for (size_t c = 0; c < s->ncols; c++) {
			nm_buf_puts(b, "<table:table-cell");
			ods_cell_attrs(b, bk, si, s, c);
			nm_buf_puts(b, "/>");
		}
		nm_buf_puts(b, "</table:table-row>");
	}
	nm_buf_puts(b, "</table:table>");
}

static void ods_content(nm_buf *b, const wbook *bk)
{
	static const char *const widths[] = {"2.6cm", "3.6cm", "4.6cm", "6.4cm", "17cm"};

	nm_buf_puts(b,
		    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content " ODS_NS
		    "><office:automatic-styles>");
	for (size_t i = 0; i < sizeof(widths) / sizeof(widths[0]); i++)
		nm_buf_printf(
			b,
			"<style:style style:name=\"co%zu\" style:family=\"table-column\">"
			"<style:table-column-properties style:column-width=\"%s\"/></style:style>",
			i + 1, widths[i]);
	if (bk->lang == NM_LANG_DE)
		nm_buf_puts(
			b,
			"<number:date-style style:name=\"N1\"><number:day number:style=\"long\"/>"
			"<number:text>.</number:text><number:month number:style=\"long\"/>"
			"<number:text>.</number:text><number:year number:style=\"long\"/>"
			"</number:date-style>");
	else
		nm_buf_puts(
			b,
			"<number:date-style style:name=\"N1\"><number:year number:style=\"long\"/>"
			"<number:text>-</number:text><number:month number:style=\"long\"/>"
			"<number:text>-</number:text><number:day number:style=\"long\"/>"
			"</number:date-style>");
	nm_buf_puts(b, "<style:style style:name=\"ceDate\" style:family=\"table-cell\" "
		       "style:parent-style-name=\"Default\" style:data-style-name=\"N1\">"
		       "<style:paragraph-properties fo:text-align=\"start\"/></style:style>"
		       "<style:style style:name=\"ceHead\" style:family=\"table-cell\" "
		       "style:parent-style-name=\"Default\"><style:table-cell-properties "
		       "fo:wrap-option=\"wrap\" style:vertical-align=\"top\"/>"
		       "<style:text-properties fo:font-weight=\"bold\"/></style:style>"
		       "<style:style style:name=\"ceWrap\" style:family=\"table-cell\" "
		       "style:parent-style-name=\"Default\"><style:table-cell-properties "
		       "fo:wrap-option=\"wrap\" style:vertical-align=\"top\"/></style:style>"
		       "</office:automatic-styles><office:body><office:spreadsheet>");
	ods_validations(b, bk);
	for (size_t i = 0; i < bk->nsheets; i++)
		ods_sheet(b, bk, i);
	nm_buf_puts(b, "</office:spreadsheet></office:body></office:document-content>\n");
}

/* settings.xml: the header row of each table sheet frozen. */
static void ods_settings(nm_buf *b, const wbook *bk)
{
	/* What LibreOffice writes for a sheet whose first row is frozen. */
	static const char *const frozen[][3] = {
		{"CursorPositionX", "int", "0"},         {"CursorPositionY", "int", "1"},
		{"HorizontalSplitMode", "short", "0"},   {"VerticalSplitMode", "short", "2"},
		{"HorizontalSplitPosition", "int", "0"}, {"VerticalSplitPosition", "int", "1"},
		{"ActiveSplitRange", "short", "2"},      {"PositionLeft", "int", "0"},
		{"PositionRight", "int", "0"},           {"PositionTop", "int", "0"},
		{"PositionBottom", "int", "1"},
	};

	nm_buf_puts(
		b,
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-settings " ODS_NS
		"><office:settings><config:config-item-set config:name=\"ooo:view-settings\">"
		"<config:config-item-map-indexed config:name=\"Views\"><config:config-item-map-entry>"
		"<config:config-item config:name=\"ViewId\" config:type=\"string\">view1"
		"</config:config-item><config:config-item-map-named config:name=\"Tables\">");
	for (size_t i = 0; i < bk->nsheets; i++) {
		if (bk->sheets[i].table == NM_TABLE_NONE)
			continue;
		nm_buf_puts(b, "<config:config-item-map-entry config:name=\"");
		xml_escape(b, bk->sheets[i].name);
		nm_buf_puts(b, "\">");
		for (size_t k = 0; k < sizeof(frozen) / sizeof(frozen[0]); k++)
			nm_buf_printf(b,
				      "<config:config-item config:name=\"%s\" config:type=\"%s\">%s"
				      "</config:config-item>",
				      frozen[k][0], frozen[k][1], frozen[k][2]);
		nm_buf_puts(b, "</config:config-item-map-entry>");
	}
	nm_buf_puts(b,
		    "</config:config-item-map-named></config:config-item-map-entry>"
		    "</config:config-item-map-indexed></config:config-item-set></office:settings>"
		    "</office:document-settings>\n");
}

/* styles.xml: printed (or made a PDF) landscape A4, one page wide, with grid lines. */
static const char ods_styles[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-styles " ODS_NS
	"><office:automatic-styles><style:page-layout style:name=\"pm1\">"
	"<style:page-layout-properties fo:page-width=\"29.7cm\" fo:page-height=\"21cm\" "
	"style:print-orientation=\"landscape\" style:scale-to-X=\"1\" style:scale-to-Y=\"0\" "
	"style:print=\"grid charts drawings objects zero-values\" fo:margin-top=\"1.5cm\" "
	"fo:margin-bottom=\"1.5cm\" fo:margin-left=\"1.5cm\" fo:margin-right=\"1.5cm\"/>"
	"</style:page-layout></office:automatic-styles><office:master-styles>"
	"<style:master-page style:name=\"Default\" style:page-layout-name=\"pm1\"/>"
	"</office:master-styles></office:document-styles>\n";

static const char ods_manifest[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "
	"manifest:version=\"1.2\">"
	"<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\" "
	"manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>"
	"<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
	"<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>"
	"<manifest:file-entry manifest:full-path=\"settings.xml\" manifest:media-type=\"text/xml\"/>"
	"</manifest:manifest>\n";

static const char ods_mimetype[] = "application/vnd.oasis.opendocument.spreadsheet";

static int ods_zip_add(zip_t *za, const char *name, const char *data, size_t len, bool store)
{
	zip_source_t *src = zip_source_buffer(za, data, len, 0);
	zip_int64_t idx;

	if (!src)
		return -1;
	idx = zip_file_add(za, name, src, ZIP_FL_ENC_UTF_8);
	if (idx < 0) {
		zip_source_free(src);
		return -1;
	}
	/* 1980-01-01 00:00, the earliest DOS time: no clock in the file. */
	if (zip_file_set_dostime(za, (zip_uint64_t)idx, 0, (1 << 5) | 1, 0) != 0)
		return -1;
	if (zip_set_file_compression(za, (zip_uint64_t)idx, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
				     store ? 0 : 6) != 0)
		return -1;
	return 0;
}

static int ods_write(const wbook *bk, const char *path, nm_error *err)
{
	nm_buf content = NM_BUF_INIT, settings = NM_BUF_INIT;
	zip_t *za = NULL;
	int zerr = 0, rc = NM_OK;

	ods_content(&content, bk);
	ods_settings(&settings, bk);
	za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
	if (!za) {
		rc = nm_error_set(err, NM_EIO, "cannot write '%s': cannot create the archive",
				  path);
		goto done;
	}
	/* The mimetype first and stored, so that programs know the file by its first bytes. */
	if (ods_zip_add(za, "mimetype", ods_mimetype, strlen(ods_mimetype), true) != 0 ||
	    ods_zip_add(za, "META-INF/manifest.xml", ods_manifest, strlen(ods_manifest), false) !=
		    0 ||
	    ods_zip_add(za, "content.xml", content.ptr, content.len, false) != 0 ||
	    ods_zip_add(za, "styles.xml", ods_styles, strlen(ods_styles), false) != 0 ||
	    ods_zip_add(za, "settings.xml", settings.ptr, settings.len, false) != 0) {
		rc = nm_error_set(err, NM_EIO, "cannot write '%s': %s", path, zip_strerror(za));
		zip_discard(za);
		goto done;
	}
	if (zip_close(za) != 0) {
		rc = nm_error_set(err, NM_EIO, "cannot write '%s': %s", path, zip_strerror(za));
		zip_discard(za);
	}
done:
	nm_buf_release(&content);
	nm_buf_release(&settings);
	return rc;
}

/* ---- csv --------------------------------------------------------------- */

void nm_sheet_csv_field(nm_buf *b, const char *s, char delim)
{
	size_t n = strlen(s);
	bool inject = n && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
			    s[0] == '\t' || s[0] == '\r');
	bool quote = inject || (n && (s[0] == ' ' || s[n - 1] == ' ' || s[n - 1] == '\t'));

	for (const char *p = s; *p && !quote; p++)
		if (*p == delim || *p == ',' || *p == ';' || *p == '\t' || *p == '"' ||
		    *p == '\n' || *p == '\r')
			quote = true;
	if (!quote) {
		nm_buf_put(b, s, n);
		return;
	}
	nm_buf_putc(b, '"');
	if (inject)
		nm_buf_putc(b, ' ');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			nm_buf_putc(b, '"');
		nm_buf_putc(b, *p);
	}
	nm_buf_putc(b, '"');
}

static void csv_sheet(nm_buf *b, const wbook *bk, const wsheet *s)
{
	char delim = bk->lang == NM_LANG_DE ? ';' : ',';
	nm_buf tmp = NM_BUF_INIT;

	nm_buf_puts(b, "\xEF\xBB\xBF");
	for (size_t r = 0; r < s->nrows; r++) {
		for (size_t c = 0; c < s->ncols; c++) {
			const wcell *x = &s->cells[r * s->ncols + c];
			char d[16];
			if (c)
				nm_buf_putc(b, delim);
			switch (x->type) {
			case W_TEXT:
				nm_sheet_csv_field(b, x->text, delim);
				break;
			case W_DATE:
				nm_date_format(x->date, d);
				if (bk->lang == NM_LANG_DE)
					nm_buf_printf(b, "%.2s.%.2s.%.4s", d + 8, d + 5, d);
				else
					nm_buf_puts(b, d);
				break;
			case W_COUNT:
				nm_buf_printf(b, "%u", x->count);
				break;
			default:
				break;
			}
		}
		nm_buf_puts(b, "\r\n");
	}
	nm_buf_release(&tmp);
}

static int csv_write(const wbook *bk, const char *dir, bool private_data, nm_error *err)
{
	nm_buf b = NM_BUF_INIT, path = NM_BUF_INIT;
	int rc = NM_OK;

	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		return nm_error_set(err, NM_EIO, "cannot create '%s': %s", dir, strerror(errno));
	for (size_t i = 0; i < bk->nsheets && rc == NM_OK; i++) {
		const wsheet *s = &bk->sheets[i];
		if (s->table == NM_TABLE_NONE)
			continue;
		nm_buf_clear(&b);
		nm_buf_clear(&path);
		csv_sheet(&b, bk, s);
		nm_buf_printf(&path, "%s/%s.csv", dir, s->name);
		rc = nm_sheet_write_file(path.ptr, &b, private_data && s->table == NM_TABLE_ACTORS,
					 err);
	}
	nm_buf_release(&b);
	nm_buf_release(&path);
	return rc;
}

/* ---- the entry points -------------------------------------------------- */

static int book_write(const wbook *bk, nm_sheet_format fmt, const char *path, bool private_data,
		      nm_error *err)
{
	nm_buf tmp = NM_BUF_INIT;
	int fd, rc;

	if (fmt == NM_SHEET_CSV)
		return csv_write(bk, path, private_data, err);
	fd = make_temp(path, &tmp, err);
	if (fd < 0) {
		rc = fd;
		goto done;
	}
	close(fd);
	rc = fmt == NM_SHEET_XLSX ? xlsx_write(bk, tmp.ptr, err) : ods_write(bk, tmp.ptr, err);
	if (rc == NM_OK)
		rc = finish_temp(tmp.ptr, path, private_data, err);
	else
		unlink(tmp.ptr);
	if (rc != NM_OK && err && strstr(err->message, tmp.ptr)) {
		/* Name the file the user asked for, not the temporary one. */
		char msg[sizeof(err->message)];
		const char *at = strstr(err->message, tmp.ptr);
		snprintf(msg, sizeof(msg), "%.*s%s%s", (int)(at - err->message), err->message, path,
			 at + tmp.len);
		memcpy(err->message, msg, sizeof(msg));
	}
done:
	nm_buf_release(&tmp);
	return rc;
}

int nm_sheet_write_dataset(const nm_dataset *ds, nm_sheet_format fmt, const nm_sheet_opts *o,
			   const char *path, nm_error *err)
{
	wbook bk;
	int rc;

	memset(&bk, 0, sizeof(bk));
	bk.lang = o->lang;
	dataset_book(&bk, ds, o);
	rc = book_write(&bk, fmt, path, has_contacts(ds, o->include_contacts), err);
	book_release(&bk);
	return rc;
}

int nm_sheet_write_template(nm_sheet_format fmt, nm_lang lang, const char *path, nm_error *err)
{
	wbook bk;
	int rc;

	memset(&bk, 0, sizeof(bk));
	bk.lang = lang;
	template_book(&bk, fmt != NM_SHEET_CSV);
	rc = book_write(&bk, fmt, path, false, err);
	book_release(&bk);
	return rc;
}

void nm_sheet_outputs(nm_sheet_format fmt, nm_lang lang, const char *path, char **names)
{
	static const nm_table tables[] = {NM_TABLE_ACTORS,      NM_TABLE_COMMITTEES,
					  NM_TABLE_MEMBERSHIPS, NM_TABLE_THEMES,
					  NM_TABLE_SETTINGS,    NM_TABLE_MATRIX};
	size_t k = 0;

	if (fmt != NM_SHEET_CSV) {
		names[k++] = nm_xstrdup(path);
	} else {
		for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
			nm_buf b = NM_BUF_INIT;
			nm_buf_printf(&b, "%s/%s.csv", path, nm_label_table_name(tables[i], lang));
			names[k++] = nm_buf_detach(&b);
		}
	}
	names[k] = NULL;
}
