/*
 * diag_out.h: the problems list in the formats code-review tools read:
 * SARIF 2.1.0 (GitHub code scanning and other SARIF viewers) and GitLab's
 * Code Quality report. The text, JSON and GitHub annotation formats are
 * written by the validate command itself (src/cli/cmd_validate.c).
 *
 * Paths are written relative to cwd when they lie below it, as those
 * tools expect paths relative to the repository's root (the working
 * directory of a CI job); cwd may be NULL. Every byte of data is escaped
 * as JSON requires, so no control character reaches the output raw.
 */
#ifndef NETMAP_DIAG_OUT_H
#define NETMAP_DIAG_OUT_H

#include "netmap/buf.h"
#include "netmap/diag.h"

/* path relative to cwd when below it, without a leading "./"; else path. */
const char *nm_diag_relpath(const char *path, const char *cwd);

/*
 * A SARIF 2.1.0 log: one run of the tool netmap, its rules (rules.h, and
 * any other rule id the problems carry), one result per problem. failure
 * is NULL, or why the run did not finish (a path that could not be read):
 * the invocation is then not successful and carries it as a notification.
 */
void nm_diags_sarif(nm_buf *b, const nm_diags *d, const char *cwd, const char *failure);

/*
 * A GitLab Code Quality report: a JSON list, one issue per problem, with
 * description, check_name (the rule id), fingerprint, severity (major for
 * errors, minor for warnings) and location (path, lines.begin). The
 * fingerprint is the SHA-256 of rule, path and message and of how many
 * equal problems came before in the file, so an issue keeps its
 * fingerprint when lines above it are added or removed.
 */
void nm_diags_gitlab(nm_buf *b, const nm_diags *d, const char *cwd);

#endif
