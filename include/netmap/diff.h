/*
 * diff.h: what changed between two snapshots: actors, committees and
 * memberships added, removed and changed (by field), and findings new and
 * resolved, compared through the findings each snapshot stored when it
 * was taken. Records are matched by id, so a renamed actor is a change.
 *
 * A diff owns copies of everything it shows, so the datasets and findings
 * it was computed from may be freed at once. Its fields are public for
 * tests and writers; only nm_diff_compute fills them.
 */
#ifndef NETMAP_DIFF_H
#define NETMAP_DIFF_H

#include <stdbool.h>
#include <stddef.h>

#include "netmap/analysis.h"
#include "netmap/buf.h"
#include "netmap/i18n.h"
#include "netmap/model.h"

typedef enum nm_diff_what { NM_DIFF_ACTOR, NM_DIFF_COMMITTEE, NM_DIFF_MEMBERSHIP } nm_diff_what;

typedef enum nm_diff_change { NM_DIFF_ADDED, NM_DIFF_REMOVED, NM_DIFF_CHANGED } nm_diff_change;

/*
 * One changed field, both values as text: enum values as the data format
 * spells them, dates YYYY-MM-DD, themes as theme ids joined by ",", ad_hoc
 * "true" or "false", lead and parent as ids; NULL when absent.
 */
typedef struct nm_diff_field {
	const char *name; /* "name", "themes", "role", ... (static) */
	char *before;
	char *after;
} nm_diff_field;

typedef struct nm_diff_record {
	nm_diff_what what;
	nm_diff_change change;
	char *id;              /* actor or committee id; for a membership the committee's */
	char *name;            /* its name in the later snapshot (the earlier when removed) */
	char *actor;           /* membership: the actor's id, else NULL */
	char *actor_name;      /* membership: the actor's name, else NULL */
	char *detail;          /* added or removed: type, kind or role, as spelled in data */
	nm_diff_field *fields; /* NM_DIFF_CHANGED: the fields that differ, in order */
	size_t nfields;
} nm_diff_record;

/* The kinds of finding compared, in the order a diff lists them. */
typedef enum nm_diff_finding_kind {
	NM_FINDING_OVERLAP,         /* a, b, class */
	NM_FINDING_CLUSTER,         /* committee ids joined by "," */
	NM_FINDING_OVERLOADED,      /* actor */
	NM_FINDING_REVIEW,          /* committee, reason */
	NM_FINDING_UNCOVERED_THEME, /* theme */
	NM_FINDING_ISOLATED_ACTOR,  /* actor */
	NM_FINDING_SINGLE_TYPE,     /* committee */
	NM_FINDING_MISSING_VOICE,   /* theme, type */
	NM_FINDING_DUPLICATE_ACTOR, /* a, b, reason */
	NM_FINDING_KIND_COUNT
} nm_diff_finding_kind;

typedef struct nm_diff_finding {
	nm_diff_finding_kind kind;
	bool resolved;  /* false: new in the later snapshot */
	char *part[3];  /* the key, as listed beside each kind above; NULL after */
	char *label[3]; /* for display: "Name (id)" or a theme's label, or NULL */
} nm_diff_finding;

struct nm_diff {
	long long from, to;      /* the snapshots compared */
	nm_diff_record *records; /* actors, committees, memberships, each by id */
	size_t nrecords;
	nm_diff_finding *findings; /* new, then resolved; each by kind, then key */
	size_t nfindings;
	bool findings_compared; /* false: a snapshot's findings were missing or unreadable */
	bool plan;              /* netmap plan: snapshot `from` against its changed copy */
};

typedef struct nm_diff nm_diff;

/*
 * Compare snapshot `from` (dataset and findings JSON) with `to`. *out
 * receives a new diff (free with nm_diff_free); the datasets may be freed
 * afterwards. Findings JSON that is NULL or cannot be read leaves the
 * findings uncompared (findings_compared false); it is no error.
 */
int nm_diff_compute(nm_diff **out, const nm_dataset *from, const char *from_findings,
		    long long from_id, const nm_dataset *to, const char *to_findings,
		    long long to_id, nm_error *err);

/*
 * The same comparison with the later side's findings taken from its
 * analysis (to_an, whose dataset is compared) and the earlier side's from
 * from_an when it is not NULL, else from from_findings (JSON): for
 * `netmap plan`, which has the analyses at hand and need not write and
 * read them back as JSON.
 */
int nm_diff_compute_analysed(nm_diff **out, const nm_dataset *from, const char *from_findings,
			     const nm_analysis *from_an, long long from_id,
			     const nm_analysis *to_an, long long to_id, nm_error *err);

void nm_diff_free(nm_diff *diff);

/* Whether anything changed at all. */
int nm_diff_is_empty(const nm_diff *diff);

/*
 * The "what changed" section as text, Markdown or JSON, appended to b (the
 * HTML page renders it from the report document). Text fits width columns
 * (80 when 0) and every data string is cleaned of control characters;
 * Markdown escapes every data string. JSON is one object without a
 * trailing newline (see docs/history.md).
 */
void nm_diff_write_text(nm_buf *b, const nm_diff *diff, nm_lang lang, unsigned width);
void nm_diff_write_markdown(nm_buf *b, const nm_diff *diff, nm_lang lang);
void nm_diff_write_json(nm_buf *b, const nm_diff *diff);

#endif
