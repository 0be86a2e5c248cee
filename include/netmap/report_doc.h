/*
 * report_doc.h: the overview as a document, built once from an analysis
 * and rendered by the text, Markdown and HTML writers (cmark's model: one
 * tree, thin renderers); the what-changed section of a diff too.
 *
 * A document is a tree of nodes: sections, lists of items, pairs,
 * tables, advice and "and N more". Words are chosen once, in the reader's
 * language, when the tree is built; what a renderer still decides is how
 * a node is laid out and how each inline run is escaped: a committee
 * reference is "Name (id)" cleaned of control characters in text,
 * backslash-escaped with the id in a code span in Markdown, and a link to
 * the committee's profile, XML-escaped, in HTML.
 *
 * The headline holds two paragraphs, the title and the date line; the
 * summary a paragraph of totals and the findings table, whose rows carry
 * a label and a count, and under a finding the rows that say more of it
 * (the merge clusters of the duplicates, the four kinds of gap), each
 * with a label for a table and a phrase for a sentence: an aligned table
 * writes "3   in 2 merge clusters", a pipe table a row of its own.
 */
#ifndef NETMAP_REPORT_DOC_H
#define NETMAP_REPORT_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "netmap/analysis.h"
#include "netmap/report.h"

/* One inline run of a line. */
typedef enum nm_doc_run_kind {
	NM_RUN_WORDS,     /* the report's own words, in the language: s, len */
	NM_RUN_DATA,      /* text from the data or built from it: s (owned) */
	NM_RUN_CODE,      /* what a reader types (a flag, a key): s, len */
	NM_RUN_ID,        /* an id alone: s */
	NM_RUN_COMMITTEE, /* "Name (id)" of committee idx */
	NM_RUN_ACTOR,     /* "Name (id)" of actor idx */
	NM_RUN_THEME,     /* "Label (id)" of theme idx */
	NM_RUN_COUNT,     /* n in the language's digits (2.521, 2,521) */
	NM_RUN_DATE,      /* date in the language (26.11.2026, 2026-11-26) */
	NM_RUN_PERCENT    /* n of den as a rounded percentage (80 %, 80%) */
} nm_doc_run_kind;

typedef struct nm_doc_run {
	nm_doc_run_kind kind;
	const char *s;
	size_t len;
	uint32_t idx;
	uint64_t n, den;
	nm_date date;
	int owned; /* s is the document's to free */
} nm_doc_run;

typedef enum nm_doc_kind {
	NM_DOC_ROOT,
	NM_DOC_HEADLINE, /* kids: PARA title (tag NM_DOC_TITLE), PARA date (NM_DOC_META) */
	NM_DOC_SINCE,    /* what changed (opts->since): runs the title; kids PARA, GROUP */
	NM_DOC_SUMMARY,  /* kids: PARA of totals, TABLE of findings (NM_DOC_TABLE_FINDINGS) */
	NM_DOC_PARA,     /* a paragraph of runs */
	NM_DOC_SECTION,  /* runs: the title; n: the count shown beside it, or 0 */
	NM_DOC_GROUP,    /* a titled sub-list of a section (the gaps): runs, n */
	NM_DOC_ITEM,     /* a list item: runs; n: its number in a numbered list;
	                    a PARA kid says why (a possible duplicate record) */
	NM_DOC_PAIR,     /* two committees: kids HEAD, DETAIL, ADVICE and ROW */
	NM_DOC_TABLE,    /* tag: which table; kids: ROWs */
	NM_DOC_ROW,      /* kids: CELLs; in the findings table: runs the label, n the
	                    count, kids the ROWs under it (tag NM_DOC_ROW_WITHIN or
	                    NM_DOC_ROW_PART), each with a PARA kid: its phrase */
	NM_DOC_CELL,     /* runs */
	NM_DOC_ADVICE,   /* runs; tag NM_DOC_FOR_TABLES: only where pairs are a table */
	NM_DOC_MORE      /* runs; n: the items left out */
} nm_doc_kind;

/* Which section a NM_DOC_SECTION is (its tag). */
typedef enum nm_doc_section {
	NM_SEC_MERGE_PROPOSALS,
	NM_SEC_INVITATIONS,
	NM_SEC_THIN_DATA,
	NM_SEC_DUPLICATE,
	NM_SEC_CLUSTERS,
	NM_SEC_NESTED,
	NM_SEC_OVERLAP,
	NM_SEC_LOAD,
	NM_SEC_REVIEW,
	NM_SEC_GAPS,
	NM_SEC_VOICES,
	NM_SEC_COVERAGE,
	NM_SEC_DUPLICATE_RECORDS
} nm_doc_section;

/* Tags of other nodes. */
enum {
	NM_DOC_TODO = 1,            /* NM_DOC_ITEM: a task to tick off */
	NM_DOC_FOR_TABLES = 1,      /* NM_DOC_ADVICE: said once under a table of pairs */
	NM_DOC_TABLE_LOAD = 1,      /* NM_DOC_TABLE: actor, committees, meetings a year */
	NM_DOC_TABLE_COVERAGE,      /* NM_DOC_TABLE: theme, then a count per actor type */
	NM_DOC_TABLE_FINDINGS,      /* NM_DOC_TABLE: runs the title; kids: ROWs of findings */
	NM_DOC_ROW_WITHIN = 1,      /* NM_DOC_ROW under a finding: what its items fall into */
	NM_DOC_ROW_PART,            /* NM_DOC_ROW under a finding: a part of its count */
	NM_DOC_TITLE = 1,           /* NM_DOC_PARA of the headline: the title */
	NM_DOC_META,                /* NM_DOC_PARA of the headline: date and snapshot */
	NM_DOC_FINDINGS = 1,        /* NM_DOC_GROUP of what changed: findings, n of them */
	NM_DOC_NOTHING_CHANGED = 1, /* NM_DOC_PARA of what changed */
	NM_DOC_UNCOMPARED           /* NM_DOC_PARA: the findings could not be compared */
};
/* An NM_DOC_ITEM of what changed has its mark as tag: '+', '-' or '~'. */

typedef struct nm_doc_node {
	nm_doc_kind kind;
	int tag;
	uint64_t n;
	const nm_overlap *pair; /* NM_DOC_PAIR */
	nm_doc_run *runs;
	size_t nruns, rcap;
	struct nm_doc_node **kids;
	size_t nkids, kcap;
} nm_doc_node;

typedef struct nm_doc {
	nm_doc_node root;
	const nm_analysis *an;
	const nm_report_opts *opts;
	size_t cap; /* items a list shows before "and N more", without --all */
} nm_doc;

/* Build the overview of an as a document; free it with nm_doc_free. */
void nm_doc_build(nm_doc *doc, const nm_analysis *an, const nm_report_opts *opts);
/* The same with list_cap items a list rather than 10 (the HTML page shows more). */
void nm_doc_build_capped(nm_doc *doc, const nm_analysis *an, const nm_report_opts *opts,
			 size_t list_cap);
/* Only the what-changed section of diff (`netmap diff`); an is NULL. */
void nm_doc_build_changes(nm_doc *doc, const struct nm_diff *diff, const nm_report_opts *opts);
void nm_doc_free(nm_doc *doc);

/*
 * Append a run that every renderer writes alike (words, a count, a date,
 * a percentage) in the document's language; other runs are the
 * renderer's to write. Returns whether it wrote the run.
 */
int nm_doc_plain_run(nm_buf *b, const nm_doc *doc, const nm_doc_run *r);

#endif
