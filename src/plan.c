/*
 * plan.c: "what if" changes on a dataset in memory (contract 7.4).
 *
 * Memberships stay sorted by (committee, actor) between changes, so that a
 * pair is found by binary search; a change that adds or removes pairs
 * merges the new ones in, in one pass over the array.
 */
#include "netmap/plan.h"
#include "netmap/validate.h"

#include <stdlib.h>
#include <string.h>

static const char *const op_names[] = {"--merge", "--dissolve", "--invite"};

static int cmp_membership(const void *x, const void *y)
{
	const nm_membership *a = x, *b = y;

	if (a->committee != b->committee)
		return a->committee < b->committee ? -1 : 1;
	return (a->actor > b->actor) - (a->actor < b->actor);
}

static nm_membership *find_pair(nm_dataset *ds, uint32_t c, uint32_t x)
{
	nm_membership key = {c, x, NM_ROLE_MEMBER, NM_DATE_NONE};

	if (!ds->nmemberships)
		return NULL;
	return bsearch(&key, ds->memberships, ds->nmemberships, sizeof(key), cmp_membership);
}

/* Fold b into a: the strongest role, the earliest since (2.4). */
static void combine(nm_membership *a, const nm_membership *b)
{
	if (b->role > a->role)
		a->role = b->role;
	if (b->since != NM_DATE_NONE && (a->since == NM_DATE_NONE || b->since < a->since))
		a->since = b->since;
}

/* "unknown committee 'x'; did you mean 'y'?" */
static int unknown(nm_error *err, const nm_dataset *ds, nm_plan_op op, const char *id,
		   bool committee)
{
	size_t n = committee ? ds->ncommittees : ds->nactors;
	const char **ids = nm_xreallocarray(NULL, n ? n : 1, sizeof(*ids));
	const char *near;
	int rc;

	for (size_t i = 0; i < n; i++)
		ids[i] = committee ? ds->committees[i].id : ds->actors[i].id;
	near = nm_suggest(id, ids, n);
	if (near)
		rc = nm_error_set(err, NM_EUSAGE, "%s: unknown %s '%s'; did you mean '%s'?",
				  op_names[op], committee ? "committee" : "actor", id, near);
	else
		rc = nm_error_set(err, NM_EUSAGE, "%s: unknown %s '%s'", op_names[op],
				  committee ? "committee" : "actor", id);
	free(ids);
	return rc;
}

/* The committee named id, not dissolved; NM_NONE with err set otherwise. */
static uint32_t live_committee(const nm_dataset *ds, nm_plan_op op, const char *id, nm_error *err)
{
	uint32_t c = nm_dataset_find_committee(ds, id);

	if (c == NM_NONE) {
		unknown(err, ds, op, id, true);
		return NM_NONE;
	}
	if (ds->committees[c].status == NM_STATUS_DISSOLVED) {
		nm_error_set(err, NM_EUSAGE, "%s: committee '%s' is already dissolved",
			     op_names[op], id);
		return NM_NONE;
	}
	return c;
}

/* The union of two ascending theme lists, into a new array. */
static uint32_t *theme_union(const uint32_t *x, size_t nx, const uint32_t *y, size_t ny, size_t *n)
{
	uint32_t *out = nm_xreallocarray(NULL, nx + ny ? nx + ny : 1, sizeof(*out));
	size_t i = 0, j = 0, k = 0;

	while (i < nx || j < ny) {
		if (j == ny || (i < nx && x[i] < y[j]))
			out[k++] = x[i++];
		else if (i == nx || y[j] < x[i])
			out[k++] = y[j++];
		else {
			out[k++] = x[i++];
			j++;
		}
	}
	*n = k;
	return out;
}

/* Merge n pairs (sorted, none in ds yet) into ds's sorted memberships. */
static void insert_sorted(nm_dataset *ds, const nm_membership *add, size_t n)
{
	nm_membership *old = ds->memberships, *merged;
	size_t i = 0, j = 0, k = 0, total = ds->nmemberships + n;

	if (n == 0)
		return;
	merged = nm_xreallocarray(NULL, total, sizeof(*merged));
	while (i < ds->nmemberships || j < n) {
		if (j == n || (i < ds->nmemberships && cmp_membership(&old[i], &add[j]) < 0))
			merged[k++] = old[i++];
		else
			merged[k++] = add[j++];
	}
	free(old);
	ds->memberships = merged;
	ds->nmemberships = total;
}

