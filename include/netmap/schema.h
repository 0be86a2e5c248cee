/*
 * schema.h: the JSON Schema (draft 2020-12) of the YAML data format
 * (contract section 2), for editors (yaml-language-server) and for
 * checking data with any JSON Schema validator.
 *
 * The schema is generated from the tables validation itself reads with:
 * the keys of every mapping (nm_validate_keys), the enum names
 * (model.h), their German labels (labels.h) and the settings with their
 * kinds and defaults (nm_setting_defs, nm_settings_default). So a key or
 * a value added to netmap appears in the schema without a second list.
 * docs/netmap.schema.json is this output, checked in; a test keeps them
 * equal. What a schema cannot express (references, cycles, duplicate
 * ids) is listed in docs/format.md.
 */
#ifndef NETMAP_SCHEMA_H
#define NETMAP_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

#include "netmap/buf.h"
#include "netmap/validate.h"

/* Append the schema to b: UTF-8 JSON, two-space indent, a final newline. */
void nm_schema_write(nm_buf *b);

/*
 * Whether the schema describes key in the mapping set with a type of its
 * own (and not only as free text): for the test that keeps the schema's
 * descriptions and validation's keys in step.
 */
bool nm_schema_describes(nm_keyset set, const char *key);

/* How many keys the schema's description table holds for set. */
size_t nm_schema_described(nm_keyset set);

#endif
