/*
 * sheet_write.h: writing spreadsheets (contract 6.6): a dataset as a
 * workbook (.xlsx with libxlsxwriter, .ods as OpenDocument XML in a ZIP
 * written with libzip) or as CSV files, one a table; and the empty
 * template that `netmap init` writes.
 *
 * The layout is the one the readers read (6.1-6.3): one sheet (or file) a
 * table, named in the chosen language, the first header listed for each
 * column (labels.h), enum values as the first German label or the English
 * value, ids written out, dates as date cells (.xlsx: a number with a date
 * format; .ods: office:date-value; CSV: text). Memberships are written in
 * the memberships table, one row each, with role and since. Output is
 * deterministic: fixed document times and ZIP entry times.
 *
 * Every file is written to a temporary sibling and renamed over its
 * target only when complete, so a failed write leaves nothing half done.
 */
#ifndef NETMAP_SHEET_WRITE_H
#define NETMAP_SHEET_WRITE_H

#include <stdbool.h>

#include "netmap/buf.h"
#include "netmap/common.h"
#include "netmap/labels.h"
#include "netmap/model.h"

typedef enum nm_sheet_format { NM_SHEET_XLSX, NM_SHEET_ODS, NM_SHEET_CSV } nm_sheet_format;

/* "xlsx", "ods" or "csv" into *out; 0, or -1 for another word. */
int nm_sheet_format_parse(const char *s, nm_sheet_format *out);

typedef struct nm_sheet_opts {
	nm_lang lang;                /* headers, table names, enum words, CSV delimiter */
	bool include_contacts;       /* write contact.person/email/phone (contract 5.4) */
	const nm_settings *settings; /* the settings table; NULL: the dataset's own */
	bool all_settings;           /* every key of 2.6; false: only those the dataset gave */
} nm_sheet_opts;

/*
 * Write ds to path: a file for NM_SHEET_XLSX and NM_SHEET_ODS, a directory
 * for NM_SHEET_CSV (created when missing; one `<table name>.csv` a table).
 * Files holding contact data are readable by their owner only. NM_EIO
 * (err says which file) when a file cannot be written.
 */
int nm_sheet_write_dataset(const nm_dataset *ds, nm_sheet_format fmt, const nm_sheet_opts *o,
			   const char *path, nm_error *err);

/*
 * The empty template of `netmap init` in lang: the tables with their
 * headers (the matrix as its actor column and an `x-` notes column); in
 * workbooks also a `Hinweise`/`How to` sheet first, drop-down lists on
 * every enum and boolean column and on the matrix's cells, date formats
 * on date columns, frozen header rows and a `Beispiele`/`Examples` sheet
 * that is not read. CSV: one file a table, headers only.
 */
int nm_sheet_write_template(nm_sheet_format fmt, nm_lang lang, const char *path, nm_error *err);

/*
 * The files nm_sheet_write_template writes in fmt and lang at path (for
 * CSV the table files below it; otherwise path itself), NULL-terminated,
 * into names (at least 8 entries); each is allocated, free with free().
 */
void nm_sheet_outputs(nm_sheet_format fmt, nm_lang lang, const char *path, char **names);

/*
 * One CSV field, RFC 4180: quoted when it holds a delimiter (`,`, `;` or a
 * tab, whichever delim is), a quote, a line break, or white space at
 * either end. A value beginning with `=`,
 * `+`, `-`, `@`, a tab or a carriage return, which a spreadsheet program
 * would run as a formula (CSV injection), is written quoted with one space
 * in front: programs show it as text, and netmap's readers trim the space
 * (contract 6.3), so the value reads back unchanged.
 */
void nm_sheet_csv_field(nm_buf *b, const char *s, char delim);

/*
 * Write b to path through a temporary sibling renamed over it; mode 0600
 * when private_data, else 0666 less the umask. NM_EIO with err set.
 */
int nm_sheet_write_file(const char *path, const nm_buf *b, bool private_data, nm_error *err);

#endif
