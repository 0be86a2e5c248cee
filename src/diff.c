/*
 * diff.c: what changed between two snapshots.
 *
 * Records are compared by id: both datasets are sorted by id (memberships
 * by committee id, then actor id, since indices follow ids), so one merge
 * walk per kind of record finds what was added, removed and changed, in
 * linear time. Findings are compared through the JSON each snapshot stored
 * when it was taken (contract 5.3), not by analysing again: the JSON
 * reader (json_read.c) turns it into a tree, each finding becomes a key of up to
 * three strings (an overlap is (a, b, class)), and a merge of the two
 * sorted key lists gives the new and the resolved ones. The reader takes
 * any bytes: depth is limited, and a document it cannot read leaves the
 * findings uncompared rather than failing the diff.
 *
 * The writers keep their own German and English words in one table.
 */
#include "netmap/diff.h"
#include "netmap/escape.h"
#include "netmap/json.h"
#include "netmap/store.h"
#include "netmap/textfmt.h"

#include <stdlib.h>
#include <string.h>

/* ---- words ------------------------------------------------------------- */

static const nm_msg msgs[] = {
	{"What changed from snapshot %lld to %lld", "Was sich von Stand %lld zu Stand %lld geändert hat"},
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
	{"actor in no group", "Akteur:in in keinem Gremium"},
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
	/* values */
	{"active", "aktiv"},
	{"dissolved", "aufgelöst"},
	{"member", "Mitglied"},
	{"guest", "Gast"},
	{"chair", "Vorsitz"},
	{"weekly", "wöchentlich"},
	{"biweekly", "zweiwöchentlich"},
	{"monthly", "monatlich"},
	{"quarterly", "vierteljährlich"},
	{"twice yearly", "halbjährlich"},
	{"yearly", "jährlich"},
	{"irregular", "unregelmäßig"},
};

#define TR(lang, en) NM_TR(msgs, (lang), (en))

/* ---- findings as keys ---------------------------------------------------- */

typedef struct fkey {
	nm_diff_finding_kind kind;
	char *part[3];
} fkey;

typedef struct fkeys {
	fkey *items;
	size_t n, cap;
} fkeys;

static void add_key(fkeys *k, nm_diff_finding_kind kind, const char *a, const char *b,
		    const char *c)
{
	if (!a || (kind == NM_FINDING_OVERLAP && (!b || !c)) ||
	    ((kind == NM_FINDING_REVIEW || kind == NM_FINDING_MISSING_VOICE) && !b) ||
	    (kind == NM_FINDING_DUPLICATE_ACTOR && (!b || !c)))
		return; /* an entry without its key fields is skipped */
	NM_GROW(k->items, k->cap, k->n + 1);
	k->items[k->n].kind = kind;
	k->items[k->n].part[0] = nm_xstrdup(a);
	k->items[k->n].part[1] = b ? nm_xstrdup(b) : NULL;
	k->items[k->n].part[2] = c ? nm_xstrdup(c) : NULL;
	k->n++;
}

static void free_keys(fkeys *k)
{
	for (size_t i = 0; i < k->n; i++)
		for (int j = 0; j < 3; j++)
			free(k->items[i].part[j]);
	free(k->items);
}

