/*
 * diff.c: what changed between two snapshots.
 *
 * Records are compared by id: both datasets are sorted by id (memberships
 * by committee id, then actor id, since indices follow ids), so one merge
 * walk per kind of record finds what was added, removed and changed, in
 * linear time. Findings are compared as sorted keys (diff_keys.c): a
 * merge of the two key lists gives the new and the resolved ones.
 *
 * This file computes on the datasets and findings it is given (the
 * callers read them from the store: nm_store_load_pair); diff_write.c
 * puts a diff into words.
 */
#include "netmap/diff.h"

#include <stdlib.h>
#include <string.h>

#include "diff_keys.h"

static int cmp_str(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
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
			// NOLINTNEXTLINE(clang-analyzer-core.NullDereference)
			r = add_record(bd, NM_DIFF_ACTOR, NM_DIFF_ADDED, b->id, b->name);
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
			field(r, &cap, "district", dup_or_null(a->district),
			      dup_or_null(b->district));
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
			// NOLINTNEXTLINE(clang-analyzer-core.NullDereference)
			r = add_record(bd, NM_DIFF_COMMITTEE, NM_DIFF_ADDED, b->id, b->name);
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
	// NOLINTNEXTLINE(clang-analyzer-core.NullDereference): callers pass a membership
	const nm_committee *c = &ds->committees[m->committee];
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

static void add_finding(builder *bd, const nm_diff_key *k, bool resolved, const nm_dataset *ds)
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
static void diff_findings(builder *bd, const nm_diff_keys *x, const nm_diff_keys *y,
			  const nm_dataset *dx, const nm_dataset *dy)
{
	for (int pass = 0; pass < 2; pass++) {
		const nm_diff_keys *have = pass ? x : y, *other = pass ? y : x;
		size_t j = 0;

		for (size_t i = 0; i < have->n; i++) {
			int c = 1;
			if (i > 0 && nm_diff_key_cmp(&have->items[i - 1], &have->items[i]) == 0)
				continue;
			while (j < other->n &&
			       (c = nm_diff_key_cmp(&other->items[j], &have->items[i])) < 0)
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
	nm_diff_keys kx, ky;
	int okx = 0, oky = 0;

	bd.d = nm_xcalloc(1, sizeof(*bd.d));
	bd.d->from = from_id;
	bd.d->to = to_id;
	diff_actors(&bd, from, to);
	diff_committees(&bd, from, to);
	diff_memberships(&bd, from, to);
	if (from_an)
		nm_diff_keys_from_analysis(from_an, &kx);
	else
		okx = nm_diff_keys_from_json(from_findings, &kx);
	if (to_an)
		nm_diff_keys_from_analysis(to_an, &ky);
	else
		oky = nm_diff_keys_from_json(to_findings, &ky);
	bd.d->findings_compared = okx == 0 && oky == 0;
	if (bd.d->findings_compared)
		diff_findings(&bd, &kx, &ky, from, to);
	nm_diff_keys_free(&kx);
	nm_diff_keys_free(&ky);
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
