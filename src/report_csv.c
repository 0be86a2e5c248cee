/*
 * report_csv.c: one table of the analysis a call, for spreadsheets.
 *
 * RFC 4180: a header row, CRLF line ends, a cell quoted when it holds the
 * separator, a quote or a line break, quotes doubled. English uses comma
 * and decimal point with the contract's codes as values, for scripts as
 * much as for people. German is what German Excel and LibreOffice open
 * directly with a double click: a UTF-8 byte-order mark (without it Excel
 * reads the file as Windows-1252), semicolons, decimal commas, dates as
 * 26.11.2026, and German words in the header and for every code.
 *
 * Spreadsheets run a cell that begins with = + - @ (or tab, CR) as a
 * formula, so such a cell from anywhere gets a leading apostrophe, which
 * spreadsheets show as text. Control characters from the data become
 * U+FFFD (nm_text_clean); a line break inside a name or note is kept,
 * quoted. Contact data (personal, contract 5.4) only with include_contacts.
 */
#include "netmap/report.h"
#include "netmap/labels.h"
#include "netmap/report_csv.h"
#include "netmap/textfmt.h"
#include "report_plan.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Header words (English: the contract's field names) and German values. */
static const nm_msg msgs[] = {
	{"a", "Gremium A"},
	{"a_name", "Name A"},
	{"b", "Gremium B"},
	{"b_name", "Name B"},
	{"class", "Befund"},
	{"shared", "gemeinsame Mitglieder"},
	{"jaccard", "Überschneidung (Jaccard)"},
	{"containment", "Anteil am kleineren Gremium"},
	{"theme_jaccard", "Themenüberschneidung (Jaccard)"},
	{"inside", "enthaltenes Gremium"},
	{"shared_members", "IDs der gemeinsamen Mitglieder"},
	{"shared_themes", "gemeinsame Themen"},
	{"duplicate", "Doppelung"},
	{"nested", "verschachtelt"},
	{"overlap", "Überschneidung"},
	{"cluster", "Cluster"},
	{"committee", "Gremium"},
	{"name", "Name"},
	{"actor", "Akteur"},
	{"type", "Art"},
	{"committees", "Gremien"},
	{"meetings_per_year", "Treffen im Jahr"},
	{"overloaded", "überlastet"},
	{"yes", "ja"},
	{"no", "nein"},
	{"reason", "Grund"},
	{"days", "Tage"},
	{"date", "Datum"},
	{"dormant", "ruhend"},
	{"long_running_ad_hoc", "Ad-hoc-Gremium ohne Ende"},
	{"overdue_ad_hoc", "Ad-hoc-Gremium über geplantes Ende"},
	{"stale", "lange ohne Treffen"},
	{"gap", "Lücke"},
	{"id", "ID"},
	{"uncovered_themes", "Thema ohne Gremium"},
	{"isolated_actors", "Akteur ohne Gremium"},
	{"single_type_committees", "Gremium mit nur einer Akteursart"},
	{"theme", "Thema"},
	{"label", "Bezeichnung"},
	{"same_name", "gleicher Name"},
	{"same_contact", "gleiche Kontaktdaten"},
	{"similar_name", "ähnlicher Name"},
	{"themes", "Themen"},
	{"district", "Stadtteil"},
	{"website", "Website"},
	{"note", "Notiz"},
	{"person", "Ansprechperson"},
	{"email", "E-Mail"},
	{"phone", "Telefon"},
	{"kind", "Art"},
	{"ad_hoc", "ad hoc"},
	{"status", "Status"},
	{"lead", "Federführung"},
	{"parent", "übergeordnetes Gremium"},
	{"founded", "gegründet"},
	{"ends", "geplantes Ende"},
	{"last_met", "zuletzt getagt"},
	{"meets", "Turnus"},
	{"members", "Mitglieder"},
	{"actor_name", "Name des Akteurs"},
	{"committee_name", "Name des Gremiums"},
	{"missing_voice", "fehlende Stimme"},
	{"isolated", "ohne Gremium"},
	{"proposal", "Vorschlag"},
	{"seats_before", "Sitze vorher"},
	{"seats_after", "Sitze nachher"},
	{"member_meetings_before", "Sitzungsteilnahmen im Jahr vorher"},
	{"member_meetings_after", "Sitzungsteilnahmen im Jahr nachher"},
};

typedef struct out {
	nm_buf *b;
	const nm_analysis *an;
	const nm_report_opts *opts;
	char sep;
	bool first; /* no cell yet on this row */
} out;

