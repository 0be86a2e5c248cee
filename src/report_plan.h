/*
 * report_plan.h: the plan in words (contract 7): invitations, merge
 * proposals, coordinators and hints where the data is thin, as plain
 * sentences in English or German that every report writer shares (private
 * to the writers). Sentences hold names from the data unescaped: each
 * writer cleans or escapes them as its format needs.
 */
#ifndef NETMAP_REPORT_PLAN_H
#define NETMAP_REPORT_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "netmap/analysis.h"
#include "netmap/buf.h"
#include "netmap/i18n.h"

/* A title or advice of the plan in lang. */
const char *nm_plan_tr(nm_lang lang, const char *en)
#if defined(__GNUC__)
	__attribute__((format_arg(2)))
#endif
	;

/* "invite X to C: it works on T, and no migrant organisation sits there". */
void nm_plan_invitation(nm_buf *b, const nm_analysis *an, const nm_invitation *v, nm_lang lang);
/* "merging A and B: 9 instead of 15 seats, 108 instead of 180 member-meetings a year". */
void nm_plan_merge(nm_buf *b, const nm_analysis *an, const nm_merge_proposal *m, nm_lang lang);
/* "Stadt (stadt): coordinating office, not counted in overlaps ..."; nothing without any. */
void nm_plan_coordinators(nm_buf *b, const nm_analysis *an, nm_lang lang);

/*
 * Hints where the data is thin: a kind of field that more than
 * NM_PLAN_THIN analysed committees leave out. nm_plan_hint writes hint
 * i (0: themes, 1: meets, 2: last_met) and returns false, writing
 * nothing, when that hint does not apply.
 */
#define NM_PLAN_THIN 2
#define NM_PLAN_HINTS 3
bool nm_plan_hint(nm_buf *b, const nm_analysis *an, int i, nm_lang lang);
/* How many hints apply. */
size_t nm_plan_hint_count(const nm_analysis *an);

#endif
