/*
 * book.h: a spreadsheet as its readers hand it over (contract section 6).
 *
 * Three readers fill the same structure from bytes in memory: the .xlsx
 * reader (xlsx.c, libzip and expat), the .ods reader (ods.c, libzip and
 * expat) and the CSV reader (csv.c, iconv). A book is a list of sheets in
 * file order; a sheet is its non-empty cells in row, then column order,
 * each with its type and the value the file stores (never a display
 * format), and its merged ranges. What the cells mean (tables, headers,
 * records) is the table reader's business (sheet_tables.c), not theirs.
 *
 * Readers never print. What is wrong inside the bytes is a problem in the
 * book's list (errors make the file invalid data, exit 1); readers stop at
 * the budgets below whatever the bytes claim, and allocate nothing in
 * proportion to a claimed size (a <dimension> or a repeat count).
 */
#ifndef NETMAP_BOOK_H
#define NETMAP_BOOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "netmap/arena.h"
#include "netmap/diag.h"

/* Budgets (docs/security.md). */
#define NM_BOOK_MAX_ENTRIES 10000u                   /* entries in a workbook archive */
#define NM_BOOK_MAX_UNPACKED (1024u * 1024u * 1024u) /* bytes all read entries inflate to */
#define NM_BOOK_MAX_CELLS 5000000u                   /* non-empty cells of one sheet */
#define NM_BOOK_MAX_SHEETS 1000u                     /* sheets of a workbook */
#define NM_BOOK_MAX_ROWS 1048576u                    /* rows of a sheet (Excel's limit) */
#define NM_BOOK_MAX_COLS 16384u                      /* columns of a sheet (Excel's: XFD) */
#define NM_BOOK_MAX_CELL_BYTES (1024u * 1024u)       /* bytes of one cell's text */

typedef enum nm_cell_type {
	NM_CELL_TEXT,   /* text, as stored (readers do not trim) */
	NM_CELL_NUMBER, /* a number: its stored decimal digits ("7", "0.1", "1E-3") */
	NM_CELL_DATE,   /* a date: its calendar date as "YYYY-MM-DD" */
	NM_CELL_BOOL,   /* a boolean: "true" or "false" */
	NM_CELL_ERROR,  /* an error value: as stored ("#REF!", "#DIV/0!") */
	NM_CELL_INVALID /* a cell that has no usable value: text says why */
} nm_cell_type;

typedef struct nm_cell {
	uint32_t row, col;   /* 1-based: A1 is row 1, column 1 */
	uint32_t line, lcol; /* CSV: where the cell starts in the file (1-based,
				 the column in characters, an opening quote
				 included, a byte-order mark not); 0 in workbooks */
	uint8_t type;        /* nm_cell_type */
	bool formula;        /* the value is a formula's cached value */
	const char *text;    /* NUL-terminated, in the book's arena; UTF-8 */
} nm_cell;

typedef struct nm_range {
	uint32_t row1, col1, row2, col2; /* inclusive, row1 <= row2, col1 <= col2 */
} nm_range;

typedef struct nm_sheet {
	char *name;     /* in the book's arena */
	bool hidden;    /* hidden sheets are read all the same (6.1) */
	nm_cell *cells; /* non-empty cells, sorted by row, then column */
	size_t ncells, cells_cap;
	nm_range *merges; /* merged ranges, as the file lists them */
	size_t nmerges, merges_cap;
} nm_sheet;

typedef struct nm_book_problem {
	nm_severity severity;
	const char *rule;  /* static rule id, e.g. "zip-bomb", "csv-quote" */
	int32_t sheet;     /* index into sheets; -1: about the whole file */
	uint32_t row, col; /* workbooks: the cell (0, 0 with sheet -1);
				 CSV: the line and column in the file */
	char *message;     /* owned; lowercase, no full stop */
} nm_book_problem;

typedef struct nm_book {
	nm_sheet *sheets;
	size_t nsheets, sheets_cap;
	nm_book_problem *problems; /* in the order found */
	size_t nproblems, problems_cap;
	size_t errors;  /* problems of severity NM_SEV_ERROR */
	bool date1904;  /* xlsx: the workbook uses the 1904 date system */
	nm_arena arena; /* the text of names and cells */
} nm_book;

void nm_book_init(nm_book *book);
void nm_book_release(nm_book *book);

/* Append a sheet (name copied); returns it. */
nm_sheet *nm_book_add_sheet(nm_book *book, const char *name, size_t len);
/*
 * Append a cell to a sheet (text copied into the arena). Cells must come
 * in row, then column order; nm_book_sort_cells puts them in order when a
 * format cannot promise it. Returns the cell, or NULL when the sheet's
 * cell budget is spent (the caller adds the problem and stops).
 */
nm_cell *nm_book_add_cell(nm_book *book, nm_sheet *sheet, uint32_t row, uint32_t col,
			  nm_cell_type type, const char *text, size_t len);
void nm_book_add_merge(nm_sheet *sheet, nm_range r);
/* Sort a sheet's cells by row, then column (stable). */
void nm_book_sort_cells(nm_sheet *sheet);
/* Record a problem; the message is formatted and cut at NM_DIAG_MAX_MESSAGE. */
void nm_book_problem_add(nm_book *book, nm_severity sev, const char *rule, int32_t sheet,
			 uint32_t row, uint32_t col, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 7, 8)))
#endif
	;

/* The cell at (row, col), or NULL when it is empty (binary search). */
const nm_cell *nm_sheet_cell(const nm_sheet *sheet, uint32_t row, uint32_t col);

/*
 * Column letters of a 1-based column number into out (at least 8 bytes;
 * XFD, the last column of a sheet, needs 4): 1 -> "A", 27 -> "AA".
 */
void nm_book_col_name(uint32_t col, char *out);

/*
 * The readers. Each reads a whole file's bytes (name is for messages) into
 * an initialised, empty book and returns NM_OK when the book could be read
 * (its problems may still hold warnings), NM_EINVALID when the bytes are
 * not a readable file of that kind (the reason is among the problems, as
 * an error). The bytes need not be NUL-terminated.
 */
int nm_xlsx_read(const char *data, size_t len, nm_book *book);
int nm_ods_read(const char *data, size_t len, nm_book *book);
/* A CSV file is one sheet, named after the file: the base name without extension. */
int nm_csv_read(const char *data, size_t len, const char *sheet_name, nm_book *book);

/*
 * What the bytes seem to be, from their first bytes, for a file whose
 * content is not what its extension says: "a ZIP archive", "an old Excel
 * (.xls) or encrypted Office file", "a text file", "a PDF file", or NULL.
 */
const char *nm_book_sniff(const char *data, size_t len);

#endif
