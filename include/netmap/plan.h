/*
 * plan.h: "what if" changes applied in memory to a dataset (contract 7.4):
 * merging committees, dissolving one, inviting an actor. The store is
 * never touched; `netmap plan` analyses the changed copy and compares it
 * with the snapshot.
 */
#ifndef NETMAP_PLAN_H
#define NETMAP_PLAN_H

#include <stddef.h>

#include "netmap/model.h"

typedef enum nm_plan_op {
	NM_PLAN_MERGE,    /* arg "A,B,...": B... into A */
	NM_PLAN_DISSOLVE, /* arg "C" */
	NM_PLAN_INVITE    /* arg "ACTOR:COMMITTEE" */
} nm_plan_op;

typedef struct nm_plan_change {
	nm_plan_op op;
	const char *arg; /* as the user wrote it (borrowed) */
} nm_plan_change;

/*
 * Apply the changes to ds (validated and sorted, see model.h) in the order
 * given; ds stays sorted. A merge keeps the first committee: the others'
 * memberships move to it (one pair once, the strongest role, the earliest
 * since), their leads become lead memberships of it and their lead fields
 * are cleared, its themes become the union and its meets the most frequent
 * one given; the others are dissolved. A dissolve sets the status; an
 * invite makes the actor a member (a guest becomes a member, a stronger
 * role stays).
 *
 * NM_EUSAGE, with a message for the user (naming the option, suggesting a
 * close id), for an unknown id, a merge of fewer than two distinct
 * committees, an invite without ACTOR:COMMITTEE, or a change to a
 * committee already dissolved when it is applied; ds may then hold the
 * changes before the bad one.
 */
int nm_plan_apply(nm_dataset *ds, const nm_plan_change *changes, size_t n, nm_error *err);

#endif
