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

/*
 * jobs: how many threads read and parse files (0 or 1: this one alone).
 * Files are still validated one at a time, in reading order, so the
 * problems, the dataset and everything made of them are the same for
 * every jobs.
 */
int nm_validate_paths(const char *const *paths, size_t npaths, nm_date today, unsigned flags,
		      unsigned jobs, nm_diags *diags, nm_dataset **out, size_t *nfiles,
		      nm_error *err);

/*
 * The keys a mapping of the data format may hold, besides x- keys: the
 * tables validation reads with, for tools that describe the format (the
 * JSON Schema of `netmap schema`). *n receives the count.
 */
typedef enum nm_keyset {
	NM_KEYS_DOCUMENT, /* the top of a document */
	NM_KEYS_THEME,    /* a theme written as a mapping */
	NM_KEYS_ACTOR,
	NM_KEYS_CONTACT, /* an actor's contact */
	NM_KEYS_COMMITTEE,
	NM_KEYS_MEMBERSHIP, /* an item of the top-level memberships list */
	NM_KEYS_MEMBER,     /* a mapping in a committee's members */
	NM_KEYS_MEMBER_OF,  /* a mapping in an actor's member_of */
	NM_KEYS_SETTINGS,
	NM_KEYS_COUNT
} nm_keyset;

const char *const *nm_validate_keys(nm_keyset set, size_t *n);

/* Suggest the candidate closest to word, or NULL when none is close. */
const char *nm_suggest(const char *word, const char *const *candidates, size_t n);

#endif
