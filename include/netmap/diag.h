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

#define NM_DIAG_MAX_MESSAGE 400   /* bytes of a message; longer ones are cut */
#define NM_DIAG_MAX 100000        /* problems kept; more are only counted */

typedef enum nm_severity {
	NM_SEV_ERROR,
	NM_SEV_WARNING
} nm_severity;

typedef struct nm_diag {
	uint32_t file;     /* index into nm_diags.files */
	uint32_t line;     /* 1-based; 0 when the problem is about the whole file */
	uint32_t col;      /* 1-based, in characters */
	nm_severity severity;
	const char *rule;  /* static rule id, e.g. "unknown-key" */
	char *message;
	size_t seq;        /* insertion order, for a stable sort */
} nm_diag;

typedef struct nm_diags {
	nm_diag *items;
	size_t n, cap;
	char **files;      /* the file paths problems refer to */
	size_t nfiles, files_cap;
	size_t errors, warnings;   /* all, kept or not */
	size_t dropped;            /* problems counted but not kept (NM_DIAG_MAX) */
} nm_diags;

void nm_diags_init(nm_diags *d);
void nm_diags_release(nm_diags *d);
/* Register a file path; returns its index. */
uint32_t nm_diags_file(nm_diags *d, const char *path);
void nm_diags_add(nm_diags *d, nm_severity sev, const char *rule, uint32_t file,
		  uint32_t line, uint32_t col, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 7, 8)))
#endif
	;
void nm_diags_vadd(nm_diags *d, nm_severity sev, const char *rule, uint32_t file,
		   uint32_t line, uint32_t col, const char *fmt, va_list ap);
/* Sort by file, line, column, keeping the order of equal places. */
void nm_diags_sort(nm_diags *d);

#endif
