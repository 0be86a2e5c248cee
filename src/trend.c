/*
 * trend.c: the numbers of each snapshot for the HTML report's chart of how
 * the network changed, and each committee's members through time.
 */
#include "netmap/trend.h"

#include "netmap/strmap.h"

#include <stdlib.h>

static void fill(nm_trend_point *p, const nm_analysis *an, const nm_dataset *now)
{
	const nm_dataset *ds = an->ds;
	nm_strmap ids;

	p->committees = an->analysed_committees;
	p->duplicates = nm_analysis_count_class(an, NM_CLASS_DUPLICATE);
	p->overloaded = nm_analysis_count_overloaded(an);
	p->missing_voices = an->nmissing_voices;
	p->members = nm_xcalloc(now->ncommittees ? now->ncommittees : 1, sizeof(*p->members));
	nm_strmap_init(&ids);
	for (size_t c = 0; c < ds->ncommittees; c++)
		nm_strmap_put(&ids, ds->committees[c].id, (uint32_t)c);
	for (size_t c = 0; c < now->ncommittees; c++) {
		uint32_t then = nm_strmap_get(&ids, now->committees[c].id);

		if (then == UINT32_MAX)
			p->members[c] = -1;
		else if (ds->committees[then].status == NM_STATUS_DISSOLVED)
			p->members[c] = -2;
		else
			p->members[c] = (int32_t)an->member_count[then];
	}
	nm_strmap_release(&ids);
}

int nm_trend_load(nm_trend **out, nm_store *store, int64_t latest, const nm_analysis *an,
		  nm_error *err)
{
	nm_snapshot_info *list = NULL;
	size_t n = 0, first;
	nm_trend *t = NULL;
	int rc;

	*out = NULL;
	rc = nm_store_list(store, &list, &n, err);
	if (rc != NM_OK)
		goto done;
	/* the snapshots up to latest, the last NM_TREND_MAX of them */
	while (n > 0 && list[n - 1].id > latest) {
		nm_snapshot_info_release(&list[n - 1]);
		n--;
	}
	if (n < 2)
		goto done;
	first = n > NM_TREND_MAX ? n - NM_TREND_MAX : 0;
	t = nm_xcalloc(1, sizeof(*t));
	t->points = nm_xcalloc(n - first, sizeof(*t->points));
	for (size_t i = first; i < n && rc == NM_OK; i++) {
		nm_trend_point *p = &t->points[t->n];
		nm_dataset *ds = NULL;
		nm_analysis *then = NULL;

		p->snapshot = list[i].id;
		p->today = list[i].today;
		if (list[i].id == latest) {
			p->today = an->today;
			fill(p, an, an->ds);
			t->n++;
			continue;
		}
		rc = nm_store_load(store, list[i].id, &ds, NULL, err);
		if (rc == NM_OK)
			rc = nm_analysis_run(&then, ds, &list[i].settings, list[i].today, err);
		if (rc == NM_OK) {
			fill(p, then, an->ds);
			t->n++;
		}
		nm_analysis_free(then);
		nm_dataset_free(ds);
	}
	if (rc == NM_OK) {
		*out = t;
		t = NULL;
	}
done:
	nm_trend_free(t);
	for (size_t i = 0; i < n; i++)
		nm_snapshot_info_release(&list[i]);
	free(list);
	return rc;
}

void nm_trend_free(nm_trend *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++)
		free(t->points[i].members);
	free(t->points);
	free(t);
}
