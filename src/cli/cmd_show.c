/*
 * cmd_show.c: `netmap show ID|NAME`, everything netmap knows about one
 * actor (memberships by role, load, possible duplicates) or one committee
 * (members by role and type, its overlaps, its review status), from the
 * latest snapshot. What is not an id is looked for in the names; what
 * matches nothing gets a did-you-mean over the ids. Lists of records are
 * sorted by name as printed (case and accents folded), then by id.
 */
#include "cli.h"

#include "netmap/labels.h"
#include "netmap/names.h"
#include "netmap/textfmt.h"
#include "netmap/validate.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define WIDTH 80

/* Every word show prints (contract values such as kinds stay as written). */
static const nm_msg words[] = {
	{"Actor: ", "Akteur: "},
	{"Committee: ", "Gremium: "},
	{"type", "Typ"},
	{"district", "Bezirk"},
	{"website", "Website"},
	{"themes", "Themen"},
	{"load", "Last"},
	{"kind", "Art"},
	{"status", "Status"},
	{"ad hoc", "ad hoc"},
	{"yes", "ja"},
	{"lead", "Leitung"},
	{"parent", "gehört zu"},
	{"meets", "tagt"},
	{"founded", "gegründet"},
	{"ends", "endet"},
	{"last met", "zuletzt"},
	{"%u committees, %u meetings a year%s", "%u Gremien, %u Sitzungen im Jahr%s"},
	{" (overloaded)", " (überlastet)"},
	{"in no active or dormant committee (isolated)",
	 "in keinem aktiven oder ruhenden Gremium (isoliert)"},
	{"As guest:", "Als Gast:"},
	{"As member:", "Als Mitglied:"},
	{"As chair:", "Als Vorsitz:"},
	{"As lead:", "Als Leitung:"},
	{"Guests:", "Gäste:"},
	{"Members:", "Mitglieder:"},
	{"Chair:", "Vorsitz:"},
	{"Lead:", "Leitung:"},
	{"Possibly the same organisation:", "Möglicherweise dieselbe Organisation:"},
	{"Overlaps:", "Überschneidungen:"},
	{"%s, %u of %u members shared", "%s, %u von %u Mitgliedern gemeinsam"},
	{"Review: ", "Zu prüfen: "},
	{"nothing to review", "nichts"},
	/* values */
	{"duplicate", "Duplikat"},
	{"nested", "verschachtelt"},
	{"overlap", "Überschneidung"},
	{"long_running_ad_hoc", "Ad-hoc-Gruppe läuft lange"},
	{"overdue_ad_hoc", "Ad-hoc-Gruppe über ihr Ende hinaus"},
	{"stale", "lange nicht getagt"},
	{"same_name", "gleicher Name"},
	{"same_contact", "gleicher Kontakt"},
	{"similar_name", "ähnlicher Name"},
};

typedef struct show {
	nm_buf *b;
	const nm_analysis *an;
	nm_lang lang;
} show;

#define W(s, en) NM_TR(words, (s)->lang, en)
/* A status or meets value: the code in English, the spreadsheets' label in German. */
#define V(s, field, value) nm_label_enum_word((field), (int)(value), (s)->lang)

static const char *type_word(const show *s, nm_actor_type t)
{
	return s->lang == NM_LANG_DE ? nm_i18n_type(s->lang, t) : nm_actor_type_names[t];
}

static const char *kind_word(const show *s, nm_kind k)
{
	return s->lang == NM_LANG_DE ? nm_i18n_kind(s->lang, k) : nm_kind_names[k];
}

static void heading(const show *s, const char *label, const char *name, const char *id)
{
	nm_buf_puts(s->b, label);
	cli_visible(s->b, name);
	nm_buf_puts(s->b, " (");
	cli_visible(s->b, id);
	nm_buf_puts(s->b, ")\n");
}

static void field(const show *s, const char *label, const char *value)
{
	nm_buf shown = NM_BUF_INIT;
	size_t w;

	if (!value)
		return;
	cli_visible(&shown, value);
	nm_buf_puts(s->b, "  ");
	nm_buf_puts(s->b, label);
	for (w = nm_text_width(label); w < 13; w++)
		nm_buf_putc(s->b, ' ');
	nm_text_wrap(s->b, shown.ptr, 15, 15, WIDTH);
	nm_buf_release(&shown);
}

