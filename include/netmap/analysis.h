/*
 * analysis.h: the findings of contract section 3, computed from a validated
 * dataset, a today and the settings. The result refers to records of the
 * dataset by index (ids in byte order), so the dataset must outlive it.
 * Every list is in the order contract section 4 gives for the JSON.
 *
 * Ownership: nm_analysis_free() frees the result with every array in it,
 * each overlap's shared_members and shared_themes, each cluster's
 * committees and each merge proposal's themes included, and the settings'
 * coordinators (a copy) (all allocated one by one, freed with free()), so
 * code that fills an nm_analysis itself (the store, reading stored
 * findings) can free it the same way. Fields marked "explanation" are
 * there for reports that say why a finding holds; they are not findings.
 */
#ifndef NETMAP_ANALYSIS_H
#define NETMAP_ANALYSIS_H

#include "netmap/model.h"
#include "netmap/names.h"

typedef enum nm_class {
	NM_CLASS_DUPLICATE,
	NM_CLASS_NESTED,
	NM_CLASS_OVERLAP,
	NM_CLASS_COUNT
} nm_class;

extern const char *const nm_class_names[NM_CLASS_COUNT];

typedef struct nm_overlap {
	uint32_t a, b; /* committee indices, a < b */
	nm_class cls;
	uint32_t shared;          /* |M(a) ∩ M(b)| */
	uint32_t size_a, size_b;  /* |M(a)|, |M(b)| */
	uint32_t themes_shared;   /* |T(a) ∩ T(b)| */
	uint32_t themes_union;    /* |T(a) ∪ T(b)| */
	uint32_t inside;          /* nested: the smaller committee, else NM_NONE */
	uint32_t *shared_members; /* actor indices, ascending, `shared` of them */
	uint32_t *shared_themes;  /* theme indices, ascending, themes_shared */
	bool subgroup;            /* explanation: one of a, b is an ancestor of
				     the other through parent links, which
				     keeps a full subset from being nested */
} nm_overlap;

typedef struct nm_cluster {
	uint32_t *committees; /* committee indices, ascending */
	size_t n;
} nm_cluster;

typedef struct nm_load {
	uint32_t actor;
	uint32_t committees; /* analysed committees with a membership, any role */
	uint32_t meetings;   /* meetings a year they add up to */
	bool overloaded;     /* committees > max_load */
	uint32_t guest;      /* explanation: of those, committees as guest */
} nm_load;

/* Review reasons, in byte order of their names. */
typedef enum nm_review_reason {
	NM_REVIEW_DORMANT,
	NM_REVIEW_LONG_RUNNING_AD_HOC,
	NM_REVIEW_OVERDUE_AD_HOC,
	NM_REVIEW_STALE,
	NM_REVIEW_COUNT
} nm_review_reason;

extern const char *const nm_review_reason_names[NM_REVIEW_COUNT];

typedef struct nm_review {
	uint32_t committee;
	nm_review_reason reason;
	int32_t days; /* stale: since last_met; overdue: since ends;
			 long running: since founded; dormant: 0 */
} nm_review;

typedef struct nm_missing_voice {
	uint32_t theme;
	nm_actor_type type;
} nm_missing_voice;

/* Invitation reasons (contract 7.2), in byte order of their names. */
typedef enum nm_invite_reason {
	NM_INVITE_ISOLATED,
	NM_INVITE_MISSING_VOICE,
	NM_INVITE_COUNT
} nm_invite_reason;

extern const char *const nm_invite_reason_names[NM_INVITE_COUNT];

/* Invite actor to committee (the host of theme). */
typedef struct nm_invitation {
	uint32_t actor;
	uint32_t committee;
	uint32_t theme;
	nm_invite_reason reason;
} nm_invitation;

/* What merging one cluster would give (contract 7.3). */
typedef struct nm_merge_proposal {
	uint32_t cluster; /* index into clusters: its committees */
	uint32_t members; /* |U|, coordinators included */
	uint32_t *themes; /* the union of their themes, ascending */
	size_t nthemes;
	uint32_t seats_before; /* sum of |M(c)| */
	uint32_t seats_after;  /* |U| */
	nm_freq meets;         /* the largest f given; NM_FREQ_NONE when none */
	uint64_t member_meetings_before;
	uint64_t member_meetings_after;
} nm_merge_proposal;

typedef struct nm_analysis {
	const nm_dataset *ds; /* borrowed */
	nm_date today;
	nm_settings settings;
	size_t analysed_committees;
	uint32_t *member_count; /* |M(c)| per committee; 0 for dissolved */

	nm_overlap *overlaps;
	size_t noverlaps;
	nm_cluster *clusters;
	size_t nclusters;
	nm_load *load;
	size_t nload;
	nm_review *review;
	size_t nreview;

	uint32_t *uncovered_themes; /* theme indices */
	size_t nuncovered_themes;
	uint32_t *isolated_actors; /* actor indices */
	size_t nisolated_actors;
	uint32_t *single_type_committees; /* committee indices */
	nm_actor_type *single_types;      /* explanation: the one type of each */
	size_t nsingle_type_committees;
	uint32_t *coverage; /* [theme * NM_TYPE_COUNT + type], every ds theme */
	nm_missing_voice *missing_voices;
	size_t nmissing_voices;

	nm_duplicate_actor *duplicate_actors;
	size_t nduplicate_actors;

	/* Coordinators (7.1): actor indices, ascending; unknown ids dropped. */
	uint32_t *coordinators;
	size_t ncoordinators;
	nm_invitation *invitations; /* by actor, theme, reason */
	size_t ninvitations;
	nm_merge_proposal *merge_proposals; /* one per cluster, in its order */
	size_t nmerge_proposals;

	/* Where the data is thin: analysed committees without these fields. */
	size_t without_themes;
	size_t without_meets;
	size_t without_last_met;
} nm_analysis;

/* Whether actor x is a coordinator of the analysis. */
bool nm_analysis_is_coordinator(const nm_analysis *an, uint32_t x);

/*
 * Analyse ds (validated and sorted, see model.h) with the given settings as
 * of today. *out receives a new result (free with nm_analysis_free); ds must
 * outlive it. settings are copied. Coordinators (settings->coordinators)
 * are left out of M(c) for overlaps, clusters and single-type committees
 * and are never overloaded; ids that name no actor are ignored (validation
 * and the command line check them). Returns 0, or NM_EUSAGE (and *out
 * untouched) when today is NM_DATE_NONE or a ratio of settings has a zero denominator. Duplicate
 * actor records come from nm_names_find_duplicates() with
 * settings->similar_name.
 */
int nm_analysis_run(nm_analysis **out, const nm_dataset *ds, const nm_settings *settings,
		    nm_date today, nm_error *err);
/*
 * nm_analysis_run on up to jobs threads (0 or 1: the calling thread alone,
 * no thread created): the duplicate actor records
 * (nm_names_find_duplicates_jobs) on half the jobs beside the rest, the
 * overlap search on the other half by ranges of committees.
 * The result is the same for every jobs, to the order of every list.
 */
int nm_analysis_run_jobs(nm_analysis **out, const nm_dataset *ds, const nm_settings *settings,
			 nm_date today, unsigned jobs, nm_error *err);
void nm_analysis_free(nm_analysis *an);

/* For headlines: the number of overlaps of a class, of overloaded actors. */
size_t nm_analysis_count_class(const nm_analysis *an, nm_class cls);
size_t nm_analysis_count_overloaded(const nm_analysis *an);

#endif
