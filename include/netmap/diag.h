/*
 * diag.h: problems found in the data: errors and warnings, each tied to a
 * file, line and column, with a rule id. The loader and validation add to
 * one list; the CLI prints it in reading order (file, then line, column).
 */
#ifndef NETMAP_DIAG_H
#define NETMAP_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define NM_DIAG_MAX_MESSAGE 400 /* bytes of a message; longer ones are cut */
#define NM_DIAG_MAX 100000      /* problems kept; more are only counted */

typedef enum nm_severity { NM_SEV_ERROR, NM_SEV_WARNING } nm_severity;

typedef struct nm_diag {
	uint32_t file; /* index into nm_diags.files */
	uint32_t line; /* 1-based; 0 when the problem is about the whole file */
	uint32_t col;  /* 1-based, in characters */
	nm_severity severity;
	const char *rule; /* static rule id, e.g. "unknown-key" */
	char *message;
	char *message_de; /* the message in German (diag_words.c), or NULL */
	size_t seq;       /* insertion order, for a stable sort */
} nm_diag;

typedef struct nm_diags {
	nm_diag *items;
	size_t n, cap;
	char **files;   /* the file paths problems refer to */
	char **sheets;  /* per file entry: the sheet of a workbook, or NULL */
	uint32_t *book; /* per file entry: the entry of its file (itself
			      for a file, the workbook's for a sheet) */
	uint8_t *cells; /* per file entry: a spreadsheet's (a sheet, a CSV
			      file), where one cell's problem is said once */
	size_t nfiles, files_cap;
	size_t errors, warnings; /* all, kept or not */
	size_t dropped;          /* problems counted but not kept (NM_DIAG_MAX) */
} nm_diags;

void nm_diags_init(nm_diags *d);
void nm_diags_release(nm_diags *d);
/* Register a file path; returns its index. */
uint32_t nm_diags_file(nm_diags *d, const char *path);
/*
 * Register a sheet of workbook entry `file`; returns an index that
 * problems use like a file's, with line the row and col the column
 * (contract 6.5). Sheets sort after their workbook's own problems, in
 * the order they were registered.
 */
uint32_t nm_diags_sheet(nm_diags *d, uint32_t file, const char *sheet);
/*
 * Mark a file entry as a CSV file: like a sheet's, its repeated problems
 * (the same message at the same cell, as a matrix header referred to from
 * every row gives) are said once.
 */
void nm_diags_mark_cells(nm_diags *d, uint32_t file);
/*
 * The place of a problem in the notation of 2.7 and 6.5, appended to b:
 * "path:line:col", "path:Sheet!C7" ('Akteure 2026'!C7 when the sheet name
 * needs quotes), "path:1:1" for a whole workbook, "path" when line is 0.
 */
struct nm_buf;
void nm_diags_place(const nm_diags *d, uint32_t file, uint32_t line, uint32_t col,
		    struct nm_buf *b);
/*
 * A problem's message for formats that have only a line and a column
 * (GitHub annotations, SARIF, GitLab): in a sheet it starts with the
 * sheet and cell, "Akteure!C7: message" (contract 6.5). Appended to b.
 */
void nm_diags_message(const nm_diags *d, const nm_diag *x, struct nm_buf *b);
/* The message in a language: German where it has one, else English. */
const char *nm_diag_text(const nm_diag *x, int german);
/* The cell name alone ("C7") into out (at least 16 bytes). */
void nm_diags_cell_name(uint32_t line, uint32_t col, char *out);
/* Whether a sheet name must be quoted in a place ('Akteure 2026'!C7). */
int nm_diags_sheet_needs_quotes(const char *sheet);
void nm_diags_add(nm_diags *d, nm_severity sev, const char *rule, uint32_t file, uint32_t line,
		  uint32_t col, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 7, 8)))
#endif
	;
void nm_diags_vadd(nm_diags *d, nm_severity sev, const char *rule, uint32_t file, uint32_t line,
		   uint32_t col, const char *fmt, va_list ap);
/* Cut a message at NM_DIAG_MAX_MESSAGE bytes, at a character boundary, with "…". */
struct nm_buf;
void nm_diags_cut_message(struct nm_buf *msg);
/*
 * Move the entries and problems of from (a file read apart: its entries
 * numbered from 0) to the end of d, as if they had been added to d one by
 * one: entry k becomes base + k, the problems keep their order, and the
 * counts and the NM_DIAG_MAX limit come out as they would have. Returns
 * base; from is left empty.
 */
uint32_t nm_diags_absorb(nm_diags *d, nm_diags *from);
/* Sort by file, line, column, keeping the order of equal places. */
void nm_diags_sort(nm_diags *d);

#endif
