/*
 * trend.h: how the network changed across the snapshots of a store, for
 * the HTML report's chart and the history in each committee profile. Each
 * snapshot is loaded and analysed with the settings and the day it was
 * taken with; the latest one is the report's own analysis, so that the
 * chart's last point is the page's numbers.
 */
#ifndef NETMAP_TREND_H
#define NETMAP_TREND_H

#include <stddef.h>
#include <stdint.h>

#include "netmap/analysis.h"
#include "netmap/common.h"
#include "netmap/store.h"

/* At most this many snapshots, the latest ones. */
#define NM_TREND_MAX 12

typedef struct nm_trend_point {
	int64_t snapshot;
	nm_date today;
	size_t committees;     /* active or dormant */
	size_t duplicates;     /* duplicate pairs */
	size_t overloaded;     /* overloaded actors */
	size_t missing_voices; /* themes and missing types */
	/*
	 * Per committee of the reported dataset: its members in that
	 * snapshot, -1 when it was not there, -2 when it was dissolved.
	 */
	int32_t *members;
} nm_trend_point;

typedef struct nm_trend {
	nm_trend_point *points; /* oldest first */
	size_t n;
} nm_trend;

/*
 * The trend of the store's snapshots up to latest, whose analysis is an.
 * *out is NULL when the store has fewer than two snapshots. Returns 0 or a
 * negative NM_E... code from the store or the analysis (err says which).
 */
int nm_trend_load(nm_trend **out, nm_store *store, int64_t latest, const nm_analysis *an,
		  nm_error *err);
void nm_trend_free(nm_trend *t);

#endif
