/*
 * diff_words.h: a diff put into words (diff_write.c), for the report
 * document (report_doc.c); private to the report writers.
 */
#ifndef NETMAP_DIFF_WORDS_H
#define NETMAP_DIFF_WORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "netmap/buf.h"
#include "netmap/diff.h"
#include "netmap/i18n.h"

/* The marks of added, removed and changed records: '+', '-', '~'. */
extern const char nm_diff_marks[3];

/* en, one of the diff's words, in lang. */
const char *nm_diff_tr(nm_lang lang, const char *en)
#if defined(__GNUC__)
	__attribute__((format_arg(2)))
#endif
	;
/* The section's title: two snapshots, or a snapshot and its plan. */
void nm_diff_title(nm_buf *b, const nm_diff *d, nm_lang lang);
/* The English word of a kind of record ("Actors", "Groups", "Memberships"). */
const char *nm_diff_section_word(nm_diff_what what);
/* How many records of what were added, removed, changed (n[change]). */
void nm_diff_count_changes(const nm_diff *d, nm_diff_what what, size_t n[3]);
/* How many findings are resolved (or new). */
size_t nm_diff_count_findings(const nm_diff *d, bool resolved);
/* One record's line after its mark: "Name (id), type"; data, not yet cleaned. */
void nm_diff_record_words(nm_buf *b, nm_lang lang, const nm_diff_record *r);
/* One changed field: "name: before → after". */
void nm_diff_field_words(nm_buf *b, nm_lang lang, const nm_diff_field *f);
/* What a finding is about: "duplicate groups: A (a) and B (b)". */
void nm_diff_finding_words(nm_buf *b, nm_lang lang, const nm_diff_finding *f);

#endif
