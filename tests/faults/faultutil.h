/*
 * faults/faultutil.h: what test_faults.c and test_concurrency.c share: a dataset
 * large enough that a scan takes a while, netmap started in the background,
 * and the store's snapshots read straight from the file.
 *
 * The store is read with SQLite itself, not through the store module: the
 * tests check the file as the sqlite3 shell would see it after a crash.
 * Everything is static inline, so each suite includes it once.
 */
#ifndef NETMAP_FAULTUTIL_H
#define NETMAP_FAULTUTIL_H

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "netmap/buf.h"
#include "testutil.h"

extern char **environ;

static inline double fu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static inline void fu_sleep(double s)
{
	struct timespec ts = {(time_t)s, (long)((s - (double)(time_t)s) * 1e9)};

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

/* A valid dataset of n actors and n/10 committees of 20 members, one file. */
static inline void fu_write_dataset(const char *path, int n)
{
	nm_buf b = NM_BUF_INIT;

	nm_buf_puts(&b, "netmap: 1\ndataset: Faultstadt\nactors:\n");
	for (int i = 0; i < n; i++)
		nm_buf_printf(&b,
			      "  - {id: a%d, name: Verein Nummer %d, type: club,"
			      " contact: {person: Person %d}}\n",
			      i, i, i);
	nm_buf_puts(&b, "committees:\n");
	for (int c = 0; c < n / 10; c++) {
		nm_buf_printf(&b,
			      "  - id: c%d\n    name: Arbeitskreis %d\n    kind: working_group\n"
			      "    members: [",
			      c, c);
		for (int m = 0; m < 20; m++)
			nm_buf_printf(&b, "%sa%d", m ? ", " : "", (c * 7 + m * 13) % n);
		nm_buf_puts(&b, "]\n");
	}
	tu_write_file(path, b.ptr);
	nm_buf_release(&b);
}

/* Start netmap with args (NULL-terminated), output to the files given (or /dev/null). */
static inline pid_t fu_spawn(const char *const *args, const char *out, const char *err)
{
	posix_spawn_file_actions_t fa;
	const char *argv[32];
	size_t n = 0;
	pid_t pid;

	argv[n++] = NETMAP_BIN;
	for (; args[n - 1] && n < 31; n++)
		argv[n] = args[n - 1];
	argv[n] = NULL;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, out ? out : "/dev/null",
					 O_WRONLY | O_CREAT | O_TRUNC, 0644);
	posix_spawn_file_actions_addopen(&fa, 2, err ? err : "/dev/null",
					 O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (posix_spawn(&pid, NETMAP_BIN, &fa, NULL, (char *const *)argv, environ) != 0)
		pid = -1;
	posix_spawn_file_actions_destroy(&fa);
	return pid;
}

/* Wait for pid: its exit status, or 128 + signal. */
static inline int fu_wait(pid_t pid)
{
	int status = 0;

	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/*
 * One line per snapshot, "id|dataset|counts as stored|rows of each table",
 * into a new string; "integrity: ..." when PRAGMA integrity_check fails.
 */
static char *fu_snapshots(const char *db)
{
	static const char sql[] =
		"SELECT s.id || '|' || s.dataset || '|' || s.actor_count || '|' ||"
		" s.committee_count || '|' || s.membership_count || '|' ||"
		" (SELECT count(*) FROM actors WHERE snapshot = s.id) || '|' ||"
		" (SELECT count(*) FROM committees WHERE snapshot = s.id) || '|' ||"
		" (SELECT count(*) FROM memberships WHERE snapshot = s.id) || '|' ||"
		" (SELECT count(*) FROM findings WHERE snapshot = s.id AND json IS NOT NULL)"
		" FROM snapshots s ORDER BY s.id";
	sqlite3 *h = NULL;
	sqlite3_stmt *st = NULL;
	nm_buf b = NM_BUF_INIT;

	if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		nm_buf_printf(&b, "open: %s", sqlite3_errmsg(h));
		goto done;
	}
	if (sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW ||
	    strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0) {
		nm_buf_printf(&b, "integrity: %s",
			      st ? (const char *)sqlite3_column_text(st, 0) : "");
		goto done;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK) {
		nm_buf_printf(&b, "query: %s", sqlite3_errmsg(h));
		goto done;
	}
	while (sqlite3_step(st) == SQLITE_ROW)
		nm_buf_printf(&b, "%s\n", (const char *)sqlite3_column_text(st, 0));
done:
	sqlite3_finalize(st);
	sqlite3_close(h);
	nm_buf_puts(&b, "");
	return nm_buf_detach(&b);
}

/* The part of a snapshot line after its id. */
static inline const char *fu_body(const char *line)
{
	const char *p = strchr(line, '|');
	return p ? p + 1 : line;
}

static inline void fu_remove_store(const char *db)
{
	nm_buf b = NM_BUF_INIT;

	unlink(db);
	nm_buf_printf(&b, "%s-wal", db);
	unlink(b.ptr);
	nm_buf_clear(&b);
	nm_buf_printf(&b, "%s-shm", db);
	unlink(b.ptr);
	nm_buf_release(&b);
}

#endif
