/*
 * diff_write.c: a diff in words (diff_words.h), for the report document
 * (report_doc.c) that the text and Markdown writers render, and the HTML
 * and JSON writers of the what-changed section. The German and English
 * words are kept in one table.
 */
#include "netmap/diff.h"
#include "diff_words.h"
#include "netmap/escape.h"
#include "netmap/json.h"
#include "netmap/labels.h"
#include "netmap/textfmt.h"

#include <stdlib.h>
#include <string.h>

/* ---- words ------------------------------------------------------------- */

static const nm_msg msgs[] = {
	{"What changed from snapshot %lld to %lld",
	 "Was sich von Stand %lld zu Stand %lld geändert hat"},
	{"What the plan would change in snapshot %lld", "Was der Plan an Stand %lld ändern würde"},
	{"Nothing changed.", "Nichts hat sich geändert."},
	{"Actors", "Akteure"},
	{"Groups", "Gremien"},
	{"Memberships", "Mitgliedschaften"},
	{"%zu added, %zu removed, %zu changed", "%zu neu, %zu entfernt, %zu geändert"},
	{"New findings", "Neue Befunde"},
	{"Resolved findings", "Erledigte Befunde"},
	{"The findings of one of the snapshots could not be read; they are not compared.",
	 "Die Befunde eines der beiden Stände waren nicht lesbar; sie werden nicht verglichen."},
	{"in", "in"},
	{"and", "und"},
	{"(none)", "(keine Angabe)"},
	{"yes", "ja"},
	{"no", "nein"},
	/* field names */
	{"name", "Name"},
	{"type", "Typ"},
	{"themes", "Themen"},
	{"district", "Stadtteil"},
	{"website", "Website"},
	{"note", "Notiz"},
	{"kind", "Art"},
	{"ad hoc", "ad hoc"},
	{"status", "Status"},
	{"lead", "Federführung"},
	{"parent", "übergeordnet"},
	{"founded", "gegründet"},
	{"ends", "endet"},
	{"last met", "zuletzt getroffen"},
	{"meets", "trifft sich"},
	{"role", "Rolle"},
	{"since", "seit"},
	/* finding kinds */
	{"duplicate groups", "doppelte Gremien"},
	{"nested groups", "verschachtelte Gremien"},
	{"overlapping groups", "überlappende Gremien"},
	{"merge cluster", "Zusammenlegungs-Cluster"},
	{"overloaded actor", "überlastete Akteur:in"},
	{"group to review", "zu prüfendes Gremium"},
	{"theme no group works on", "Thema ohne Gremium"},
	{"actor in no group", "Akteur ohne Gremium"},
	{"single-type group", "Gremium mit nur einem Akteurstyp"},
	{"missing voice", "fehlende Stimme"},
	{"possible duplicate records", "mögliche doppelte Einträge"},
	/* review reasons, duplicate reasons */
	{"dormant", "ruhend"},
	{"stale", "lange nicht getroffen"},
	{"overdue ad-hoc group", "überfällige Ad-hoc-Gruppe"},
	{"long-running ad-hoc group", "lang laufende Ad-hoc-Gruppe"},
	{"same name", "gleicher Name"},
	{"same contact", "gleicher Kontakt"},
	{"similar name", "ähnlicher Name"},
	{"no %s", "%s"},
};

#define TR(lang, en) NM_TR(msgs, (lang), (en))

/* ---- words for values ---------------------------------------------------- */

static const char *const field_words[][2] = {
	{"ad_hoc", "ad hoc"},
	{"last_met", "last met"},
};

static const char *field_word(nm_lang lang, const char *name)
{
	for (size_t i = 0; i < sizeof(field_words) / sizeof(field_words[0]); i++)
		if (strcmp(field_words[i][0], name) == 0)
			return TR(lang, field_words[i][1]);
	return TR(lang, name);
}

/* The enum field of status, meets and role values, or -1. */
static int enum_of(const char *field_name)
{
	if (strcmp(field_name, "status") == 0)
		return NM_ENUM_STATUS;
	if (strcmp(field_name, "meets") == 0)
		return NM_ENUM_MEETS;
	if (strcmp(field_name, "role") == 0)
		return NM_ENUM_ROLE;
	return -1;
}