static int cmp_str(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static int cmp_key(const void *x, const void *y)
{
	const fkey *a = x, *b = y;
	int c;

	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	for (int i = 0; i < 3; i++)
		if ((c = cmp_str(a->part[i], b->part[i])) != 0)
			return c;
	return 0;
}

static int cmp_cstr(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* A cluster's key: its committee ids, sorted, joined by ",". */
static void add_cluster(fkeys *k, const nm_json *list)
{
	const char **ids = nm_xcalloc(nm_json_len(list) + 1, sizeof(*ids));
	nm_buf b = NM_BUF_INIT;
	size_t n = 0;

	for (size_t i = 0; i < nm_json_len(list); i++)
		if (nm_json_string(&list->items[i]))
			ids[n++] = list->items[i].str;
	if (n > 1)
		qsort(ids, n, sizeof(*ids), cmp_cstr);
	for (size_t i = 0; i < n; i++) {
		if (i)
			nm_buf_putc(&b, ',');
		nm_buf_puts(&b, ids[i]);
	}
	if (n)
		add_key(k, NM_FINDING_CLUSTER, nm_buf_cstr(&b), NULL, NULL);
	nm_buf_release(&b);
	free(ids);
}

/* The findings of one stored document as sorted keys; -1 when unreadable. */
static int findings_keys(const char *json, fkeys *k)
{
	nm_json root;
	const nm_json *list, *gaps, *e;
	/* Parts of the report that hold no compared finding are stepped over. */
	static const char *const unused[] = {"netmap", "dataset", "today", "settings", "summary",
					     "invitations", "merge_proposals", "changes", NULL};

	memset(k, 0, sizeof(*k));
	if (!json || nm_json_parse(json, &root, unused) < 0)
		return -1;
	if (root.type != NM_JSON_OBJ) {
		nm_json_free(&root);
		return -1;
	}
	list = nm_json_get(&root, "overlaps");
	for (size_t i = 0; i < nm_json_len(list); i++) {
		e = &list->items[i];
		add_key(k, NM_FINDING_OVERLAP, nm_json_string(nm_json_get(e, "a")), nm_json_string(nm_json_get(e, "b")),
			nm_json_string(nm_json_get(e, "class")));
	}
	list = nm_json_get(&root, "clusters");
	for (size_t i = 0; i < nm_json_len(list); i++)
		add_cluster(k, nm_json_get(&list->items[i], "committees"));
	list = nm_json_get(&root, "load");
	for (size_t i = 0; i < nm_json_len(list); i++) {
		if (nm_json_true(nm_json_get(&list->items[i], "overloaded")))
			add_key(k, NM_FINDING_OVERLOADED, nm_json_string(nm_json_get(&list->items[i], "actor")), NULL,
				NULL);
	}
	list = nm_json_get(&root, "review");
	for (size_t i = 0; i < nm_json_len(list); i++) {
		e = &list->items[i];
		add_key(k, NM_FINDING_REVIEW, nm_json_string(nm_json_get(e, "committee")), nm_json_string(nm_json_get(e, "reason")),
			NULL);
	}
	gaps = nm_json_get(&root, "gaps");
	list = nm_json_get(gaps, "uncovered_themes");
	for (size_t i = 0; i < nm_json_len(list); i++)
		add_key(k, NM_FINDING_UNCOVERED_THEME, nm_json_string(&list->items[i]), NULL, NULL);
	list = nm_json_get(gaps, "isolated_actors");
	for (size_t i = 0; i < nm_json_len(list); i++)
		add_key(k, NM_FINDING_ISOLATED_ACTOR, nm_json_string(&list->items[i]), NULL, NULL);
	list = nm_json_get(gaps, "single_type_committees");
	for (size_t i = 0; i < nm_json_len(list); i++)
		add_key(k, NM_FINDING_SINGLE_TYPE, nm_json_string(&list->items[i]), NULL, NULL);
	list = nm_json_get(gaps, "missing_voices");
	for (size_t i = 0; i < nm_json_len(list); i++) {
		e = &list->items[i];
		add_key(k, NM_FINDING_MISSING_VOICE, nm_json_string(nm_json_get(e, "theme")), nm_json_string(nm_json_get(e, "type")),
			NULL);
	}
	list = nm_json_get(&root, "duplicate_actors");
	for (size_t i = 0; i < nm_json_len(list); i++) {
		e = &list->items[i];
		add_key(k, NM_FINDING_DUPLICATE_ACTOR, nm_json_string(nm_json_get(e, "a")), nm_json_string(nm_json_get(e, "b")),
			nm_json_string(nm_json_get(e, "reason")));
	}
	nm_json_free(&root);
	if (k->n > 1)
		qsort(k->items, k->n, sizeof(*k->items), cmp_key);
	return 0;
}

/*
 * The same keys straight from an analysis (for netmap plan, which has the
 * analysis at hand): what findings_keys reads back from its JSON.
 */
static void analysis_keys(const nm_analysis *an, fkeys *k)
{
	const nm_dataset *ds = an->ds;
	nm_buf ids = NM_BUF_INIT;

	memset(k, 0, sizeof(*k));
	for (size_t i = 0; i < an->noverlaps; i++)
		add_key(k, NM_FINDING_OVERLAP, ds->committees[an->overlaps[i].a].id,
			ds->committees[an->overlaps[i].b].id, nm_class_names[an->overlaps[i].cls]);
	for (size_t i = 0; i < an->nclusters; i++) {
		nm_buf_clear(&ids);
		/* Committee indices ascending are ids in byte order. */
		for (size_t j = 0; j < an->clusters[i].n; j++)
			nm_buf_printf(&ids, "%s%s", j ? "," : "",
				      ds->committees[an->clusters[i].committees[j]].id);
		add_key(k, NM_FINDING_CLUSTER, nm_buf_cstr(&ids), NULL, NULL);
	}
	for (size_t i = 0; i < an->nload; i++)
		if (an->load[i].overloaded)
			add_key(k, NM_FINDING_OVERLOADED, ds->actors[an->load[i].actor].id, NULL, NULL);
	for (size_t i = 0; i < an->nreview; i++)
		add_key(k, NM_FINDING_REVIEW, ds->committees[an->review[i].committee].id,
			nm_review_reason_names[an->review[i].reason], NULL);
	for (size_t i = 0; i < an->nuncovered_themes; i++)
		add_key(k, NM_FINDING_UNCOVERED_THEME, ds->themes[an->uncovered_themes[i]].id, NULL,
			NULL);
	for (size_t i = 0; i < an->nisolated_actors; i++)
		add_key(k, NM_FINDING_ISOLATED_ACTOR, ds->actors[an->isolated_actors[i]].id, NULL,
			NULL);
	for (size_t i = 0; i < an->nsingle_type_committees; i++)
		add_key(k, NM_FINDING_SINGLE_TYPE, ds->committees[an->single_type_committees[i]].id,
			NULL, NULL);
	for (size_t i = 0; i < an->nmissing_voices; i++)
		add_key(k, NM_FINDING_MISSING_VOICE, ds->themes[an->missing_voices[i].theme].id,
			nm_actor_type_names[an->missing_voices[i].type], NULL);
	for (size_t i = 0; i < an->nduplicate_actors; i++)
		add_key(k, NM_FINDING_DUPLICATE_ACTOR, ds->actors[an->duplicate_actors[i].a].id,
			ds->actors[an->duplicate_actors[i].b].id,
			nm_dup_reason_names[an->duplicate_actors[i].reason]);
	nm_buf_release(&ids);
	if (k->n > 1)
		qsort(k->items, k->n, sizeof(*k->items), cmp_key);
}

/* ---- building the diff --------------------------------------------------- */

typedef struct builder {
	nm_diff *d;
	size_t rcap, fcap;
} builder;

static char *dup_or_null(const char *s)
{
	return s ? nm_xstrdup(s) : NULL;
}

static nm_diff_record *add_record(builder *bd, nm_diff_what what, nm_diff_change change,
				  const char *id, const char *name)
{
	nm_diff_record *r;

	NM_GROW(bd->d->records, bd->rcap, bd->d->nrecords + 1);
	r = &bd->d->records[bd->d->nrecords++];
	memset(r, 0, sizeof(*r));
	r->what = what;
	r->change = change;
	r->id = nm_xstrdup(id);
	r->name = dup_or_null(name);
	return r;
}

/* Record a field when its values differ; takes both strings. */
/* cap grows through NM_GROW, which clang-tidy does not see. */
static void field(nm_diff_record *r, size_t *cap, // NOLINT(readability-non-const-parameter)
		  const char *name, char *before, char *after)
{
	if (cmp_str(before, after) == 0) {
		free(before);
		free(after);
		return;
	}
	NM_GROW(r->fields, *cap, r->nfields + 1);
	r->fields[r->nfields].name = name;
	r->fields[r->nfields].before = before;
	r->fields[r->nfields].after = after;
	r->nfields++;
}

static char *themes_text(const nm_dataset *ds, const uint32_t *t, size_t n)
{
	nm_buf b = NM_BUF_INIT;
	char *s;

	for (size_t i = 0; i < n; i++) {
		if (i)
			nm_buf_putc(&b, ',');
		nm_buf_puts(&b, ds->themes[t[i]].id);
	}
	s = nm_xstrdup(nm_buf_cstr(&b)); /* "" for none */
	nm_buf_release(&b);
	return s;
}

static char *date_text(nm_date d)
{
	char s[11];

	if (d == NM_DATE_NONE)
		return NULL;
	nm_date_format(d, s);
	return nm_xstrdup(s);
}

/* Finish a changed record: keep it when a field differs, else drop it. */
static void keep_if_changed(builder *bd, nm_diff_record *r)
{
	if (r->nfields == 0) {
		free(r->id);
		free(r->name);
		free(r->actor);
		free(r->actor_name);
		bd->d->nrecords--;
	}
}

static bool same_text(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* Whether two actors with the same id have every compared field alike. */
static bool same_actor(const nm_dataset *x, const nm_actor *a, const nm_dataset *y,
		       const nm_actor *b)
{
	if (a->type != b->type || a->nthemes != b->nthemes || !same_text(a->name, b->name) ||
	    !same_text(a->district, b->district) || !same_text(a->website, b->website) ||
	    !same_text(a->note, b->note))
		return false;
	for (size_t k = 0; k < a->nthemes; k++)
		if (strcmp(x->themes[a->themes[k]].id, y->themes[b->themes[k]].id) != 0)
			return false;
	return true;
}

static void diff_actors(builder *bd, const nm_dataset *x, const nm_dataset *y)
{
	size_t i = 0, j = 0;

	while (i < x->nactors || j < y->nactors) {
		const nm_actor *a = i < x->nactors ? &x->actors[i] : NULL;
		const nm_actor *b = j < y->nactors ? &y->actors[j] : NULL;
		int c = !a ? 1 : !b ? -1 : strcmp(a->id, b->id);
		nm_diff_record *r;
		size_t cap = 0;

		if (c < 0) {
			r = add_record(bd, NM_DIFF_ACTOR, NM_DIFF_REMOVED, a->id, a->name);
			r->detail = nm_xstrdup(nm_actor_type_names[a->type]);
			i++;
		} else if (c > 0) {
			/* c > 0 only when b is set (see the comparison above) */
			r = add_record(bd, NM_DIFF_ACTOR, NM_DIFF_ADDED, b->id, b->name); // NOLINT(clang-analyzer-core.NullDereference)
			r->detail = nm_xstrdup(nm_actor_type_names[b->type]);
			j++;
		} else if (same_actor(x, a, y, b)) {
			/* Most records are unchanged: no copies made to be dropped. */
			i++;
			j++;
		} else {
			r = add_record(bd, NM_DIFF_ACTOR, NM_DIFF_CHANGED, b->id, b->name);
			field(r, &cap, "name", nm_xstrdup(a->name), nm_xstrdup(b->name));
			field(r, &cap, "type", nm_xstrdup(nm_actor_type_names[a->type]),
			      nm_xstrdup(nm_actor_type_names[b->type]));
			field(r, &cap, "themes", themes_text(x, a->themes, a->nthemes),
			      themes_text(y, b->themes, b->nthemes));
			field(r, &cap, "district", dup_or_null(a->district), dup_or_null(b->district));
			field(r, &cap, "website", dup_or_null(a->website), dup_or_null(b->website));
			field(r, &cap, "note", dup_or_null(a->note), dup_or_null(b->note));
			keep_if_changed(bd, r);
			i++;
			j++;
		}
	}
}

static char *ref_id(uint32_t idx, const char *id)
{
	return idx == NM_NONE ? NULL : nm_xstrdup(id);
}

static const char *ref_of(const void *records, size_t size, uint32_t idx)
{
	const char *id = NULL;

	if (idx != NM_NONE)
		memcpy((void *)&id, (const char *)records + (size_t)idx * size, sizeof(id));
	return id;
}

/* Whether two committees with the same id have every compared field alike. */
static bool same_committee(const nm_dataset *x, const nm_committee *a, const nm_dataset *y,
			   const nm_committee *b)
{
	if (a->kind != b->kind || a->ad_hoc != b->ad_hoc || a->status != b->status ||
	    a->founded != b->founded || a->ends != b->ends || a->last_met != b->last_met ||
	    a->meets != b->meets || a->nthemes != b->nthemes || !same_text(a->name, b->name) ||
	    !same_text(a->district, b->district) || !same_text(a->note, b->note) ||
	    !same_text(ref_of(x->actors, sizeof(nm_actor), a->lead),
		       ref_of(y->actors, sizeof(nm_actor), b->lead)) ||
	    !same_text(ref_of(x->committees, sizeof(nm_committee), a->parent),
		       ref_of(y->committees, sizeof(nm_committee), b->parent)))
		return false;
	for (size_t k = 0; k < a->nthemes; k++)
		if (strcmp(x->themes[a->themes[k]].id, y->themes[b->themes[k]].id) != 0)
			return false;
	return true;
}

static void diff_committees(builder *bd, const nm_dataset *x, const nm_dataset *y)
{
	size_t i = 0, j = 0;

	while (i < x->ncommittees || j < y->ncommittees) {
		const nm_committee *a = i < x->ncommittees ? &x->committees[i] : NULL;
		const nm_committee *b = j < y->ncommittees ? &y->committees[j] : NULL;
		int c = !a ? 1 : !b ? -1 : strcmp(a->id, b->id);
		nm_diff_record *r;
		size_t cap = 0;

		if (c < 0) {
			r = add_record(bd, NM_DIFF_COMMITTEE, NM_DIFF_REMOVED, a->id, a->name);
			r->detail = nm_xstrdup(nm_kind_names[a->kind]);
			i++;
			continue;
		}
		if (c > 0) {
			/* c > 0 only when b is set */
			r = add_record(bd, NM_DIFF_COMMITTEE, NM_DIFF_ADDED, b->id, b->name); // NOLINT(clang-analyzer-core.NullDereference)
			r->detail = nm_xstrdup(nm_kind_names[b->kind]);
			j++;
			continue;
		}
		if (same_committee(x, a, y, b)) {
			i++;
			j++;
			continue;
		}
		r = add_record(bd, NM_DIFF_COMMITTEE, NM_DIFF_CHANGED, b->id, b->name);
		field(r, &cap, "name", nm_xstrdup(a->name), nm_xstrdup(b->name));
		field(r, &cap, "kind", nm_xstrdup(nm_kind_names[a->kind]),
		      nm_xstrdup(nm_kind_names[b->kind]));
		field(r, &cap, "ad_hoc", nm_xstrdup(a->ad_hoc ? "true" : "false"),
		      nm_xstrdup(b->ad_hoc ? "true" : "false"));
		field(r, &cap, "status", nm_xstrdup(nm_status_names[a->status]),
		      nm_xstrdup(nm_status_names[b->status]));
		field(r, &cap, "themes", themes_text(x, a->themes, a->nthemes),
		      themes_text(y, b->themes, b->nthemes));
		field(r, &cap, "lead",
		      ref_id(a->lead, a->lead == NM_NONE ? NULL : x->actors[a->lead].id),
		      ref_id(b->lead, b->lead == NM_NONE ? NULL : y->actors[b->lead].id));
		field(r, &cap, "parent",
		      ref_id(a->parent, a->parent == NM_NONE ? NULL : x->committees[a->parent].id),
		      ref_id(b->parent, b->parent == NM_NONE ? NULL : y->committees[b->parent].id));
		field(r, &cap, "founded", date_text(a->founded), date_text(b->founded));
		field(r, &cap, "ends", date_text(a->ends), date_text(b->ends));
		field(r, &cap, "last_met", date_text(a->last_met), date_text(b->last_met));
		field(r, &cap, "meets",
		      dup_or_null(a->meets == NM_FREQ_NONE ? NULL : nm_freq_names[a->meets]),
		      dup_or_null(b->meets == NM_FREQ_NONE ? NULL : nm_freq_names[b->meets]));
		field(r, &cap, "district", dup_or_null(a->district), dup_or_null(b->district));
		field(r, &cap, "note", dup_or_null(a->note), dup_or_null(b->note));
		keep_if_changed(bd, r);
		i++;
		j++;
	}
}

static nm_diff_record *add_membership(builder *bd, nm_diff_change change, const nm_dataset *ds,
				      const nm_membership *m)
{
	const nm_committee *c = &ds->committees[m->committee]; // NOLINT(clang-analyzer-core.NullDereference): callers pass a membership
	const nm_actor *a = &ds->actors[m->actor];
	nm_diff_record *r = add_record(bd, NM_DIFF_MEMBERSHIP, change, c->id, c->name);

	r->actor = nm_xstrdup(a->id);
	r->actor_name = nm_xstrdup(a->name);
	if (change != NM_DIFF_CHANGED)
		r->detail = nm_xstrdup(nm_role_names[m->role]);
	return r;
}

/*
 * Ranks of the ids of two sorted id lists in their union (byte order), so
 * that ids of both datasets compare as integers: one walk of strcmp calls
 * instead of two per membership.
 */
static void union_ranks(const void *xs, size_t nx, const void *ys, size_t ny, size_t size,
			uint32_t *rx, uint32_t *ry)
{
	size_t i = 0, j = 0;
	uint32_t r = 0;

	while (i < nx || j < ny) {
		const char *a = NULL, *b = NULL;
		int c;

		if (i < nx)
			memcpy((void *)&a, (const char *)xs + i * size, sizeof(a));
		if (j < ny)
			memcpy((void *)&b, (const char *)ys + j * size, sizeof(b));
		c = !a ? 1 : !b ? -1 : strcmp(a, b);
		if (c <= 0)
			rx[i++] = r;
		if (c >= 0)
			ry[j++] = r;
		r++;
	}
}

static void diff_memberships(builder *bd, const nm_dataset *x, const nm_dataset *y)
{
	size_t i = 0, j = 0;
	uint32_t *cx = nm_xreallocarray(NULL, x->ncommittees + 1, sizeof(*cx));
	uint32_t *cy = nm_xreallocarray(NULL, y->ncommittees + 1, sizeof(*cy));
	uint32_t *ax = nm_xreallocarray(NULL, x->nactors + 1, sizeof(*ax));
	uint32_t *ay = nm_xreallocarray(NULL, y->nactors + 1, sizeof(*ay));

	union_ranks(x->committees, x->ncommittees, y->committees, y->ncommittees,
		    sizeof(nm_committee), cx, cy);
	union_ranks(x->actors, x->nactors, y->actors, y->nactors, sizeof(nm_actor), ax, ay);
	while (i < x->nmemberships || j < y->nmemberships) {
		const nm_membership *a = i < x->nmemberships ? &x->memberships[i] : NULL;
		const nm_membership *b = j < y->nmemberships ? &y->memberships[j] : NULL;
		int c;
		size_t cap = 0;

		if (!a) {
			c = 1;
		} else if (!b) {
			c = -1;
		} else {
			uint32_t p = cx[a->committee], q = cy[b->committee];
			if (p == q) {
				p = ax[a->actor];
				q = ay[b->actor];
			}
			c = (p > q) - (p < q);
		}
		if (c < 0) {
			add_membership(bd, NM_DIFF_REMOVED, x, a);
			i++;
		} else if (c > 0) {
			add_membership(bd, NM_DIFF_ADDED, y, b);
			j++;
		} else if (a->role == b->role && a->since == b->since) {
			i++;
			j++;
		} else {
			nm_diff_record *r = add_membership(bd, NM_DIFF_CHANGED, y, b);
			field(r, &cap, "role", nm_xstrdup(nm_role_names[a->role]),
			      nm_xstrdup(nm_role_names[b->role]));
			field(r, &cap, "since", date_text(a->since), date_text(b->since));
			keep_if_changed(bd, r);
			i++;
			j++;
		}
	}
	free(cx);
	free(cy);
	free(ax);
	free(ay);
}

/* "Name (id)" for an actor or committee id of ds, or NULL when it has none. */
static char *record_label(const nm_dataset *ds, const char *id)
{
	nm_buf b = NM_BUF_INIT;
	uint32_t i;

	if ((i = nm_dataset_find_committee(ds, id)) != NM_NONE)
		nm_buf_printf(&b, "%s (%s)", ds->committees[i].name, id);
	else if ((i = nm_dataset_find_actor(ds, id)) != NM_NONE)
		nm_buf_printf(&b, "%s (%s)", ds->actors[i].name, id);
	else
		return NULL;
	return nm_buf_detach(&b);
}

static char *theme_label(const nm_dataset *ds, const char *id)
{
	nm_buf b = NM_BUF_INIT;
	uint32_t i = nm_dataset_find_theme(ds, id);

	if (i == NM_NONE || !ds->themes[i].label)
		return NULL;
	nm_buf_printf(&b, "%s (%s)", ds->themes[i].label, id);
	return nm_buf_detach(&b);
}

static char *cluster_label(const nm_dataset *ds, const char *ids)
{
	nm_buf b = NM_BUF_INIT;
	char *copy = nm_xstrdup(ids), *save = NULL;
	bool first = true;

	for (char *id = strtok_r(copy, ",", &save); id; id = strtok_r(NULL, ",", &save)) {
		char *label = record_label(ds, id);
		nm_buf_puts(&b, first ? "" : ", ");
		nm_buf_puts(&b, label ? label : id);
		free(label);
		first = false;
	}
	free(copy);
	return nm_buf_detach(&b);
}

static void add_finding(builder *bd, const fkey *k, bool resolved, const nm_dataset *ds)
{
	nm_diff_finding *f;

	NM_GROW(bd->d->findings, bd->fcap, bd->d->nfindings + 1);
	f = &bd->d->findings[bd->d->nfindings++];
	memset(f, 0, sizeof(*f));
	f->kind = k->kind;
	f->resolved = resolved;
	for (int i = 0; i < 3; i++)
		f->part[i] = dup_or_null(k->part[i]);
	switch (k->kind) {
	case NM_FINDING_OVERLAP:
	case NM_FINDING_DUPLICATE_ACTOR:
		f->label[1] = record_label(ds, k->part[1]);
		/* fall through */
	case NM_FINDING_OVERLOADED:
	case NM_FINDING_REVIEW:
	case NM_FINDING_ISOLATED_ACTOR:
	case NM_FINDING_SINGLE_TYPE:
		f->label[0] = record_label(ds, k->part[0]);
		break;
	case NM_FINDING_CLUSTER:
		f->label[0] = cluster_label(ds, k->part[0]);
		break;
	case NM_FINDING_UNCOVERED_THEME:
	case NM_FINDING_MISSING_VOICE:
		f->label[0] = theme_label(ds, k->part[0]);
		break;
	default:
		break;
	}
}

/* New findings (in y, not x), then resolved ones (in x, not y). */
static void diff_findings(builder *bd, const fkeys *x, const fkeys *y, const nm_dataset *dx,
			  const nm_dataset *dy)
{
	for (int pass = 0; pass < 2; pass++) {
		const fkeys *have = pass ? x : y, *other = pass ? y : x;
		size_t j = 0;

		for (size_t i = 0; i < have->n; i++) {
			int c = 1;
			if (i > 0 && cmp_key(&have->items[i - 1], &have->items[i]) == 0)
				continue;
			while (j < other->n && (c = cmp_key(&other->items[j], &have->items[i])) < 0)
				j++;
			if (j >= other->n || c != 0)
				add_finding(bd, &have->items[i], pass == 1, pass ? dx : dy);
		}
	}
}

/* Either side's findings from its analysis when given, else from its JSON. */
static int compute(nm_diff **out, const nm_dataset *from, const char *from_findings,
		   const nm_analysis *from_an, long long from_id, const nm_dataset *to,
		   const char *to_findings, const nm_analysis *to_an, long long to_id)
{
	builder bd = {0};
	fkeys kx, ky;
	int okx = 0, oky = 0;

	bd.d = nm_xcalloc(1, sizeof(*bd.d));
	bd.d->from = from_id;
	bd.d->to = to_id;
	diff_actors(&bd, from, to);
	diff_committees(&bd, from, to);
	diff_memberships(&bd, from, to);
	if (from_an)
		analysis_keys(from_an, &kx);
	else
		okx = findings_keys(from_findings, &kx);
	if (to_an)
		analysis_keys(to_an, &ky);
	else
		oky = findings_keys(to_findings, &ky);
	bd.d->findings_compared = okx == 0 && oky == 0;
	if (bd.d->findings_compared)
		diff_findings(&bd, &kx, &ky, from, to);
	free_keys(&kx);
	free_keys(&ky);
	*out = bd.d;
	return NM_OK;
}

int nm_diff_compute(nm_diff **out, const nm_dataset *from, const char *from_findings,
		    long long from_id, const nm_dataset *to, const char *to_findings,
		    long long to_id, nm_error *err)
{
	(void)err;
	return compute(out, from, from_findings, NULL, from_id, to, to_findings, NULL, to_id);
}

int nm_diff_compute_analysed(nm_diff **out, const nm_dataset *from, const char *from_findings,
			     const nm_analysis *from_an, long long from_id,
			     const nm_analysis *to_an, long long to_id, nm_error *err)
{
	(void)err;
	if (!to_an)
		return nm_error_set(err, NM_EUSAGE, "a plan comparison needs the changed analysis");
	return compute(out, from, from_findings, from_an, from_id, to_an->ds, NULL, to_an, to_id);
}

int nm_diff_snapshots(nm_diff **out, struct nm_store *store, long long from, long long to,
		      nm_error *err)
{
	nm_dataset *dx = NULL, *dy = NULL;
	char *fx = NULL, *fy = NULL;
	int rc;

	*out = NULL;
	if ((rc = nm_store_load(store, from, &dx, NULL, err)) != NM_OK ||
	    (rc = nm_store_load(store, to, &dy, NULL, err)) != NM_OK)
		goto done;
	/* A snapshot without findings is compared on its records only. */
	if ((rc = nm_store_findings(store, from, &fx, err)) != NM_OK && rc != NM_ENOTFOUND)
		goto done;
	if ((rc = nm_store_findings(store, to, &fy, err)) != NM_OK && rc != NM_ENOTFOUND)
		goto done;
	nm_error_clear(err);
	rc = nm_diff_compute(out, dx, fx, from, dy, fy, to, err);

done:
	free(fx);
	free(fy);
	nm_dataset_free(dx);
	nm_dataset_free(dy);
	return rc;
}

void nm_diff_free(nm_diff *diff)
{
	if (!diff)
		return;
	for (size_t i = 0; i < diff->nrecords; i++) {
		nm_diff_record *r = &diff->records[i];
		free(r->id);
		free(r->name);
		free(r->actor);
		free(r->actor_name);
		free(r->detail);
		for (size_t j = 0; j < r->nfields; j++) {
			free(r->fields[j].before);
			free(r->fields[j].after);
		}
		free(r->fields);
	}
	for (size_t i = 0; i < diff->nfindings; i++)
		for (int j = 0; j < 3; j++) {
			free(diff->findings[i].part[j]);
			free(diff->findings[i].label[j]);
		}
	free(diff->records);
	free(diff->findings);
	free(diff);
}

int nm_diff_is_empty(const nm_diff *diff)
{
	return diff->nrecords == 0 && diff->nfindings == 0;
}

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
	} else if (strcmp(field_name, "meets") == 0) {
		nm_buf_puts(b, TR(lang, strcmp(v, "twice_yearly") == 0 ? "twice yearly" : v));
	} else if (strcmp(field_name, "status") == 0 || strcmp(field_name, "role") == 0) {
		nm_buf_puts(b, TR(lang, v));
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
		"overlapping groups", "merge cluster", "overloaded actor", "group to review",
		"theme no group works on", "actor in no group", "single-type group",
		"missing voice", "possible duplicate records",
	};

	if (f->kind == NM_FINDING_OVERLAP && strcmp(f->part[2], "duplicate") == 0)
		return TR(lang, "duplicate groups");
	if (f->kind == NM_FINDING_OVERLAP && strcmp(f->part[2], "nested") == 0)
		return TR(lang, "nested groups");
	return TR(lang, words[f->kind]);
}

/* What a finding is about, in words: "A (a) and B (b)", "X (x): dormant". */
static void finding_words(nm_buf *b, nm_lang lang, const nm_diff_finding *f)
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
static void record_words(nm_buf *b, nm_lang lang, const nm_diff_record *r)
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
	else
		nm_buf_puts(b, TR(lang, r->detail));
}

