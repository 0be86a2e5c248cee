/*
 * testutil.h: what the cmocka suites share: reading and writing files,
 * scratch folders, and running the real netmap binary with its stdout,
 * stderr and exit status captured.
 */
#ifndef NETMAP_TESTUTIL_H
#define NETMAP_TESTUTIL_H

#include <stddef.h>

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

#endif