/* An enum value, date or flag as a reader of lang expects it. */
static void value_words(nm_buf *b, nm_lang lang, const char *field_name, const char *v)
{
	int i;
	nm_date d;

	if (!v || !v[0]) {
		nm_buf_puts(b, TR(lang, "(none)"));
	} else if (strcmp(field_name, "type") == 0 &&
		   (i = nm_enum_lookup(nm_actor_type_names, NM_TYPE_COUNT, v)) >= 0) {
		nm_buf_puts(b, nm_i18n_type(lang, (nm_actor_type)i));
	} else if (strcmp(field_name, "kind") == 0 &&
		   (i = nm_enum_lookup(nm_kind_names, NM_KIND_COUNT, v)) >= 0) {
		nm_buf_puts(b, nm_i18n_kind(lang, (nm_kind)i));
	} else if (strcmp(field_name, "ad_hoc") == 0) {
		nm_buf_puts(b, TR(lang, strcmp(v, "true") == 0 ? "yes" : "no"));
	} else if ((i = enum_of(field_name)) >= 0 &&
		   nm_label_enum_lookup((nm_enum_field)i, v) >= 0) {
		/* German: the spreadsheets' label (labels.c); English: the value in words */
		if (lang == NM_LANG_DE)
			nm_buf_puts(b, nm_label_enum_word((nm_enum_field)i,
							  nm_label_enum_lookup((nm_enum_field)i, v),
							  lang));
		else
			for (const char *p = v; *p; p++)
				nm_buf_putc(b, (char)(*p == '_' ? ' ' : *p));
	} else if (strcmp(field_name, "themes") == 0) {
		for (const char *p = v; *p; p++) {
			if (*p == ',')
				nm_buf_puts(b, ", ");
			else
				nm_buf_putc(b, *p);
		}
	} else if ((strcmp(field_name, "founded") == 0 || strcmp(field_name, "ends") == 0 ||
		    strcmp(field_name, "last_met") == 0 || strcmp(field_name, "since") == 0) &&
		   nm_date_parse(v, &d) == 0) {
		nm_i18n_date(b, lang, d);
	} else {
		nm_buf_puts(b, v);
	}
}

static void reason_words(nm_buf *b, nm_lang lang, const char *reason)
{
	static const char *const words[][2] = {
		{"overdue_ad_hoc", "overdue ad-hoc group"},
		{"long_running_ad_hoc", "long-running ad-hoc group"},
		{"same_name", "same name"},
		{"same_contact", "same contact"},
		{"similar_name", "similar name"},
	};

	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(words[i][0], reason) == 0) {
			nm_buf_puts(b, TR(lang, words[i][1]));
			return;
		}
	nm_buf_puts(b, TR(lang, reason));
}

static const char *finding_word(nm_lang lang, const nm_diff_finding *f)
{
	static const char *const words[NM_FINDING_KIND_COUNT] = {
		"overlapping groups", "merge cluster",           "overloaded actor",
		"group to review",    "theme no group works on", "actor in no group",
		"single-type group",  "missing voice",           "possible duplicate records",
	};

	if (f->kind == NM_FINDING_OVERLAP && strcmp(f->part[2], "duplicate") == 0)
		return TR(lang, "duplicate groups");
	if (f->kind == NM_FINDING_OVERLAP && strcmp(f->part[2], "nested") == 0)
		return TR(lang, "nested groups");
	return TR(lang, words[f->kind]);
}

/* What a finding is about, in words: "A (a) and B (b)", "X (x): dormant". */
void nm_diff_finding_words(nm_buf *b, nm_lang lang, const nm_diff_finding *f)
{
	const char *x = f->label[0] ? f->label[0] : f->part[0];
	const char *y = f->label[1] ? f->label[1] : f->part[1];
	int t;

	nm_buf_puts(b, finding_word(lang, f));
	nm_buf_puts(b, ": ");
	switch (f->kind) {
	case NM_FINDING_OVERLAP:
	case NM_FINDING_DUPLICATE_ACTOR:
		nm_buf_printf(b, "%s %s %s", x, TR(lang, "and"), y);
		if (f->kind == NM_FINDING_DUPLICATE_ACTOR) {
			nm_buf_puts(b, " (");
			reason_words(b, lang, f->part[2]);
			nm_buf_putc(b, ')');
		}
		break;
	case NM_FINDING_REVIEW:
		nm_buf_printf(b, "%s, ", x);
		reason_words(b, lang, f->part[1]);
		break;
	case NM_FINDING_MISSING_VOICE:
		t = nm_enum_lookup(nm_actor_type_names, NM_TYPE_COUNT, f->part[1]);
		nm_buf_printf(b, TR(lang, "no %s"),
			      t >= 0 ? nm_i18n_type(lang, (nm_actor_type)t) : f->part[1]);
		nm_buf_printf(b, " %s %s", TR(lang, "in"), x);
		break;
	default:
		nm_buf_puts(b, x);
		break;
	}
}

