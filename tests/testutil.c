/*
 * testutil.c: the shared helpers of the test suites. Setting the
 * environment variable NETMAP_UPDATE_GOLDEN=1 rewrites golden files from
 * the actual output instead of comparing.
 */
#include "testutil.h"
#include "netmap/loader.h"
#include "netmap/validate.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

char *tu_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	size_t cap = 0, n = 0;

	if (!f)
		return NULL;
	for (;;) {
		if (n + 4096 + 1 > cap) {
			cap = (cap + 4096 + 1) * 2;
			data = realloc(data, cap);
			assert_non_null(data);
		}
		size_t got = fread(data + n, 1, 4096, f);
		n += got;
		if (got < 4096)
			break;
	}
	fclose(f);
	data[n] = '\0';
	if (len)
		*len = n;
	return data;
}

void tu_write_file(const char *path, const char *contents)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(contents, 1, strlen(contents), f), strlen(contents));
	assert_int_equal(fclose(f), 0);
}

char *tu_path(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = malloc(n);
	assert_non_null(p);
	snprintf(p, n, "%s/%s", dir, name);
	return p;
}

char *tu_tempdir(const char *name)
{
	char cmd[4096];
	char *cwd = getcwd(NULL, 0);
	char *dir;

	assert_non_null(cwd);
	dir = tu_path(cwd, name);
	free(cwd);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s' && mkdir -p '%s'", dir, dir);
	assert_int_equal(system(cmd), 0);
	return dir;
}

void tu_netmap(tu_run *r, const char *cwd, const char *const *args)
{
	char outpath[] = "/tmp/netmap-test-out-XXXXXX";
	char errpath[] = "/tmp/netmap-test-err-XXXXXX";
	int outfd = mkstemp(outpath), errfd = mkstemp(errpath), status = 0;
	posix_spawn_file_actions_t fa;
	const char *argv[64];
	size_t n = 0;
	pid_t pid;
	char *oldcwd = NULL;

	assert_true(outfd >= 0 && errfd >= 0);
	argv[n++] = NETMAP_BIN;
	for (; args[n - 1] && n < 63; n++)
		argv[n] = args[n - 1];
	argv[n] = NULL;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, outfd, 1);
	posix_spawn_file_actions_adddup2(&fa, errfd, 2);
	if (cwd) {
		oldcwd = getcwd(NULL, 0);
		assert_int_equal(chdir(cwd), 0);
	}
	assert_int_equal(posix_spawn(&pid, NETMAP_BIN, &fa, NULL, (char *const *)argv, environ), 0);
	if (oldcwd) {
		assert_int_equal(chdir(oldcwd), 0);
		free(oldcwd);
	}
	posix_spawn_file_actions_destroy(&fa);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	close(outfd);
	close(errfd);
	r->status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	r->out = tu_read_file(outpath, NULL);
	r->err = tu_read_file(errpath, NULL);
	unlink(outpath);
	unlink(errpath);
}

void tu_run_release(tu_run *r)
{
	free(r->out);
	free(r->err);
	r->out = r->err = NULL;
}

void tu_assert_golden(const char *actual, const char *golden_path)
{
	const char *update = getenv("NETMAP_UPDATE_GOLDEN");
	char *expected;

	if (update && strcmp(update, "1") == 0) {
		tu_write_file(golden_path, actual);
		return;
	}
	expected = tu_read_file(golden_path, NULL);
	if (!expected)
		fail_msg("golden file '%s' is missing (NETMAP_UPDATE_GOLDEN=1 writes it)",
			 golden_path);
	if (strcmp(expected, actual) != 0) {
		fprintf(stderr, "--- expected (%s)\n%s--- actual\n%s---\n", golden_path, expected,
			actual);
		free(expected);
		fail_msg("output differs from '%s'", golden_path);
	}
	free(expected);
}

void tu_validate(tu_data *out, const char *const *texts, const size_t *lens, size_t n,
		 const char *today, unsigned flags)
{
	static const char zero_sha[65] =
		"0000000000000000000000000000000000000000000000000000000000000000";
	nm_loader *ld;
	nm_validator *v;
	nm_date day;

	memset(out, 0, sizeof(*out));
	assert_int_equal(nm_date_parse(today, &day), 0);
	nm_diags_init(&out->diags);
	ld = nm_loader_new(&out->diags);
	v = nm_validator_new(&out->diags, day);
	for (size_t i = 0; i < n; i++) {
		char name[32];
		nm_doc *docs;
		size_t ndocs;

		if (n == 1 && !(flags & TU_NUMBERED))
			snprintf(name, sizeof(name), "t.yaml");
		else
			snprintf(name, sizeof(name), "t%zu.yaml", i + 1);
		nm_loader_parse_buffer(ld, name, texts[i], lens ? lens[i] : strlen(texts[i]), &docs,
				       &ndocs);
		if (flags & TU_FILE_SHA)
			nm_validator_add_file(v, name, zero_sha);
		for (size_t k = 0; k < ndocs; k++)
			nm_validator_add_doc(v, &docs[k]);
	}
	nm_loader_free(ld);
	(void)nm_validator_finish(v, &out->ds);
	nm_validator_free(v);
}

void tu_expect_valid(const tu_data *d)
{
	const nm_diags *g = &d->diags;

	if (g->errors == 0 && d->ds)
		return;
	for (size_t i = 0; i < g->n; i++)
		if (g->items[i].severity == NM_SEV_ERROR)
			print_error("%s:%u:%u: %s\n",
				    g->items[i].file < g->nfiles ? g->files[g->items[i].file] : "-",
				    g->items[i].line, g->items[i].col, g->items[i].message);
	fail_msg("the data has %zu errors", g->errors);
}

void tu_analyse(tu_data *d, const char *today)
{
	nm_error err;
	nm_date day;

	tu_expect_valid(d);
	assert_int_equal(nm_date_parse(today, &day), 0);
	nm_error_clear(&err);
	if (nm_analysis_run(&d->an, d->ds, &d->ds->settings, day, &err) != NM_OK)
		fail_msg("analysis failed: %s", err.message);
	assert_non_null(d->an);
}

void tu_yaml(tu_data *out, const char *yaml, const char *today)
{
	tu_validate(out, &yaml, NULL, 1, today, 0);
	tu_analyse(out, today);
}

void tu_data_release(tu_data *d)
{
	nm_analysis_free(d->an);
	nm_dataset_free(d->ds);
	nm_diags_release(&d->diags);
	memset(d, 0, sizeof(*d));
}