static void field_words_line(nm_buf *b, nm_lang lang, const nm_diff_field *f)
{
	nm_buf_printf(b, "%s: ", field_word(lang, f->name));
	value_words(b, lang, f->name, f->before);
	nm_buf_puts(b, " → ");
	value_words(b, lang, f->name, f->after);
}

static const char *section_word(nm_diff_what what)
{
	return what == NM_DIFF_ACTOR ? "Actors" : what == NM_DIFF_COMMITTEE ? "Groups"
									      : "Memberships";
}

static void count_changes(const nm_diff *d, nm_diff_what what, size_t n[3])
{
	n[0] = n[1] = n[2] = 0;
	for (size_t i = 0; i < d->nrecords; i++)
		if (d->records[i].what == what)
			n[d->records[i].change]++;
}

static size_t count_findings(const nm_diff *d, bool resolved)
{
	size_t n = 0;

	for (size_t i = 0; i < d->nfindings; i++)
		n += d->findings[i].resolved == resolved;
	return n;
}

static const char marks[] = {'+', '-', '~'};

/* ---- text ------------------------------------------------------------------ */

static void underline(nm_buf *b, const char *title, char c)
{
	size_t w = nm_text_width(title);

	nm_text_clean(b, title);
	nm_buf_putc(b, '\n');
	for (size_t i = 0; i < w; i++)
		nm_buf_putc(b, c);
	nm_buf_putc(b, '\n');
}