/* The text of one record's line after its marker. */
void nm_diff_record_words(nm_buf *b, nm_lang lang, const nm_diff_record *r)
{
	int i;

	if (r->what == NM_DIFF_MEMBERSHIP)
		nm_buf_printf(b, "%s (%s) %s %s (%s)", r->actor_name, r->actor, TR(lang, "in"),
			      r->name, r->id);
	else
		nm_buf_printf(b, "%s (%s)", r->name, r->id);
	if (!r->detail)
		return;
	nm_buf_puts(b, ", ");
	if (r->what == NM_DIFF_ACTOR &&
	    (i = nm_enum_lookup(nm_actor_type_names, NM_TYPE_COUNT, r->detail)) >= 0)
		nm_buf_puts(b, nm_i18n_type(lang, (nm_actor_type)i));
	else if (r->what == NM_DIFF_COMMITTEE &&
		 (i = nm_enum_lookup(nm_kind_names, NM_KIND_COUNT, r->detail)) >= 0)
		nm_buf_puts(b, nm_i18n_kind(lang, (nm_kind)i));
	else if (r->what == NM_DIFF_MEMBERSHIP)
		value_words(b, lang, "role", r->detail);
	else
		nm_buf_puts(b, TR(lang, r->detail));
}

void nm_diff_field_words(nm_buf *b, nm_lang lang, const nm_diff_field *f)
{
	nm_buf_printf(b, "%s: ", field_word(lang, f->name));
	value_words(b, lang, f->name, f->before);
	nm_buf_puts(b, " → ");
	value_words(b, lang, f->name, f->after);
}

const char *nm_diff_section_word(nm_diff_what what)
{
	return what == NM_DIFF_ACTOR       ? "Actors"
	       : what == NM_DIFF_COMMITTEE ? "Groups"
					   : "Memberships";
}

void nm_diff_count_changes(const nm_diff *d, nm_diff_what what, size_t n[3])
{
	n[0] = n[1] = n[2] = 0;
	for (size_t i = 0; i < d->nrecords; i++)
		if (d->records[i].what == what)
			n[d->records[i].change]++;
}

size_t nm_diff_count_findings(const nm_diff *d, bool resolved)
{
	size_t n = 0;

	for (size_t i = 0; i < d->nfindings; i++)
		n += d->findings[i].resolved == resolved;
	return n;
}

const char nm_diff_marks[3] = {'+', '-', '~'};

/* The section's title: two snapshots, or a snapshot and its plan. */
void nm_diff_title(nm_buf *b, const nm_diff *d, nm_lang lang)
{
	if (d->plan)
		nm_buf_printf(b, TR(lang, "What the plan would change in snapshot %lld"), d->from);
	else
		nm_buf_printf(b, TR(lang, "What changed from snapshot %lld to %lld"), d->from,
			      d->to);
}

const char *nm_diff_tr(nm_lang lang, const char *en)
{
	return TR(lang, en);
}

/* ---- JSON ------------------------------------------------------------------ */

static void json_value(nm_buf *b, const char *field_name, const char *v)
{
	if (v && strcmp(field_name, "ad_hoc") == 0) {
		nm_buf_puts(b, strcmp(v, "true") == 0 ? "true" : "false");
	} else if (v && strcmp(field_name, "themes") == 0) {
		const char *p = v;
		nm_buf_putc(b, '[');
		while (*p) {
			const char *comma = strchr(p, ',');
			size_t len = comma ? (size_t)(comma - p) : strlen(p);
			char *id = nm_xstrndup(p, len);
			if (p != v)
				nm_buf_puts(b, ", ");
			nm_json_str(b, id);
			free(id);
			p += len + (comma ? 1 : 0);
		}
		nm_buf_putc(b, ']');
	} else {
		nm_json_str(b, v);
	}
}

