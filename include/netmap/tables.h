/*
 * tables.h: the tables of a spreadsheet (contract 6.1-6.4) as documents
 * that validation reads like YAML.
 *
 * A book (book.h) holds sheets of typed cells; this module finds the
 * tables among them (sheet or file names, 6.1), their header rows and
 * columns (6.2), converts each cell by its column (6.3: text, numbers as
 * plain decimals, dates, booleans, lists, German enum labels), derives
 * missing ids from names (6.4), and builds for each table a document
 * whose nodes carry the cell's place: a workbook's sheet is registered
 * with nm_diags_sheet, so a node's line and column are the cell's row and
 * column; a CSV file's nodes carry the file's line and column (6.5). Every
 * node it builds has from = NM_FROM_CELL and plain = 0 (so that `~` and
 * `null` stay text). References (lead, parent, themes, member_of,
 * members, coordinators, the memberships and matrix tables) are left as
 * written, id or name: validation resolves them (6.4).
 *
 * The problems that the reader of the bytes found (book->problems) are
 * added to the diags here too, at their places.
 *
 * What this module reports itself, by rule id (everything else is left
 * to validation, which sees the documents as if they were YAML):
 *   no-table (error, a warning in a directory walk), table-name (warning:
 *   a sheet or file name that holds a table name without matching it),
 *   no-header-row, missing-column, duplicate-column (a field or a matrix
 *   committee under two headers), unknown-column (warning), no-header
 *   (warning: data in a column without a header), required (a missing
 *   value, at the empty cell where it belongs; validation skips missing
 *   fields of maps from cells), derive-id (nothing to derive an id from),
 *   cell-error (error values, cells without a usable value), date,
 *   boolean, matrix-mark, unknown-key and duplicate-key (settings),
 *   unknown-reference (a matrix header that is_committee rejects: its
 *   column is not read), merge-budget (merged ranges standing for more
 *   than NM_BOOK_MAX_CELLS cells: the sheet is not read). Problems about
 *   the whole file are at its line 1, column 1.
 *
 * Choices where the contract is silent: a merged range in a header row
 * counts once in every table (its first column carries the header); the
 * place of an empty cell in a CSV file is worked out from its neighbours
 * (an empty field takes no character, only its delimiter); a derived id
 * comes first in its record's mapping, with key and value at the name
 * cell and both flagged NM_NODE_DERIVED_ID.
 */
#ifndef NETMAP_TABLES_H
#define NETMAP_TABLES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "netmap/arena.h"
#include "netmap/book.h"
#include "netmap/buf.h"
#include "netmap/diag.h"
#include "netmap/loader.h"

typedef struct nm_tables_ctx {
	nm_diags *diags;
	uint32_t file;   /* the source's entry in diags (nm_diags_file) */
	bool csv;        /* positions are file lines and columns */
	bool from_walk;  /* found in a directory walk (no table: a warning) */
	nm_arena *arena; /* nodes and their text are allocated here */
	/*
	 * The matrix's header row is the first row with a cell, right of the
	 * row's first non-empty cell, that names a committee of the dataset
	 * (by id or exact name, 6.4) or is an x- header. Validation answers.
	 */
	bool (*is_committee)(void *arg, const char *text);
	void *arg;
} nm_tables_ctx;

enum {
	NM_TABLES_PLAIN = 1 << 0, /* read every table but the matrix */
	NM_TABLES_MATRIX = 1 << 1 /* read only the matrix tables */
};

/*
 * Read the tables of book into documents: *docs receives an array (in the
 * arena) of *ndocs documents, in sheet order. `which` selects the tables
 * (NM_TABLES_PLAIN first for every source, then NM_TABLES_MATRIX once
 * every source's other tables are known, so that is_committee can
 * answer). The book's own problems are added with the NM_TABLES_PLAIN
 * call. Returns true when the book holds a matrix table.
 */
bool nm_tables_read(const nm_book *book, const nm_tables_ctx *ctx, unsigned which, nm_doc **docs,
		    size_t *ndocs);

/*
 * The id derived from a name (6.4): steps 1 to 3 of the normalisation of
 * 3.5, runs of characters other than a-z and 0-9 as one `-`, no leading
 * or trailing `-`, cut to 64 characters. Empty when nothing is left.
 */
void nm_tables_derive_id(const char *name, nm_buf *out);

#endif