/* The section's title: two snapshots, or a snapshot and its plan. */
static void title(nm_buf *b, const nm_diff *d, nm_lang lang)
{
	if (d->plan)
		nm_buf_printf(b, TR(lang, "What the plan would change in snapshot %lld"), d->from);
	else
		nm_buf_printf(b, TR(lang, "What changed from snapshot %lld to %lld"), d->from,
			      d->to);
}

void nm_diff_write_text(nm_buf *b, const nm_diff *d, nm_lang lang, unsigned width)
{
	nm_buf line = NM_BUF_INIT;
	size_t w = width ? width : 80;

	title(&line, d, lang);
	underline(b, nm_buf_cstr(&line), '-');
	if (nm_diff_is_empty(d))
		nm_buf_printf(b, "  %s\n", TR(lang, "Nothing changed."));
	for (int what = NM_DIFF_ACTOR; what <= NM_DIFF_MEMBERSHIP; what++) {
		size_t n[3];

		count_changes(d, (nm_diff_what)what, n);
		if (n[0] + n[1] + n[2] == 0)
			continue;
		nm_buf_printf(b, "%s: ", TR(lang, section_word((nm_diff_what)what)));
		nm_buf_printf(b, TR(lang, "%zu added, %zu removed, %zu changed"), n[0], n[1], n[2]);
		nm_buf_putc(b, '\n');
		for (size_t i = 0; i < d->nrecords; i++) {
			const nm_diff_record *r = &d->records[i];
			if ((int)r->what != what)
				continue;
			nm_buf_printf(b, "  %c ", marks[r->change]);
			nm_buf_clear(&line);
			record_words(&line, lang, r);
			nm_text_wrap(b, nm_buf_cstr(&line), 4, 6, w);
			for (size_t j = 0; j < r->nfields; j++) {
				nm_buf_puts(b, "      ");
				nm_buf_clear(&line);
				field_words_line(&line, lang, &r->fields[j]);
				nm_text_wrap(b, nm_buf_cstr(&line), 6, 8, w);
			}
		}
	}
	for (int resolved = 0; resolved < 2; resolved++) {
		size_t n = count_findings(d, resolved);
		if (!n)
			continue;
		nm_buf_printf(b, "%s (%zu)\n", TR(lang, resolved ? "Resolved findings" : "New findings"),
			      n);
		for (size_t i = 0; i < d->nfindings; i++) {
			if (d->findings[i].resolved != (bool)resolved)
				continue;
			nm_buf_printf(b, "  %c ", resolved ? '-' : '+');
			nm_buf_clear(&line);
			finding_words(&line, lang, &d->findings[i]);
			nm_text_wrap(b, nm_buf_cstr(&line), 4, 6, w);
		}
	}
	if (!d->findings_compared) {
		nm_buf_puts(b, "  ");
		nm_text_wrap(b, TR(lang, "The findings of one of the snapshots could not be read; "
					 "they are not compared."), 2, 2, w);
	}
	nm_buf_release(&line);
}