/* "  Name (id), detail" as a list item with a hanging indent. */
static void entry(nm_buf *b, const char *name, const char *id, const char *detail)
{
	nm_buf line = NM_BUF_INIT;

	cli_visible(&line, name);
	nm_buf_puts(&line, " (");
	cli_visible(&line, id);
	nm_buf_putc(&line, ')');
	if (detail) {
		nm_buf_puts(&line, ", ");
		cli_visible(&line, detail);
	}
	nm_buf_puts(b, "  ");
	nm_text_wrap(b, line.ptr, 2, 4, WIDTH);
	nm_buf_release(&line);
}

/* A record in a list, with its sort key: the printed name folded. */
typedef struct item {
	char *key;
	const char *name, *id;
	uint32_t index; /* a membership, overlap or duplicate */
} item;

static char *fold(const char *name)
{
	nm_buf shown = NM_BUF_INIT;
	utf8proc_uint8_t *out = NULL;

	cli_visible(&shown, name);
	if (utf8proc_map((const utf8proc_uint8_t *)nm_buf_cstr(&shown), 0, &out,
			 UTF8PROC_NULLTERM | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
				 UTF8PROC_CASEFOLD) < 0) {
		free(out);
		return nm_buf_detach(&shown);
	}
	nm_buf_release(&shown);
	return (char *)out;
}

static int item_cmp(const void *pa, const void *pb)
{
	const item *a = pa, *b = pb;
	int c = strcmp(a->key, b->key);

	if (c == 0)
		c = strcmp(a->name, b->name);
	return c ? c : strcmp(a->id, b->id);
}

typedef struct items {
	item *v;
	size_t n, cap;
} items;

static void items_add(items *l, const char *name, const char *id, uint32_t index)
{
	NM_GROW(l->v, l->cap, l->n + 1);
	l->v[l->n].key = fold(name);
	l->v[l->n].name = name;
	l->v[l->n].id = id;
	l->v[l->n].index = index;
	l->n++;
}

static void items_sort(items *l)
{
	if (l->n > 1)
		qsort(l->v, l->n, sizeof(l->v[0]), item_cmp);
}

static void items_release(items *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].key);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

static void themes_line(const show *s, const nm_dataset *ds, const uint32_t *t, size_t n)
{
	nm_buf line = NM_BUF_INIT;

	if (!n)
		return;
	for (size_t i = 0; i < n; i++) {
		if (i)
			nm_buf_puts(&line, ", ");
		nm_buf_puts(&line,
			    ds->themes[t[i]].label ? ds->themes[t[i]].label : ds->themes[t[i]].id);
	}
	field(s, W(s, "themes"), line.ptr);
	nm_buf_release(&line);
}

static void show_actor(const show *s, uint32_t a)
{
	static const char *const as_role[NM_ROLE_COUNT] = {"As guest:", "As member:", "As chair:",
							   "As lead:"};
	const nm_analysis *an = s->an;
	const nm_dataset *ds = an->ds;
	const nm_actor *x = &ds->actors[a];
	const nm_load *load = NULL;
	nm_buf *b = s->b;
	items l = {0};

	heading(s, W(s, "Actor: "), x->name, x->id);
	field(s, W(s, "type"), type_word(s, x->type));
	field(s, W(s, "district"), x->district);
	field(s, W(s, "website"), x->website);
	themes_line(s, ds, x->themes, x->nthemes);
	for (size_t i = 0; i < an->nload; i++)
		if (an->load[i].actor == a)
			load = &an->load[i];
	nm_buf_puts(b, "  ");
	nm_buf_puts(b, W(s, "load"));
	for (size_t w = nm_text_width(W(s, "load")); w < 13; w++)
		nm_buf_putc(b, ' ');
	if (load)
		nm_buf_printf(b, W(s, "%u committees, %u meetings a year%s"), load->committees,
			      load->meetings, load->overloaded ? W(s, " (overloaded)") : "");
	else
		nm_buf_puts(b, W(s, "in no active or dormant committee (isolated)"));
	nm_buf_putc(b, '\n');
	for (int role = NM_ROLE_LEAD; role >= NM_ROLE_GUEST; role--) {
		for (size_t i = 0; i < ds->nmemberships; i++) {
			const nm_membership *m = &ds->memberships[i];
			const nm_committee *c = &ds->committees[m->committee];
			if (m->actor == a && (int)m->role == role)
				items_add(&l, c->name, c->id, (uint32_t)i);
		}
		items_sort(&l);
		if (l.n)
			nm_buf_printf(b, "\n%s\n", W(s, as_role[role]));
		for (size_t i = 0; i < l.n; i++) {
			const nm_committee *c =
				&ds->committees[ds->memberships[l.v[i].index].committee];
			entry(b, c->name, c->id,
			      c->status != NM_STATUS_ACTIVE ? V(s, NM_ENUM_STATUS, c->status)
							    : NULL);
		}
		items_release(&l);
	}
	for (size_t i = 0; i < an->nduplicate_actors; i++) {
		const nm_duplicate_actor *d = &an->duplicate_actors[i];
		if (d->a == a || d->b == a) {
			uint32_t other = d->a == a ? d->b : d->a;
			items_add(&l, ds->actors[other].name, ds->actors[other].id, (uint32_t)i);
		}
	}
	items_sort(&l);
	if (l.n)
		nm_buf_printf(b, "\n%s\n", W(s, "Possibly the same organisation:"));
	for (size_t i = 0; i < l.n; i++)
		entry(b, l.v[i].name, l.v[i].id,
		      W(s, nm_dup_reason_names[an->duplicate_actors[l.v[i].index].reason]));
	items_release(&l);
}