#define T(o, en) NM_TR(msgs, (o)->opts->lang, (en))

static void sep(out *o)
{
	if (!o->first)
		nm_buf_putc(o->b, o->sep);
	o->first = false;
}

static void end_row(out *o)
{
	nm_buf_puts(o->b, "\r\n");
	o->first = true;
}

/* One cell from the data or from our words, cleaned, defused and quoted. */
static void cell(out *o, const char *s)
{
	nm_buf clean = NM_BUF_INIT;
	const char *p;
	bool quote;

	sep(o);
	if (!s)
		s = "";
	/* Clean line by line so that a line break stays one ("\n"). */
	while (*s) {
		size_t n = strcspn(s, "\r\n");
		nm_buf part = NM_BUF_INIT;

		nm_buf_put(&part, s, n);
		nm_text_clean(&clean, nm_buf_cstr(&part));
		nm_buf_release(&part);
		s += n;
		if (*s == '\r' && s[1] == '\n')
			s++;
		if (*s) {
			nm_buf_putc(&clean, '\n');
			s++;
		}
	}
	p = nm_buf_cstr(&clean);
	quote = strchr(p, o->sep) || strchr(p, '"') || strchr(p, '\n');
	if (quote)
		nm_buf_putc(o->b, '"');
	if (strchr("=+-@\t\r", p[0]) && p[0])
		nm_buf_putc(o->b, '\'');
	for (; *p; p++) {
		if (*p == '"')
			nm_buf_putc(o->b, '"');
		nm_buf_putc(o->b, *p);
	}
	if (quote)
		nm_buf_putc(o->b, '"');
	nm_buf_release(&clean);
}

static void cell_num(out *o, uint64_t n)
{
	char tmp[32];

	snprintf(tmp, sizeof(tmp), "%llu", (unsigned long long)n);
	cell(o, tmp);
}

static void cell_ratio(out *o, uint64_t num, uint64_t den)
{
	nm_buf tmp = NM_BUF_INIT;

	nm_i18n_decimal(&tmp, o->opts->lang, num, den, 3);
	cell(o, tmp.ptr);
	nm_buf_release(&tmp);
}

static void cell_date(out *o, nm_date d)
{
	nm_buf tmp = NM_BUF_INIT;

	if (d != NM_DATE_NONE)
		nm_i18n_date(&tmp, o->opts->lang, d);
	cell(o, nm_buf_cstr(&tmp));
	nm_buf_release(&tmp);
}

/* A code of the contract: as it is in English, in words in German. */
static void cell_code(out *o, const char *code)
{
	cell(o, T(o, code));
}

static void cell_type(out *o, nm_actor_type t)
{
	cell(o,
	     o->opts->lang == NM_LANG_DE ? nm_i18n_type(o->opts->lang, t) : nm_actor_type_names[t]);
}

static void cell_kind(out *o, nm_kind k)
{
	cell(o, o->opts->lang == NM_LANG_DE ? nm_i18n_kind(o->opts->lang, k) : nm_kind_names[k]);
}

/* A status, meets or role value: the code in English, the spreadsheets' label in German. */
static void cell_enum(out *o, nm_enum_field field, int value)
{
	cell(o, nm_label_enum_word(field, value, o->opts->lang));
}

static void cell_bool(out *o, bool v)
{
	cell(o, T(o, v ? "yes" : "no"));
}

/* Theme ids of a record, space-separated (ids hold no spaces). */
static void cell_themes(out *o, const uint32_t *idx, size_t n)
{
	nm_buf tmp = NM_BUF_INIT;

	for (size_t i = 0; i < n; i++) {
		if (i)
			nm_buf_putc(&tmp, ' ');
		nm_buf_puts(&tmp, o->an->ds->themes[idx[i]].id);
	}
	cell(o, nm_buf_cstr(&tmp));
	nm_buf_release(&tmp);
}

/* A header row of English field names, translated. */
static void header(out *o, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		cell(o, T(o, names[i]));
	end_row(o);
}

#define HEADER(o, ...) \
	do { \
		static const char *const h_[] = {__VA_ARGS__}; \
		header((o), h_, sizeof(h_) / sizeof(h_[0])); \
	} while (0)

static void committee_cells(out *o, uint32_t c)
{
	cell(o, o->an->ds->committees[c].id);
	cell(o, o->an->ds->committees[c].name);
}

