/*
 * loader.h: YAML files into trees of nodes that remember where they stood.
 *
 * The loader resolves the paths a user gives (files as given, directories
 * walked for *.yaml, *.yml, *.xlsx, *.ods and *.csv in any case, in byte
 * order of path, dot-names and lock files skipped, every file once; files
 * that look like data but are not read are warnings), hands spreadsheets
 * to their readers and the table reader (book.h, tables.h) and YAML to
 * libyaml: it checks the encoding, parses each document with libyaml
 * and builds a tree whose every node keeps its file, line and column.
 * Aliases share the anchored node instead of copying it; an expansion
 * budget bounds what they can stand for, and a depth limit bounds nesting.
 * Problems go to an nm_diags list; the loader never prints.
 */
#ifndef NETMAP_LOADER_H
#define NETMAP_LOADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "netmap/common.h"
#include "netmap/diag.h"

#define NM_MAX_DEPTH 64             /* deepest nesting of collections */
#define NM_ALIAS_BUDGET 1000000u    /* nodes aliases may expand to, per file */
#define NM_ALIAS_BYTES_PER_NODE 256 /* a scalar weighs one node per 256 bytes more */

typedef enum nm_node_kind { NM_NODE_SCALAR, NM_NODE_SEQ, NM_NODE_MAP } nm_node_kind;

typedef struct nm_node nm_node;
/*
 * Where a node came from: YAML, or a spreadsheet cell (contract section
 * 6). Validation reads both alike; a node from a cell may also refer to
 * records by name (6.4), and its table reader has already checked what
 * only a table can tell (required columns, cell types).
 */
enum { NM_FROM_YAML = 0, NM_FROM_CELL = 1 };

/* Node flags (nm_node.flags). */
enum {
	NM_NODE_DERIVED_ID = 1 << 0 /* an id derived from a name (6.4) */
};

struct nm_node {
	uint8_t kind;    /* nm_node_kind */
	uint8_t plain;   /* a plain (unquoted) scalar */
	uint8_t from;    /* NM_FROM_YAML or NM_FROM_CELL */
	uint8_t flags;   /* NM_NODE_... */
	uint32_t file;   /* index into the diags' file list */
	uint32_t line;   /* 1-based */
	uint32_t col;    /* 1-based, in characters */
	uint32_t n;      /* scalar: length; seq: items; map: keys + values */
	uint32_t weight; /* nodes this one stands for, aliases expanded; it
			      stops at UINT32_MAX, far above any budget */
	const char *tag; /* an explicit tag, or NULL */
	union {
		const char *value; /* scalar, NUL-terminated */
		nm_node **items;   /* seq: items; map: key, value, key, value... */
	} u;
};

typedef struct nm_doc {
	nm_node *root; /* NULL for an empty document */
	uint32_t file;
	uint32_t base; /* added to every node's file index: 0, or the diags
			      entry of a file read apart (nm_loader_merge) */
} nm_doc;

typedef struct nm_loader nm_loader;

nm_loader *nm_loader_new(nm_diags *diags);
void nm_loader_free(nm_loader *loader);

/*
 * Add a path argument: a file, or a directory to walk. Files are queued,
 * not read. Returns NM_EIO (and adds nothing) when the path cannot be
 * read, or when a directory holds no YAML file; the message is in err.
 */
int nm_loader_add_path(nm_loader *loader, const char *path, nm_error *err);

/* The kinds of data source (contract 2 and 6.1), by file extension. */
typedef enum nm_source_kind {
	NM_SOURCE_YAML,
	NM_SOURCE_XLSX,
	NM_SOURCE_ODS,
	NM_SOURCE_CSV
} nm_source_kind;

/* The kind of a path by its extension, compared in any case (YAML otherwise). */
nm_source_kind nm_source_kind_of(const char *path);

/* How many files are queued. */
size_t nm_loader_file_count(const nm_loader *loader);
const char *nm_loader_file_path(const nm_loader *loader, size_t i);
nm_source_kind nm_loader_file_kind(const nm_loader *loader, size_t i);

/*
 * Read and parse queued file i into documents (borrowed, valid until the
 * next call or nm_loader_free). Problems in the data go to the diags and
 * the documents are those parsed before the problem; NM_EIO when the file
 * cannot be read (message in err). sha256 (65 bytes) receives the hex
 * digest of the file's bytes.
 */
int nm_loader_read(nm_loader *loader, size_t i, nm_doc **docs, size_t *ndocs, char *sha256,
		   nm_error *err);

/*
 * Reading on several threads. nm_loader_read_apart reads queued file i
 * into x as nm_loader_read would, but touches neither the loader nor its
 * diags: x keeps its own problems, with file entries numbered from 0 (the
 * file, then the sheets of a workbook as they were met), so any number of
 * threads may read different files into different nm_loaded at once.
 * nm_loader_merge then hands x to the loader, in reading order and on one
 * thread: its entries and problems go to the end of the loader's diags,
 * exactly as if nm_loader_read had read it there, and the documents (valid
 * until x is read into again or freed) get that entry as their base.
 * Returns what nm_loader_read would have (NM_EIO with err).
 */
typedef struct nm_loaded nm_loaded;

nm_loaded *nm_loaded_new(void);
void nm_loaded_free(nm_loaded *x);
void nm_loader_read_apart(const nm_loader *loader, size_t i, bool hash, nm_loaded *x);
int nm_loader_merge(nm_loader *loader, nm_loaded *x, nm_doc **docs, size_t *ndocs, char *sha256,
		    nm_error *err);

/*
 * After every queued file was read: the matrix tables of the workbooks
 * and CSV files read (contract 6.2), whose header row depends on the
 * committees of the whole dataset (is_committee answers by id or name).
 * Documents are borrowed as with nm_loader_read.
 */
int nm_loader_read_matrices(nm_loader *loader, bool (*is_committee)(void *, const char *),
			    void *arg, nm_doc **docs, size_t *ndocs);

/*
 * Parse a buffer as file `name` (for tests and fuzzers): YAML, or a
 * spreadsheet when the name's extension says so (the matrix tables then
 * come from nm_loader_read_matrices).
 */
int nm_loader_parse_buffer(nm_loader *loader, const char *name, const char *data, size_t len,
			   nm_doc **docs, size_t *ndocs);

/* Whether a scalar node stands for null: ~, null (any case) or nothing. */
bool nm_node_is_null(const nm_node *node);

/* The libyaml version in use, for `netmap --version`. */
const char *nm_loader_libyaml_version(void);

#endif