static void date_field(const show *s, const char *label, nm_date d)
{
	if (d != NM_DATE_NONE)
		field(s, label, nm_i18n_date_str(s->lang, d).s);
}

static void show_committee(const show *s, uint32_t c)
{
	static const char *const heads[NM_ROLE_COUNT] = {"Guests:", "Members:", "Chair:", "Lead:"};
	const nm_analysis *an = s->an;
	const nm_dataset *ds = an->ds;
	const nm_committee *x = &ds->committees[c];
	nm_buf *b = s->b;
	items l = {0};
	bool any = false;

	heading(s, W(s, "Committee: "), x->name, x->id);
	field(s, W(s, "kind"), kind_word(s, x->kind));
	field(s, W(s, "status"), V(s, NM_ENUM_STATUS, x->status));
	if (x->ad_hoc)
		field(s, W(s, "ad hoc"), W(s, "yes"));
	themes_line(s, ds, x->themes, x->nthemes);
	if (x->lead != NM_NONE)
		field(s, W(s, "lead"), ds->actors[x->lead].name);
	if (x->parent != NM_NONE)
		field(s, W(s, "parent"), ds->committees[x->parent].name);
	if (x->meets != NM_FREQ_NONE)
		field(s, W(s, "meets"), V(s, NM_ENUM_MEETS, x->meets));
	date_field(s, W(s, "founded"), x->founded);
	date_field(s, W(s, "ends"), x->ends);
	date_field(s, W(s, "last met"), x->last_met);
	field(s, W(s, "district"), x->district);
	for (int role = NM_ROLE_LEAD; role >= NM_ROLE_GUEST; role--) {
		for (size_t i = 0; i < ds->nmemberships; i++) {
			const nm_membership *m = &ds->memberships[i];
			if (m->committee == c && (int)m->role == role)
				items_add(&l, ds->actors[m->actor].name, ds->actors[m->actor].id,
					  (uint32_t)i);
		}
		items_sort(&l);
		if (l.n)
			nm_buf_printf(b, "\n%s\n", W(s, heads[role]));
		for (size_t i = 0; i < l.n; i++) {
			const nm_actor *a = &ds->actors[ds->memberships[l.v[i].index].actor];
			entry(b, a->name, a->id, type_word(s, a->type));
		}
		items_release(&l);
	}
	for (size_t i = 0; i < an->noverlaps; i++) {
		const nm_overlap *o = &an->overlaps[i];
		if (o->a == c || o->b == c) {
			uint32_t other = o->a == c ? o->b : o->a;
			items_add(&l, ds->committees[other].name, ds->committees[other].id,
				  (uint32_t)i);
		}
	}
	/* Overlaps keep the analysis' order: strongest first. */
	if (l.n)
		nm_buf_printf(b, "\n%s\n", W(s, "Overlaps:"));
	for (size_t i = 0; i < l.n; i++) {
		const nm_overlap *o = &an->overlaps[l.v[i].index];
		nm_buf detail = NM_BUF_INIT;
		nm_buf_printf(&detail, W(s, "%s, %u of %u members shared"),
			      W(s, nm_class_names[o->cls]), o->shared,
			      o->size_a + o->size_b - o->shared);
		entry(b, l.v[i].name, l.v[i].id, detail.ptr);
		nm_buf_release(&detail);
	}
	items_release(&l);
	nm_buf_printf(b, "\n%s", W(s, "Review: "));
	for (size_t i = 0; i < an->nreview; i++) {
		if (an->review[i].committee != c)
			continue;
		nm_buf_printf(b, "%s%s", any ? ", " : "",
			      W(s, nm_review_reason_names[an->review[i].reason]));
		any = true;
	}
	nm_buf_puts(b, any ? "\n" : W(s, "nothing to review"));
	if (!any)
		nm_buf_putc(b, '\n');
}