static void actor_cells(out *o, uint32_t a)
{
	cell(o, o->an->ds->actors[a].id);
	cell(o, o->an->ds->actors[a].name);
}

static void theme_cells(out *o, uint32_t t)
{
	const nm_theme *th = &o->an->ds->themes[t];

	cell(o, th->id);
	cell(o, th->label);
}

static void overlaps(out *o)
{
	const nm_analysis *an = o->an;
	const nm_dataset *ds = an->ds;

	HEADER(o, "a", "a_name", "b", "b_name", "class", "shared", "jaccard", "containment",
	       "theme_jaccard", "inside", "shared_members", "shared_themes");
	for (size_t i = 0; i < an->noverlaps; i++) {
		const nm_overlap *ov = &an->overlaps[i];
		uint32_t uni = ov->size_a + ov->size_b - ov->shared;
		uint32_t small = ov->size_a < ov->size_b ? ov->size_a : ov->size_b;
		nm_buf list = NM_BUF_INIT;

		committee_cells(o, ov->a);
		committee_cells(o, ov->b);
		cell_code(o, nm_class_names[ov->cls]);
		cell_num(o, ov->shared);
		cell_ratio(o, ov->shared, uni);
		cell_ratio(o, ov->shared, small);
		cell_ratio(o, ov->themes_shared, ov->themes_union);
		cell(o, ov->inside != NM_NONE ? ds->committees[ov->inside].id : "");
		for (uint32_t k = 0; k < ov->shared; k++)
			nm_buf_printf(&list, "%s%s", k ? " " : "",
				      ds->actors[ov->shared_members[k]].id);
		cell(o, nm_buf_cstr(&list));
		cell_themes(o, ov->shared_themes, ov->themes_shared);
		end_row(o);
		nm_buf_release(&list);
	}
}

static void clusters(out *o)
{
	HEADER(o, "cluster", "committee", "name");
	for (size_t i = 0; i < o->an->nclusters; i++) {
		const nm_cluster *c = &o->an->clusters[i];

		for (size_t k = 0; k < c->n; k++) {
			cell_num(o, i + 1);
			committee_cells(o, c->committees[k]);
			end_row(o);
		}
	}
}

static void load(out *o)
{
	HEADER(o, "actor", "name", "type", "committees", "meetings_per_year", "overloaded");
	for (size_t i = 0; i < o->an->nload; i++) {
		const nm_load *l = &o->an->load[i];

		actor_cells(o, l->actor);
		cell_type(o, o->an->ds->actors[l->actor].type);
		cell_num(o, l->committees);
		cell_num(o, l->meetings);
		cell_bool(o, l->overloaded);
		end_row(o);
	}
}

static void review(out *o)
{
	HEADER(o, "committee", "name", "reason", "days", "date");
	for (size_t i = 0; i < o->an->nreview; i++) {
		const nm_review *r = &o->an->review[i];
		const nm_committee *c = &o->an->ds->committees[r->committee];
		nm_date d = NM_DATE_NONE;

		committee_cells(o, r->committee);
		cell_code(o, nm_review_reason_names[r->reason]);
		if (r->reason == NM_REVIEW_DORMANT)
			cell(o, "");
		else
			cell_num(o, r->days > 0 ? (uint64_t)r->days : 0);
		if (r->reason == NM_REVIEW_STALE)
			d = c->last_met;
		else if (r->reason == NM_REVIEW_OVERDUE_AD_HOC)
			d = c->ends;
		else if (r->reason == NM_REVIEW_LONG_RUNNING_AD_HOC)
			d = c->founded;
		cell_date(o, d);
		end_row(o);
	}
}

static void uncovered_rows(out *o, bool gap)
{
	for (size_t i = 0; i < o->an->nuncovered_themes; i++) {
		if (gap)
			cell_code(o, "uncovered_themes");
		theme_cells(o, o->an->uncovered_themes[i]);
		if (gap)
			cell(o, "");
		end_row(o);
	}
}

static void isolated_rows(out *o, bool gap)
{
	for (size_t i = 0; i < o->an->nisolated_actors; i++) {
		uint32_t a = o->an->isolated_actors[i];

		if (gap)
			cell_code(o, "isolated_actors");
		actor_cells(o, a);
		cell_type(o, o->an->ds->actors[a].type);
		end_row(o);
	}
}

static void single_type_rows(out *o, bool gap)
{
	for (size_t i = 0; i < o->an->nsingle_type_committees; i++) {
		if (gap)
			cell_code(o, "single_type_committees");
		committee_cells(o, o->an->single_type_committees[i]);
		cell_type(o, o->an->single_types[i]);
		end_row(o);
	}
}

