/*
 * report.h: writers that render an analysis. Each format is one file
 * (report_<format>.c) and one row of the writer table; a writer only
 * reads the analysis and its dataset, never the store.
 */
#ifndef NETMAP_REPORT_H
#define NETMAP_REPORT_H

#include <stdbool.h>

#include "netmap/analysis.h"
#include "netmap/buf.h"
#include "netmap/i18n.h"

struct nm_diff;  /* diff.h: what changed since an earlier snapshot */
struct nm_trend; /* trend.h: the numbers of each snapshot */

typedef struct nm_report_opts {
	bool all;                        /* show every item of long lists */
	bool color;                      /* ANSI colour */
	unsigned width;                  /* columns to wrap at (text) */
	long long snapshot;              /* the snapshot reported on, or 0 */
	nm_lang lang;                    /* the language of every word */
	const char *table;               /* csv: which table (overlaps, load, review, ...) */
	bool include_contacts;           /* personal data only when asked for */
	const char *to, *from, *subject; /* email headers */
	nm_date date;                    /* email: the Date header's day, NM_DATE_NONE for now */
	const struct nm_diff *since;     /* a "what changed" section, or NULL */
	const struct nm_trend *trend;    /* html: the store's snapshots, or NULL */
} nm_report_opts;

void nm_report_opts_init(nm_report_opts *opts);

typedef void (*nm_report_fn)(nm_buf *out, const nm_analysis *an, const nm_report_opts *opts);

typedef struct nm_report_writer {
	const char *name; /* the --format value */
	nm_report_fn write;
} nm_report_writer;

/* The writer for a format name, or NULL. */
const nm_report_writer *nm_report_find(const char *format);
/* The format names, comma-separated, for usage messages. */
const char *nm_report_formats(void);

void nm_report_json(nm_buf *out, const nm_analysis *an, const nm_report_opts *opts);
void nm_report_text(nm_buf *out, const nm_analysis *an, const nm_report_opts *opts);
void nm_report_markdown(nm_buf *out, const nm_analysis *an, const nm_report_opts *opts);
void nm_report_csv(nm_buf *out, const nm_analysis *an, const nm_report_opts *opts);
void nm_report_html(nm_buf *out, const nm_analysis *an, const nm_report_opts *opts);
void nm_report_email(nm_buf *out, const nm_analysis *an, const nm_report_opts *opts);

#endif