/* Whether needle (folded) is in the folded name. */
static bool name_has(const char *name, const char *needle)
{
	char *key = fold(name);
	bool hit = strstr(key, needle) != NULL;

	free(key);
	return hit;
}

/*
 * The record o->args[0] names: an id, else the one record whose name holds
 * it (case and accents aside). *is_actor says which. EXIT_OK, or
 * EXIT_TROUBLE after a message (no match: a did-you-mean over the ids;
 * several: the list of them).
 */
static int find_record(const nm_dataset *ds, const char *what, bool *is_actor, uint32_t *out)
{
	const char **ids;
	const char *hint;
	char *needle;
	items l = {0};
	uint32_t i;
	size_t n = 0;

	if ((i = nm_dataset_find_actor(ds, what)) != NM_NONE) {
		*is_actor = true;
		*out = i;
		return EXIT_OK;
	}
	if ((i = nm_dataset_find_committee(ds, what)) != NM_NONE) {
		*is_actor = false;
		*out = i;
		return EXIT_OK;
	}
	needle = fold(what);
	if (needle[0]) {
		for (i = 0; i < ds->nactors; i++)
			if (name_has(ds->actors[i].name, needle))
				items_add(&l, ds->actors[i].name, ds->actors[i].id, i);
		for (i = 0; i < ds->ncommittees; i++)
			if (name_has(ds->committees[i].name, needle))
				items_add(&l, ds->committees[i].name, ds->committees[i].id,
					  (uint32_t)ds->nactors + i);
	}
	free(needle);
	if (l.n == 1) {
		*is_actor = l.v[0].index < ds->nactors;
		*out = *is_actor ? l.v[0].index : l.v[0].index - (uint32_t)ds->nactors;
		items_release(&l);
		return EXIT_OK;
	}
	if (l.n > 1) {
		nm_buf msg = NM_BUF_INIT;
		items_sort(&l);
		cli_error("%zu records have '%s' in their name; show one by its id:", l.n, what);
		for (size_t k = 0; k < l.n; k++) {
			nm_buf_puts(&msg, "  ");
			cli_visible(&msg, l.v[k].id);
			nm_buf_puts(&msg, "  ");
			cli_visible(&msg, l.v[k].name);
			nm_buf_puts(&msg,
				    l.v[k].index < ds->nactors ? " (actor)\n" : " (committee)\n");
		}
		cli_print(stderr, msg.ptr, msg.len);
		nm_buf_release(&msg);
		items_release(&l);
		return EXIT_TROUBLE;
	}
	ids = nm_xcalloc(ds->nactors + ds->ncommittees + 1, sizeof(*ids));
	for (i = 0; i < ds->nactors; i++)
		ids[n++] = ds->actors[i].id;
	for (i = 0; i < ds->ncommittees; i++)
		ids[n++] = ds->committees[i].id;
	hint = nm_suggest(what, ids, n);
	if (hint)
		cli_error("no actor or committee '%s' in the latest snapshot; did you mean '%s'?",
			  what, hint);
	else
		cli_error("no actor or committee '%s' in the latest snapshot", what);
	free(ids);
	return EXIT_TROUBLE;
}

int cmd_show(int argc, char **argv)
{
	cli_opts o;
	nm_dataset *ds;
	nm_analysis *an;
	nm_buf out = NM_BUF_INIT;
	show s;
	uint32_t i = 0;
	bool is_actor = false;
	int rc, status;

	rc = cli_parse(&o, "show", OPT_DB | OPT_TODAY | OPT_SETTINGS | OPT_LANG, argc, argv);
	if (rc)
		return cli_parse_exit(rc);
	if (o.nargs != 1)
		return cli_usage_error("show", "give one actor or committee: its ID or a part of "
					       "its name"),
		       EXIT_TROUBLE;
	status = cli_load_latest(&o, &ds, &an, NULL);
	if (status != EXIT_OK)
		return status;
	s.b = &out;
	s.an = an;
	s.lang = o.lang;
	status = find_record(ds, o.args[0], &is_actor, &i);
	if (status == EXIT_OK) {
		if (is_actor)
			show_actor(&s, i);
		else
			show_committee(&s, i);
		if (!cli_write_stdout(&out))
			status = EXIT_TROUBLE;
	}
	nm_buf_release(&out);
	nm_analysis_free(an);
	nm_dataset_free(ds);
	return status;
}