static void gaps(out *o)
{
	HEADER(o, "gap", "id", "name", "type");
	uncovered_rows(o, true);
	isolated_rows(o, true);
	single_type_rows(o, true);
}

static void coverage(out *o)
{
	const nm_dataset *ds = o->an->ds;

	cell(o, T(o, "theme"));
	cell(o, T(o, "label"));
	for (int t = 0; t < NM_TYPE_COUNT; t++)
		cell_type(o, (nm_actor_type)t);
	end_row(o);
	for (size_t th = 0; th < ds->nthemes; th++) {
		theme_cells(o, (uint32_t)th);
		for (int t = 0; t < NM_TYPE_COUNT; t++)
			cell_num(o, o->an->coverage[th * NM_TYPE_COUNT + (size_t)t]);
		end_row(o);
	}
}

static void missing_voices(out *o)
{
	HEADER(o, "theme", "label", "type");
	for (size_t i = 0; i < o->an->nmissing_voices; i++) {
		theme_cells(o, o->an->missing_voices[i].theme);
		cell_type(o, o->an->missing_voices[i].type);
		end_row(o);
	}
}

static void duplicate_actors(out *o)
{
	static const char *const reasons[] = {"same_name", "same_contact", "similar_name"};

	HEADER(o, "a", "a_name", "b", "b_name", "reason");
	for (size_t i = 0; i < o->an->nduplicate_actors; i++) {
		const nm_duplicate_actor *d = &o->an->duplicate_actors[i];

		actor_cells(o, d->a);
		actor_cells(o, d->b);
		cell_code(o, d->reason == NM_DUP_SAME_NAME      ? reasons[0]
			     : d->reason == NM_DUP_SAME_CONTACT ? reasons[1]
								: reasons[2]);
		end_row(o);
	}
}

static void actors(out *o)
{
	const nm_dataset *ds = o->an->ds;
	/* load holds each actor with a membership once, not in id order. */
	uint32_t *count = nm_xcalloc(ds->nactors ? ds->nactors : 1, sizeof(*count));

	for (size_t l = 0; l < o->an->nload; l++)
		count[o->an->load[l].actor] = o->an->load[l].committees;
	if (o->opts->include_contacts)
		HEADER(o, "id", "name", "type", "themes", "district", "website", "committees",
		       "note", "person", "email", "phone");
	else
		HEADER(o, "id", "name", "type", "themes", "district", "website", "committees",
		       "note");
	for (uint32_t i = 0; i < ds->nactors; i++) {
		const nm_actor *a = &ds->actors[i];

		actor_cells(o, i);
		cell_type(o, a->type);
		cell_themes(o, a->themes, a->nthemes);
		cell(o, a->district);
		cell(o, a->website);
		cell_num(o, count[i]);
		cell(o, a->note);
		if (o->opts->include_contacts) {
			cell(o, a->person);
			cell(o, a->email);
			cell(o, a->phone);
		}
		end_row(o);
	}
	free(count);
}

static void committees(out *o)
{
	const nm_dataset *ds = o->an->ds;

	HEADER(o, "id", "name", "kind", "ad_hoc", "status", "themes", "lead", "parent", "founded",
	       "ends", "last_met", "meets", "district", "members", "note");
	for (uint32_t i = 0; i < ds->ncommittees; i++) {
		const nm_committee *c = &ds->committees[i];

		committee_cells(o, i);
		cell_kind(o, c->kind);
		cell_bool(o, c->ad_hoc);
		cell_enum(o, NM_ENUM_STATUS, (int)c->status);
		cell_themes(o, c->themes, c->nthemes);
		cell(o, c->lead != NM_NONE ? ds->actors[c->lead].id : "");
		cell(o, c->parent != NM_NONE ? ds->committees[c->parent].id : "");
		cell_date(o, c->founded);
		cell_date(o, c->ends);
		cell_date(o, c->last_met);
		if (c->meets < NM_FREQ_COUNT)
			cell_enum(o, NM_ENUM_MEETS, (int)c->meets);
		else
			cell(o, "");
		cell(o, c->district);
		cell_num(o, o->an->member_count[i]);
		cell(o, c->note);
		end_row(o);
	}
}