static int merge(nm_dataset *ds, const char *arg, nm_error *err)
{
	uint32_t *ids = NULL, keep;
	bool *gone = NULL;
	size_t nids = 0, cap = 0, nadd = 0, k = 0;
	nm_membership *add = NULL;
	nm_freq meets;
	int rc = NM_OK;
	char *list = nm_xstrdup(arg), *save = NULL;

	for (char *id = strtok_r(list, ",", &save); id; id = strtok_r(NULL, ",", &save)) {
		uint32_t c = live_committee(ds, NM_PLAN_MERGE, id, err);
		bool seen = false;

		if (c == NM_NONE) {
			rc = NM_EUSAGE;
			goto done;
		}
		for (size_t i = 0; i < nids; i++)
			seen = seen || ids[i] == c;
		if (seen)
			continue;
		NM_GROW(ids, cap, nids + 1);
		ids[nids++] = c;
	}
	if (nids < 2) {
		rc = nm_error_set(err, NM_EUSAGE,
				  "--merge needs at least two different "
				  "committees, not '%s'",
				  arg);
		goto done;
	}
	keep = ids[0];
	gone = nm_xcalloc(ds->ncommittees, sizeof(*gone));
	for (size_t i = 1; i < nids; i++)
		gone[ids[i]] = true;

	/* The others' pairs and leads, as pairs of keep, combined by actor. */
	add = nm_xreallocarray(NULL, ds->nmemberships + nids, sizeof(*add));
	for (size_t i = 0; i < ds->nmemberships; i++)
		if (gone[ds->memberships[i].committee]) {
			add[nadd] = ds->memberships[i];
			add[nadd++].committee = keep;
		}
	for (size_t i = 1; i < nids; i++) {
		nm_committee *o = &ds->committees[ids[i]];
		if (o->lead != NM_NONE) {
			add[nadd++] = (nm_membership){keep, o->lead, NM_ROLE_LEAD, NM_DATE_NONE};
			o->lead = NM_NONE;
		}
	}
	if (nadd)
		qsort(add, nadd, sizeof(*add), cmp_membership);
	for (size_t i = 0; i < nadd; i++) {
		if (k && add[k - 1].actor == add[i].actor) {
			combine(&add[k - 1], &add[i]);
			continue;
		}
		add[k++] = add[i];
	}
	nadd = k;
	k = 0;
	for (size_t i = 0; i < nadd; i++) {
		nm_membership *there = find_pair(ds, keep, add[i].actor);
		if (there)
			combine(there, &add[i]);
		else
			add[k++] = add[i];
	}
	nadd = k;

	/*
	 * Drop the others' pairs and merge in the new ones: both runs are
	 * sorted (the new ones are all keep's, by actor), so one pass keeps
	 * the order.
	 */
	k = 0;
	for (size_t i = 0; i < ds->nmemberships; i++)
		if (!gone[ds->memberships[i].committee])
			ds->memberships[k++] = ds->memberships[i];
	ds->nmemberships = k;
	insert_sorted(ds, add, nadd);

	/* Themes: the union; meets: the most frequent given (7.3); others dissolved. */
	meets = NM_FREQ_NONE;
	for (size_t i = 0; i < nids; i++) {
		nm_committee *c = &ds->committees[ids[i]];

		if (c->meets != NM_FREQ_NONE &&
		    (meets == NM_FREQ_NONE || nm_freq_meetings[c->meets] > nm_freq_meetings[meets]))
			meets = c->meets;
		if (i) {
			nm_committee *kc = &ds->committees[keep];
			size_t n;
			uint32_t *u = theme_union(kc->themes, kc->nthemes, c->themes, c->nthemes,
						  &n);

			free(kc->themes);
			kc->themes = u;
			kc->nthemes = n;
			c->status = NM_STATUS_DISSOLVED;
		}
	}
	ds->committees[keep].meets = meets;

done:
	free(list);
	free(ids);
	free(gone);
	free(add);
	return rc;
}

static int dissolve(nm_dataset *ds, const char *arg, nm_error *err)
{
	uint32_t c = live_committee(ds, NM_PLAN_DISSOLVE, arg, err);

	if (c == NM_NONE)
		return NM_EUSAGE;
	ds->committees[c].status = NM_STATUS_DISSOLVED;
	return NM_OK;
}

static int invite(nm_dataset *ds, const char *arg, nm_error *err)
{
	const char *colon = strchr(arg, ':');
	char *actor;
	uint32_t x, c;
	nm_membership *m;

	if (!colon || colon == arg || colon[1] == '\0')
		return nm_error_set(err, NM_EUSAGE, "--invite takes ACTOR:COMMITTEE, not '%s'",
				    arg);
	actor = nm_xstrdup(arg);
	actor[colon - arg] = '\0';
	x = nm_dataset_find_actor(ds, actor);
	if (x == NM_NONE) {
		unknown(err, ds, NM_PLAN_INVITE, actor, false);
		free(actor);
		return NM_EUSAGE;
	}
	free(actor);
	c = live_committee(ds, NM_PLAN_INVITE, colon + 1, err);
	if (c == NM_NONE)
		return NM_EUSAGE;
	m = find_pair(ds, c, x);
	if (m) {
		if (m->role == NM_ROLE_GUEST)
			m->role = NM_ROLE_MEMBER;
		return NM_OK;
	}
	{
		nm_membership pair = {c, x, NM_ROLE_MEMBER, NM_DATE_NONE};
		insert_sorted(ds, &pair, 1);
	}
	return NM_OK;
}

int nm_plan_apply(nm_dataset *ds, const nm_plan_change *changes, size_t n, nm_error *err)
{
	for (size_t i = 0; i < n; i++) {
		int rc;

		switch (changes[i].op) {
		case NM_PLAN_MERGE:
			rc = merge(ds, changes[i].arg, err);
			break;
		case NM_PLAN_DISSOLVE:
			rc = dissolve(ds, changes[i].arg, err);
			break;
		case NM_PLAN_INVITE:
			rc = invite(ds, changes[i].arg, err);
			break;
		default:
			rc = nm_error_set(err, NM_EUSAGE, "unknown plan change");
			break;
		}
		if (rc != NM_OK)
			return rc;
	}
	return NM_OK;
}
