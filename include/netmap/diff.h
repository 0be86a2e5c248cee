/*
 * diff.h: what changed between two snapshots: actors, committees and
 * memberships added, removed and changed (by field), and findings new and
 * resolved, compared through the findings each snapshot stored when it
 * was taken. Records are matched by id, so a renamed actor is a change.
 */
#ifndef NETMAP_DIFF_H
#define NETMAP_DIFF_H

#include "netmap/buf.h"
#include "netmap/i18n.h"
#include "netmap/model.h"

typedef struct nm_diff nm_diff;

/*
 * Compare snapshot `from` (dataset and findings JSON) with `to`. *out
 * receives a new diff (free with nm_diff_free); the datasets may be freed
 * afterwards.
 */
int nm_diff_compute(nm_diff **out, const nm_dataset *from, const char *from_findings,
		    long long from_id, const nm_dataset *to, const char *to_findings,
		    long long to_id, nm_error *err);
void nm_diff_free(nm_diff *diff);

/* Whether anything changed at all. */
int nm_diff_is_empty(const nm_diff *diff);

/* The "what changed" section in each report format. */
void nm_diff_write_text(nm_buf *b, const nm_diff *diff, nm_lang lang, unsigned width);
void nm_diff_write_markdown(nm_buf *b, const nm_diff *diff, nm_lang lang);
void nm_diff_write_html(nm_buf *b, const nm_diff *diff, nm_lang lang);
void nm_diff_write_json(nm_buf *b, const nm_diff *diff);

#endif
