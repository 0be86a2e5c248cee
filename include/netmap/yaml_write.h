/*
 * yaml_write.h: a dataset as YAML files (contract 6.6, `netmap import`),
 * and the YAML template of `netmap init --format yaml`.
 *
 * The dataset goes into one file a table: themes.yaml, actors.yaml,
 * committees.yaml, memberships.yaml and settings.yaml, ids written out,
 * memberships in the top-level list with their role and since, and only
 * the settings the dataset gave. Read back, the files validate to the same
 * dataset. Every string is written plain only when YAML reads it back as
 * that same string; otherwise double-quoted with escapes.
 */
#ifndef NETMAP_YAML_WRITE_H
#define NETMAP_YAML_WRITE_H

#include <stdbool.h>

#include "netmap/buf.h"
#include "netmap/common.h"
#include "netmap/i18n.h"
#include "netmap/model.h"

/*
 * Append s as a YAML scalar: plain when a YAML 1.1 or 1.2 reader takes it
 * for the same string in block and flow context, double-quoted otherwise
 * (empty, `yes`, `null`, `007`, `- x`, `a: b`, `a #b`, quotes, line
 * breaks, control characters, leading or trailing white space).
 */
void nm_yaml_scalar(nm_buf *b, const char *s);

/* The five file names of nm_yaml_write_dataset, in writing order. */
extern const char *const nm_yaml_files[5];

/*
 * Write ds as the five files into dir (created when missing; the files
 * are replaced whole, each through a temporary sibling). actors.yaml is
 * readable by its owner only when it holds contact data. NM_EIO with err.
 */
int nm_yaml_write_dataset(const nm_dataset *ds, const char *dir, nm_error *err);

/*
 * The YAML template in lang: dir/data/<the five files>, each an empty
 * document with commented examples, and dir/.github/workflows/netmap.yml
 * that runs `netmap validate --strict --format github data/`.
 */
int nm_yaml_write_template(nm_lang lang, const char *dir, nm_error *err);

/* The files nm_yaml_write_template writes below dir, NULL-terminated (allocated). */
void nm_yaml_template_outputs(const char *dir, char **names);

#endif