/* Contract 7.2, with the invitation in words in the last column. */
static void invitations(out *o)
{
	nm_buf text = NM_BUF_INIT;

	HEADER(o, "actor", "actor_name", "committee", "committee_name", "theme", "label", "reason",
	       "proposal");
	for (size_t i = 0; i < o->an->ninvitations; i++) {
		const nm_invitation *v = &o->an->invitations[i];

		actor_cells(o, v->actor);
		committee_cells(o, v->committee);
		theme_cells(o, v->theme);
		cell_code(o, nm_invite_reason_names[v->reason]);
		nm_buf_clear(&text);
		nm_plan_invitation(&text, o->an, v, o->opts->lang);
		cell(o, nm_buf_cstr(&text));
		end_row(o);
	}
	nm_buf_release(&text);
}

/* Contract 7.3: committee ids separated by spaces, the proposal in words. */
static void merge_proposals(out *o)
{
	const nm_dataset *ds = o->an->ds;
	nm_buf text = NM_BUF_INIT;

	HEADER(o, "cluster", "committees", "members", "themes", "seats_before", "seats_after",
	       "meets", "member_meetings_before", "member_meetings_after", "proposal");
	for (size_t i = 0; i < o->an->nmerge_proposals; i++) {
		const nm_merge_proposal *m = &o->an->merge_proposals[i];
		const nm_cluster *cl = &o->an->clusters[m->cluster];

		cell_num(o, m->cluster + 1);
		nm_buf_clear(&text);
		for (size_t k = 0; k < cl->n; k++)
			nm_buf_printf(&text, "%s%s", k ? " " : "",
				      ds->committees[cl->committees[k]].id);
		cell(o, nm_buf_cstr(&text));
		cell_num(o, m->members);
		cell_themes(o, m->themes, m->nthemes);
		cell_num(o, m->seats_before);
		cell_num(o, m->seats_after);
		if (m->meets < NM_FREQ_COUNT)
			cell_enum(o, NM_ENUM_MEETS, (int)m->meets);
		else
			cell(o, "");
		cell_num(o, m->member_meetings_before);
		cell_num(o, m->member_meetings_after);
		nm_buf_clear(&text);
		nm_plan_merge(&text, o->an, m, o->opts->lang);
		cell(o, nm_buf_cstr(&text));
		end_row(o);
	}
	nm_buf_release(&text);
}

static void uncovered_themes(out *o)
{
	HEADER(o, "theme", "label");
	uncovered_rows(o, false);
}

static void isolated_actors(out *o)
{
	HEADER(o, "actor", "name", "type");
	isolated_rows(o, false);
}

static void single_type_committees(out *o)
{
	HEADER(o, "committee", "name", "type");
	single_type_rows(o, false);
}

/* The tables of --table, in the order help and messages list them. */
static const struct {
	const char *name;
	void (*write)(out *o);
} tables[] = {
	{"overlaps", overlaps},
	{"clusters", clusters},
	{"load", load},
	{"review", review},
	{"gaps", gaps},
	{"uncovered_themes", uncovered_themes},
	{"isolated_actors", isolated_actors},
	{"single_type_committees", single_type_committees},
	{"coverage", coverage},
	{"missing_voices", missing_voices},
	{"duplicate_actors", duplicate_actors},
	{"actors", actors},
	{"committees", committees},
	{"invitations", invitations},
	{"merge_proposals", merge_proposals},
};

#define NTABLES (sizeof(tables) / sizeof(tables[0]))

static int table_of(const char *name)
{
	for (size_t i = 0; name && i < NTABLES; i++)
		if (strcmp(tables[i].name, name) == 0)
			return (int)i;
	return -1;
}

bool nm_csv_table_known(const char *table)
{
	return table_of(table) >= 0;
}

static char table_list[512];
static pthread_once_t table_list_once = PTHREAD_ONCE_INIT;

static void build_table_list(void)
{
	size_t at = 0;

	for (size_t i = 0; i < NTABLES; i++)
		at += (size_t)snprintf(table_list + at, sizeof(table_list) - at, "%s%s",
				       i ? ", " : "", tables[i].name);
}

const char *nm_csv_tables(void)
{
	pthread_once(&table_list_once, build_table_list);
	return table_list;
}

void nm_report_csv(nm_buf *b, const nm_analysis *an, const nm_report_opts *opts)
{
	out o = {b, an, opts, opts->lang == NM_LANG_DE ? ';' : ',', true};
	int t = table_of(opts->table);

	if (t < 0)
		return;
	if (opts->lang == NM_LANG_DE)
		nm_buf_puts(b, "\xEF\xBB\xBF");
	tables[t].write(&o);
}