static void json_record(nm_buf *b, const nm_diff_record *r)
{
	if (r->what == NM_DIFF_MEMBERSHIP) {
		nm_buf_puts(b, "{\"committee\": ");
		nm_json_str(b, r->id);
		nm_buf_puts(b, ", \"actor\": ");
		nm_json_str(b, r->actor);
	} else {
		nm_buf_puts(b, "{\"id\": ");
		nm_json_str(b, r->id);
		nm_buf_puts(b, ", \"name\": ");
		nm_json_str(b, r->name);
	}
	if (r->detail) {
		nm_buf_puts(b, r->what == NM_DIFF_ACTOR       ? ", \"type\": "
			       : r->what == NM_DIFF_COMMITTEE ? ", \"kind\": "
							      : ", \"role\": ");
		nm_json_str(b, r->detail);
	}
	if (r->change == NM_DIFF_CHANGED) {
		nm_buf_puts(b, ", \"fields\": {");
		for (size_t j = 0; j < r->nfields; j++) {
			const nm_diff_field *f = &r->fields[j];
			nm_buf_puts(b, j ? ", " : "");
			nm_json_str(b, f->name);
			nm_buf_puts(b, ": {\"from\": ");
			json_value(b, f->name, f->before);
			nm_buf_puts(b, ", \"to\": ");
			json_value(b, f->name, f->after);
			nm_buf_putc(b, '}');
		}
		nm_buf_putc(b, '}');
	}
	nm_buf_putc(b, '}');
}

static void json_finding(nm_buf *b, const nm_diff_finding *f)
{
	static const char *const kinds[NM_FINDING_KIND_COUNT] = {
		"overlap",
		"cluster",
		"overloaded",
		"review",
		"uncovered_theme",
		"isolated_actor",
		"single_type_committee",
		"missing_voice",
		"duplicate_actor",
	};
	static const char *const keys[NM_FINDING_KIND_COUNT][3] = {
		{"a", "b", "class"},           {"committees", NULL, NULL}, {"actor", NULL, NULL},
		{"committee", "reason", NULL}, {"theme", NULL, NULL},      {"actor", NULL, NULL},
		{"committee", NULL, NULL},     {"theme", "type", NULL},    {"a", "b", "reason"},
	};

	nm_buf_puts(b, "{\"kind\": ");
	nm_json_str(b, kinds[f->kind]);
	for (int i = 0; i < 3 && keys[f->kind][i]; i++) {
		nm_buf_printf(b, ", \"%s\": ", keys[f->kind][i]);
		if (f->kind == NM_FINDING_CLUSTER)
			json_value(b, "themes", f->part[i]); /* ids joined by ",": a list */
		else
			nm_json_str(b, f->part[i]);
	}
	nm_buf_putc(b, '}');
}

void nm_diff_write_json(nm_buf *b, const nm_diff *d)
{
	static const char *const whats[] = {"actors", "committees", "memberships"};
	static const char *const changes[] = {"added", "removed", "changed"};

	nm_buf_printf(b, "{\"from\": %lld, \"to\": %lld", d->from, d->to);
	if (d->plan)
		nm_buf_puts(b, ", \"plan\": true");
	for (int what = NM_DIFF_ACTOR; what <= NM_DIFF_MEMBERSHIP; what++) {
		nm_buf_printf(b, ",\n \"%s\": {", whats[what]);
		for (int change = NM_DIFF_ADDED; change <= NM_DIFF_CHANGED; change++) {
			bool first = true;
			nm_buf_printf(b, "%s\"%s\": [", change ? ",\n   " : "", changes[change]);
			for (size_t i = 0; i < d->nrecords; i++) {
				const nm_diff_record *r = &d->records[i];
				if ((int)r->what != what || (int)r->change != change)
					continue;
				nm_buf_puts(b, first ? "\n    " : ",\n    ");
				json_record(b, r);
				first = false;
			}
			nm_buf_putc(b, ']');
		}
		nm_buf_putc(b, '}');
	}
	if (!d->findings_compared) {
		nm_buf_puts(b, ",\n \"findings\": null}");
		return;
	}
	nm_buf_puts(b, ",\n \"findings\": {");
	for (int resolved = 0; resolved < 2; resolved++) {
		bool first = true;
		nm_buf_puts(b, resolved ? ",\n   \"resolved\": [" : "\"new\": [");
		for (size_t i = 0; i < d->nfindings; i++) {
			if (d->findings[i].resolved != (bool)resolved)
				continue;
			nm_buf_puts(b, first ? "\n    " : ",\n    ");
			json_finding(b, &d->findings[i]);
			first = false;
		}
		nm_buf_putc(b, ']');
	}
	nm_buf_puts(b, "}}");
}