/* ---- markdown -------------------------------------------------------------- */

/* Data as Markdown text: control characters cleaned, markup escaped. */
static void md_text(nm_buf *b, const char *s)
{
	nm_buf clean = NM_BUF_INIT;

	nm_text_clean(&clean, s);
	for (const char *p = nm_buf_cstr(&clean); *p; p++) {
		if (strchr("\\`*_[]<>|~&", *p))
			nm_buf_putc(b, '\\');
		nm_buf_putc(b, *p);
	}
	nm_buf_release(&clean);
}

void nm_diff_write_markdown(nm_buf *b, const nm_diff *d, nm_lang lang)
{
	nm_buf line = NM_BUF_INIT;

	nm_buf_puts(b, "## ");
	title(b, d, lang);
	nm_buf_puts(b, "\n\n");
	if (nm_diff_is_empty(d))
		nm_buf_printf(b, "%s\n\n", TR(lang, "Nothing changed."));
	for (int what = NM_DIFF_ACTOR; what <= NM_DIFF_MEMBERSHIP; what++) {
		size_t n[3];

		count_changes(d, (nm_diff_what)what, n);
		if (n[0] + n[1] + n[2] == 0)
			continue;
		nm_buf_printf(b, "**%s**: ", TR(lang, section_word((nm_diff_what)what)));
		nm_buf_printf(b, TR(lang, "%zu added, %zu removed, %zu changed"), n[0], n[1], n[2]);
		nm_buf_puts(b, "\n\n");
		for (size_t i = 0; i < d->nrecords; i++) {
			const nm_diff_record *r = &d->records[i];
			if ((int)r->what != what)
				continue;
			nm_buf_printf(b, "- `%c` ", marks[r->change]);
			nm_buf_clear(&line);
			record_words(&line, lang, r);
			md_text(b, nm_buf_cstr(&line));
			nm_buf_putc(b, '\n');
			for (size_t j = 0; j < r->nfields; j++) {
				nm_buf_puts(b, "  - ");
				nm_buf_clear(&line);
				field_words_line(&line, lang, &r->fields[j]);
				md_text(b, nm_buf_cstr(&line));
				nm_buf_putc(b, '\n');
			}
		}
		nm_buf_putc(b, '\n');
	}
	for (int resolved = 0; resolved < 2; resolved++) {
		size_t n = count_findings(d, resolved);
		if (!n)
			continue;
		nm_buf_printf(b, "**%s** (%zu)\n\n",
			      TR(lang, resolved ? "Resolved findings" : "New findings"), n);
		for (size_t i = 0; i < d->nfindings; i++) {
			if (d->findings[i].resolved != (bool)resolved)
				continue;
			nm_buf_printf(b, "- `%c` ", resolved ? '-' : '+');
			nm_buf_clear(&line);
			finding_words(&line, lang, &d->findings[i]);
			md_text(b, nm_buf_cstr(&line));
			nm_buf_putc(b, '\n');
		}
		nm_buf_putc(b, '\n');
	}
	if (!d->findings_compared)
		nm_buf_printf(b, "%s\n\n", TR(lang, "The findings of one of the snapshots could not "
						   "be read; they are not compared."));
	nm_buf_release(&line);
}

