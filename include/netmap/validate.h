/*
 * validate.h: node trees into a validated dataset (contract 2.1-2.7).
 *
 * Documents are added one at a time, as the loader parses them; each is
 * checked as far as it can be alone and its records are copied out, so the
 * tree may be freed. nm_validator_finish then resolves every reference
 * across files, merges memberships (2.4), checks what needs the whole
 * dataset (duplicate ids, parent cycles, warnings) and hands over the
 * dataset when no error was found. Every problem goes to the diags list.
 */
#ifndef NETMAP_VALIDATE_H
#define NETMAP_VALIDATE_H

#include "netmap/diag.h"
#include "netmap/loader.h"
#include "netmap/model.h"

typedef struct nm_validator nm_validator;

/* today: for the warnings about dates (last_met after today). */
nm_validator *nm_validator_new(nm_diags *diags, nm_date today);
void nm_validator_free(nm_validator *v);

/* Record an input file with its SHA-256, for the snapshot. */
void nm_validator_add_file(nm_validator *v, const char *path, const char *sha256);
/* Check one document and copy its records out. */
void nm_validator_add_doc(nm_validator *v, const nm_doc *doc);
/*
 * Whether text names a committee read so far, by id or by exact name
 * (contract 6.4): how a matrix table finds its header row. arg is the
 * validator (the signature of nm_tables_ctx.is_committee).
 */
bool nm_validator_knows_committee(void *arg, const char *text);
/*
 * Finish: cross-file checks and membership merging. *out receives the
 * dataset (free with nm_dataset_free) when there was no error at all,
 * NULL otherwise; out may be NULL when only the problems matter. Returns
 * NM_OK or NM_EINVALID.
 */
int nm_validator_finish(nm_validator *v, nm_dataset **out);

/*
 * Load and validate every path: the whole pipeline of `netmap validate`.
 * Problems go to diags (sorted on return); *out gets the dataset when
 * valid (out may be NULL: problems only). Returns NM_OK, NM_EINVALID (errors in the data) or NM_EIO (a path
 * could not be read; err says which; every readable file is still checked).
 * *nfiles receives the number of files read.
 */
enum {
	NM_VALIDATE_HASH = 1 << 0 /* compute each file's SHA-256 (for a snapshot) */
};

int nm_validate_paths(const char *const *paths, size_t npaths, nm_date today,
		      unsigned flags, nm_diags *diags, nm_dataset **out, size_t *nfiles,
		      nm_error *err);

/* Suggest the candidate closest to word, or NULL when none is close. */
const char *nm_suggest(const char *word, const char *const *candidates, size_t n);

#endif
