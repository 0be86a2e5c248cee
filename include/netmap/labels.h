/*
 * labels.h: the words of spreadsheets (contract 6.1-6.3), in English and
 * German, kept once for the readers, the writers and validation's hints:
 * table names, column headers, and the German labels of enum values.
 *
 * Headers, table names, settings keys and enum values are compared by
 * their key (nm_label_key): Unicode NFKC, full case folding, trimmed,
 * each run of `_`, `-` and white space one space.
 */
#ifndef NETMAP_LABELS_H
#define NETMAP_LABELS_H

#include <stdbool.h>
#include <stddef.h>

#include "netmap/buf.h"
#include "netmap/i18n.h" /* nm_lang */

typedef enum nm_table {
	NM_TABLE_ACTORS,
	NM_TABLE_COMMITTEES,
	NM_TABLE_MEMBERSHIPS,
	NM_TABLE_THEMES,
	NM_TABLE_SETTINGS,
	NM_TABLE_MATRIX,
	NM_TABLE_COUNT,
	NM_TABLE_NONE = -1
} nm_table;

/* The enum fields whose values have German labels. */
typedef enum nm_enum_field {
	NM_ENUM_TYPE,
	NM_ENUM_KIND,
	NM_ENUM_STATUS,
	NM_ENUM_MEETS,
	NM_ENUM_ROLE,
	NM_ENUM_FIELD_COUNT
} nm_enum_field;

/* What a column holds, for conversion of its cells. */
typedef enum nm_col_kind {
	NM_COL_TEXT, /* free text, or an id */
	NM_COL_REF,  /* a reference to one record (lead, parent, actor, committee) */
	NM_COL_LIST, /* a list of references (themes, member_of, members) */
	NM_COL_ENUM, /* an enum value (enum_field says which) */
	NM_COL_DATE,
	NM_COL_BOOL,
	NM_COL_SETTING /* a settings value: converted by key */
} nm_col_kind;

/* A few dozen static entries: field order follows meaning, not padding. */
typedef struct nm_column { // NOLINT(clang-analyzer-optin.performance.Padding)
	nm_table table;
	const char *field; /* the YAML key: "name", "contact.email", "last_met" */
	nm_col_kind kind;
	int enum_field;                /* nm_enum_field for NM_COL_ENUM, else -1 */
	bool required;                 /* contract 6.2's required columns */
	const char *const *headers_de; /* NULL-terminated German headers, first = written */
	const char *const *aliases;    /* NULL-terminated further English headers ("email") */
} nm_column;

/* The columns of a table, in the order writers write them. */
const nm_column *nm_label_columns(nm_table table, size_t *n);

/* The English and German name of a table ("actors", "Akteure"). */
const char *nm_label_table_name(nm_table table, nm_lang lang);

/*
 * Which table a sheet name (or a CSV file's base name) is: the name,
 * compared by key, is a table name alone or followed by a space, `-`,
 * `_` or `.` and anything else. NM_TABLE_NONE otherwise; *contains is
 * set when a table name occurs inside the name without matching it
 * ("Gremienbesetzung"), so that the reader can warn. Names beginning
 * with `x-` are never tables.
 */
nm_table nm_label_table_of(const char *sheet_name, bool *contains);

/* The column a header names in a table, or NULL (compared by key). */
const nm_column *nm_label_column_of(nm_table table, const char *header);
/* Whether a header is an `x-` extension (after NFKC and case folding). */
bool nm_label_is_extension(const char *header);
/* The header a writer writes for a column in a language. */
const char *nm_label_header(const nm_column *col, nm_lang lang);

/*
 * An enum value from a cell: the English value or a German label,
 * compared by key. Returns the enum index, or -1.
 */
int nm_label_enum_lookup(nm_enum_field field, const char *text);
/* The English value an exact German label stands for (for YAML hints), or -1. */
int nm_label_enum_german(nm_enum_field field, const char *text);
/* A writer's word for an enum value: the English value, or the first German label. */
const char *nm_label_enum_word(nm_enum_field field, int value, nm_lang lang);
/* The German labels of one value joined by ", " ("Verband, Wohlfahrtsverband"). */
void nm_labels_join(nm_buf *b, nm_enum_field field, unsigned value);
/* Every word that names some value of a field, English then German (for did-you-mean). */
const char *const *nm_label_enum_words(nm_enum_field field, size_t *n);

/*
 * A settings key from a cell ("Duplicate Jaccard", "max-load"): the
 * English key of 2.6 and 7.1, "dataset", or NULL.
 */
const char *nm_label_setting_of(const char *text);
/* Every settings key of 2.6 and 7.1 and "dataset", for did-you-mean. */
const char *const *nm_label_setting_keys(size_t *n);

/* The comparison key of s into out (cleared first). */
void nm_label_key(const char *s, nm_buf *out);
/* Whether a and b have the same key. */
bool nm_label_equal(const char *a, const char *b);

#endif
