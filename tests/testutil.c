/*
 * testutil.c: the shared helpers of the test suites. Setting the
 * environment variable NETMAP_UPDATE_GOLDEN=1 rewrites golden files from
 * the actual output instead of comparing.
 */
#include "testutil.h"

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
	assert_int_equal(posix_spawn(&pid, NETMAP_BIN, &fa, NULL,
				     (char *const *)argv, environ), 0);
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
		fprintf(stderr, "--- expected (%s)\n%s--- actual\n%s---\n", golden_path,
			expected, actual);
		free(expected);
		fail_msg("output differs from '%s'", golden_path);
	}
	free(expected);
}
