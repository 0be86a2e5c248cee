/*
 * testutil.h: what the cmocka suites share: reading and writing files,
 * scratch folders, running the real netmap binary with its stdout,
 * stderr and exit status captured, and YAML text made into a validated
 * dataset and its analysis.
 */
#ifndef NETMAP_TESTUTIL_H
#define NETMAP_TESTUTIL_H

#include <stddef.h>

#include "netmap/analysis.h"
#include "netmap/diag.h"
#include "netmap/model.h"

typedef struct tu_run {
	int status; /* exit status, or 128 + signal */
	char *out;  /* stdout, NUL-terminated */
	char *err;  /* stderr, NUL-terminated */
} tu_run;

/* Read a whole file (NUL-terminated; free with free()), or NULL. */
char *tu_read_file(const char *path, size_t *len);
void tu_write_file(const char *path, const char *contents);
/* A new empty scratch folder below the test's working directory. */
char *tu_tempdir(const char *name);
/* Path join into a new string. */
char *tu_path(const char *dir, const char *name);

/*
 * Run netmap with args (NULL-terminated), in cwd (NULL: the current one),
 * with stdin from /dev/null. Free with tu_run_release.
 */
void tu_netmap(tu_run *r, const char *cwd, const char *const *args);
void tu_run_release(tu_run *r);

/* Fail the test, showing both, when contents differ from the golden file. */
void tu_assert_golden(const char *actual, const char *golden_path);

/* YAML text -> validated dataset -> analysis. */
typedef struct tu_data {
	nm_diags diags;  /* what validation found, in the order found */
	nm_dataset *ds;  /* the validated dataset, NULL after an error */
	nm_analysis *an; /* its analysis after tu_analyse, else NULL */
} tu_data;

enum {
	TU_NUMBERED = 1 << 0, /* one text is t1.yaml as well, not t.yaml */
	TU_FILE_SHA = 1 << 1  /* record each file with an all-zero SHA-256, as a scan does */
};

/*
 * Parse texts[0..n) as the files t1.yaml, t2.yaml, ... (one text as
 * t.yaml unless TU_NUMBERED), each lens[i] bytes long (up to its NUL when
 * lens is NULL), and validate them as of today (YYYY-MM-DD). Problems are
 * no failure: they are in out->diags. Release with tu_data_release.
 */
void tu_validate(tu_data *out, const char *const *texts, const size_t *lens, size_t n,
		 const char *today, unsigned flags);
/* Fail the test, listing them, when validation found errors. */
void tu_expect_valid(const tu_data *d);
/* Analyse the dataset, which must be valid, with its own settings as of today. */
void tu_analyse(tu_data *d, const char *today);
/* One text as t.yaml, validated (without errors) and analysed as of today. */
void tu_yaml(tu_data *out, const char *yaml, const char *today);
void tu_data_release(tu_data *d);

#endif
