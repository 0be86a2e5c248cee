/*
 * labels.h: the German labels of the enum values (contract 6.3), in the
 * order the contract lists them, so that the first label of a value is
 * the one writers use. Spreadsheet cells may give a value as any of its
 * labels; the JSON Schema (schema.c) shows them to editors.
 */
#ifndef NETMAP_LABELS_H
#define NETMAP_LABELS_H

#include <stddef.h>
#include <stdint.h>

#include "netmap/buf.h"

/* The enum fields of the data format; values index the model.h tables. */
typedef enum nm_enum_field {
	NM_FIELD_TYPE,   /* nm_actor_type_names */
	NM_FIELD_KIND,   /* nm_kind_names */
	NM_FIELD_STATUS, /* nm_status_names */
	NM_FIELD_MEETS,  /* nm_freq_names */
	NM_FIELD_ROLE    /* nm_role_names */
} nm_enum_field;

typedef struct nm_label {
	uint8_t field; /* nm_enum_field */
	uint8_t value; /* index into the field's names table */
	const char *de;
} nm_label;

extern const nm_label nm_labels[];
extern const size_t nm_nlabels;

/* The labels of one value joined by ", " ("Verband, Wohlfahrtsverband"). */
void nm_labels_join(nm_buf *b, nm_enum_field field, unsigned value);

#endif