/* ---- HTML ------------------------------------------------------------------ */

void nm_diff_write_html(nm_buf *b, const nm_diff *d, nm_lang lang)
{
	nm_buf line = NM_BUF_INIT;
	static const char *const classes[] = {"added", "removed", "changed"};

	nm_buf_puts(b, "<section class=\"since\">\n<h2>");
	title(&line, d, lang);
	nm_escape_xml(b, nm_buf_cstr(&line));
	nm_buf_puts(b, "</h2>\n");
	if (nm_diff_is_empty(d)) {
		nm_buf_puts(b, "<p>");
		nm_escape_xml(b, TR(lang, "Nothing changed."));
		nm_buf_puts(b, "</p>\n");
	}
	for (int what = NM_DIFF_ACTOR; what <= NM_DIFF_MEMBERSHIP; what++) {
		size_t n[3];

		count_changes(d, (nm_diff_what)what, n);
		if (n[0] + n[1] + n[2] == 0)
			continue;
		nm_buf_clear(&line);
		nm_buf_printf(&line, "%s: ", TR(lang, section_word((nm_diff_what)what)));
		nm_buf_printf(&line, TR(lang, "%zu added, %zu removed, %zu changed"), n[0], n[1],
			      n[2]);
		nm_buf_puts(b, "<h3>");
		nm_escape_xml(b, nm_buf_cstr(&line));
		nm_buf_puts(b, "</h3>\n<ul>\n");
		for (size_t i = 0; i < d->nrecords; i++) {
			const nm_diff_record *r = &d->records[i];
			if ((int)r->what != what)
				continue;
			nm_buf_printf(b, "<li class=\"%s\">%c ", classes[r->change], marks[r->change]);
			nm_buf_clear(&line);
			record_words(&line, lang, r);
			nm_escape_xml(b, nm_buf_cstr(&line));
			if (r->nfields)
				nm_buf_puts(b, "\n<ul>\n");
			for (size_t j = 0; j < r->nfields; j++) {
				nm_buf_puts(b, "<li>");
				nm_buf_clear(&line);
				field_words_line(&line, lang, &r->fields[j]);
				nm_escape_xml(b, nm_buf_cstr(&line));
				nm_buf_puts(b, "</li>\n");
			}
			nm_buf_puts(b, r->nfields ? "</ul></li>\n" : "</li>\n");
		}
		nm_buf_puts(b, "</ul>\n");
	}
	for (int resolved = 0; resolved < 2; resolved++) {
		size_t n = count_findings(d, resolved);
		if (!n)
			continue;
		nm_buf_puts(b, "<h3>");
		nm_escape_xml(b, TR(lang, resolved ? "Resolved findings" : "New findings"));
		nm_buf_printf(b, " (%zu)</h3>\n<ul>\n", n);
		for (size_t i = 0; i < d->nfindings; i++) {
			if (d->findings[i].resolved != (bool)resolved)
				continue;
			nm_buf_printf(b, "<li class=\"%s\">%c ", resolved ? "resolved" : "new",
				      resolved ? '-' : '+');
			nm_buf_clear(&line);
			finding_words(&line, lang, &d->findings[i]);
			nm_escape_xml(b, nm_buf_cstr(&line));
			nm_buf_puts(b, "</li>\n");
		}
		nm_buf_puts(b, "</ul>\n");
	}
	if (!d->findings_compared) {
		nm_buf_puts(b, "<p>");
		nm_escape_xml(b, TR(lang, "The findings of one of the snapshots could not be read; "
					  "they are not compared."));
		nm_buf_puts(b, "</p>\n");
	}
	nm_buf_puts(b, "</section>\n");
	nm_buf_release(&line);
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
		nm_buf_puts(b, r->what == NM_DIFF_ACTOR	      ? ", \"type\": "
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
		"overlap", "cluster", "overloaded", "review", "uncovered_theme",
		"isolated_actor", "single_type_committee", "missing_voice", "duplicate_actor",
	};
	static const char *const keys[NM_FINDING_KIND_COUNT][3] = {
		{"a", "b", "class"}, {"committees", NULL, NULL}, {"actor", NULL, NULL},
		{"committee", "reason", NULL}, {"theme", NULL, NULL}, {"actor", NULL, NULL},
		{"committee", NULL, NULL}, {"theme", "type", NULL}, {"a", "b", "reason"},
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
