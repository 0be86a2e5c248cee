/*
 * test_jobs.c: --jobs N reads and parses files on N threads, and changes
 * nothing else: validate's text and JSON, scan's JSON report and the
 * snapshot in the store are byte for byte those of a one-thread run (the
 * analysis on N threads is test_analysis_jobs.c's), for
 * data with problems spread over many files (YAML, CSV, workbooks, a file
 * that is not read, one that cannot be parsed) and for valid data.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "netmap/buf.h"
#include "netmap/common.h"
#include "testutil.h"

#define SRC NETMAP_SOURCE_DIR
#define SHEETS NETMAP_TEST_DATA "/sheets/"
#define NFILES 14

static const char *const job_counts[] = {"1", "2", "3", "8"};

/*
 * One generated file of the dataset: actors g<f>-a<k>, committees
 * g<f>-c<k> whose members come from this file and the next one, so that
 * references cross files. With problems, each file gets its own: unknown
 * keys, wrong values, references to nothing, ids taken in another file,
 * dates to warn about; one file is not YAML and one not UTF-8.
 */
static void write_part(const char *dir, int f, bool problems)
{
	nm_buf b = NM_BUF_INIT, name = NM_BUF_INIT;
	int next = (f + 1) % NFILES;
	/* The themes the workbook declares (its ids are made from the labels). */
	static const char *const themes[] = {"sprache", "beratung", "arbeit", "schule"};

	nm_buf_printf(&name, "%s/part-%02d.yaml", dir, f);
	if (problems && f == 7) {
		nm_buf_puts(&b, "actors:\n  - id: broken\n    name: [unclosed\n");
		goto write;
	}
	nm_buf_printf(&b, "netmap: 1\nactors:\n");
	for (int k = 0; k < 30; k++) {
		nm_buf_printf(&b, "  - id: g%d-a%d\n    name: \"Verein %d/%d\"\n    type: %s\n", f,
			      k, f, k, k % 3 ? "association" : "migrant_organisation");
		if (problems && k % 11 == f % 11)
			nm_buf_printf(&b, "    colour: blue\n");
		if (problems && k == 5 && f % 3 == 0)
			nm_buf_printf(&b, "    type: club\n"); /* a duplicate key */
		if (problems && k == 6 && f % 4 == 1)
			nm_buf_printf(&b, "    district: [a, b]\n");
	}
	if (problems && f % 5 == 2)
		nm_buf_printf(&b, "  - {id: g%d-a3, name: Zweimal, type: association}\n", next);
	if (problems && f == 9)
		nm_buf_puts(&b, "  - {id: g9-bad, name: \"Stra\xdf"
				"e\", type: association}\n");
	nm_buf_printf(&b, "committees:\n");
	for (int k = 0; k < 8; k++) {
		nm_buf_printf(
			&b,
			"  - id: g%d-c%d\n    name: \"Arbeitskreis %d.%d\"\n"
			"    kind: %s\n    themes: [%s]\n    last_met: %s\n"
			"    members: [g%d-a%d, g%d-a%d, g%d-a%d, {actor: g%d-a%d, role: guest}]\n",
			f, k, f, k, k % 2 ? "network" : "working_group", themes[k % 4],
			problems && k == f % 8 ? "2099-01-01" : "2026-06-01", f, k, f, k + 8, next,
			k, next, k + 16);
		if (problems && k == 3)
			nm_buf_printf(&b, "    lead: nobody-%d\n", f);
		if (problems && k == 4 && f % 2)
			nm_buf_printf(&b, "    status: sleeping\n");
	}
	if (problems && f % 4 == 3)
		nm_buf_printf(&b, "memberships:\n  - {actor: g%d-a1, committee: g%d-c99}\n", f,
			      next);
write:
	tu_write_file(name.ptr, b.ptr);
	nm_buf_release(&b);
	nm_buf_release(&name);
}

static void copy_file(const char *from, const char *to)
{
	size_t len = 0;
	char *data = tu_read_file(from, &len);
	FILE *f;

	assert_non_null(data);
	f = fopen(to, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
	free(data);
}

static char *make_dataset(const char *name, bool problems)
{
	char *dir = tu_tempdir(name);

	for (int f = 0; f < NFILES; f++)
		write_part(dir, f, problems);
	if (problems) {
		char *sub = tu_path(dir, "tabellen"), *p;

		/* Workbooks with sheets, and CSV files with a matrix table. */
		assert_int_equal(mkdir(sub, 0755), 0);
		p = tu_path(dir, "part-05a.xlsx");
		copy_file(SHEETS "xlsx-openpyxl.xlsx", p);
		free(p);
		p = tu_path(dir, "part-11a.ods");
		copy_file(SHEETS "coordinator/musterstadt.ods", p);
		free(p);
		p = tu_path(dir, "alt.xls");
		tu_write_file(p, "not read");
		free(p);
		{
			static const char *const csv[] = {"Akteure.csv", "Besetzung.csv",
							  "Gremien.csv", "Themen.csv"};
			for (size_t i = 0; i < sizeof(csv) / sizeof(csv[0]); i++) {
				nm_buf from = NM_BUF_INIT;
				nm_buf_printf(&from, SHEETS "coordinator/musterstadt-csv/%s",
					      csv[i]);
				p = tu_path(sub, csv[i]);
				copy_file(from.ptr, p);
				free(p);
				nm_buf_release(&from);
			}
		}
		free(sub);
	} else {
		char *p = tu_path(dir, "part-05a.xlsx");
		copy_file(SHEETS "coordinator/musterstadt.xlsx", p);
		free(p);
	}
	return dir;
}

static tu_run run(const char *const *args)
{
	tu_run r;
	tu_netmap(&r, SRC, args);
	return r;
}

static void assert_same_run(const tu_run *one, const tu_run *r, const char *how)
{
	if (one->status != r->status || strcmp(one->out, r->out) != 0 ||
	    strcmp(one->err, r->err) != 0)
		fail_msg("%s differs from --jobs 1:\n--- status %d, stdout:\n%s\n--- stderr:\n%s\n"
			 "+++ status %d, stdout:\n%s\n+++ stderr:\n%s\n",
			 how, one->status, one->out, one->err, r->status, r->out, r->err);
}

static void test_jobs__validate_prints_the_same_for_every_job_count(void **state)
{
	char *dir = make_dataset("jobs-problems", true);
	static const char *const formats[] = {"text", "json", "sarif"};

	(void)state;
	/* NETMAP_JOBS sets the default; the runs below say --jobs. */
	{
		tu_run one = run((const char *const[]){"validate", "--today", "2026-11-26",
						       "--jobs", "1", dir, NULL});
		tu_run r;
		setenv("NETMAP_JOBS", "3", 1);
		r = run((const char *const[]){"validate", "--today", "2026-11-26", dir, NULL});
		unsetenv("NETMAP_JOBS");
		assert_same_run(&one, &r, "from NETMAP_JOBS=3");
		tu_run_release(&r);
		r = run((const char *const[]){"validate", "--today", "2026-11-26", dir, NULL});
		assert_same_run(&one, &r, "by default");
		tu_run_release(&r);
		tu_run_release(&one);
	}

	for (size_t f = 0; f < sizeof(formats) / sizeof(formats[0]); f++) {
		tu_run one = run((const char *const[]){"validate", "--today", "2026-11-26",
						       "--format", formats[f], "--jobs", "1", dir,
						       NULL});
		/* Problems in many files, in every kind of source. */
		assert_int_equal(one.status, 1);
		assert_non_null(strstr(one.out, "part-00.yaml"));
		assert_non_null(strstr(one.out, "part-13.yaml"));
		assert_non_null(strstr(one.out, "part-05a.xlsx"));
		assert_non_null(strstr(one.out, "Gremien.csv"));
		assert_non_null(strstr(one.out, "alt.xls"));
		assert_non_null(strstr(one.out, "YAML syntax error"));
		assert_non_null(strstr(one.out, "invalid UTF-8"));
		assert_non_null(strstr(one.out, "duplicate key"));
		for (size_t j = 1; j < sizeof(job_counts) / sizeof(job_counts[0]); j++) {
			tu_run r = run((const char *const[]){"validate", "--today", "2026-11-26",
							     "--format", formats[f], "--jobs",
							     job_counts[j], dir, NULL});
			assert_same_run(&one, &r, job_counts[j]);
			tu_run_release(&r);
		}
		tu_run_release(&one);
	}
	free(dir);
}

/* Every row of the store but the time a snapshot was taken. */
static char *dump_store(const char *path)
{
	static const char *const queries[] = {
		("SELECT id, today, netmap_version, dataset, themes_declared, file_count, "
		 "theme_count, actor_count, committee_count, membership_count FROM snapshots"),
		"SELECT * FROM settings ORDER BY snapshot, name",
		"SELECT * FROM input_files ORDER BY snapshot, position",
		"SELECT * FROM themes ORDER BY snapshot, id",
		"SELECT * FROM actors ORDER BY snapshot, id",
		"SELECT * FROM contacts ORDER BY snapshot, actor",
		"SELECT * FROM committees ORDER BY snapshot, id",
		"SELECT * FROM memberships ORDER BY snapshot, committee, actor",
		"SELECT * FROM findings ORDER BY snapshot",
	};
	sqlite3 *db = NULL;
	nm_buf out = NM_BUF_INIT;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	for (size_t q = 0; q < sizeof(queries) / sizeof(queries[0]); q++) {
		sqlite3_stmt *st = NULL;
		size_t rows = 0;

		assert_int_equal(sqlite3_prepare_v2(db, queries[q], -1, &st, NULL), SQLITE_OK);
		nm_buf_printf(&out, "== %s\n", queries[q]);
		while (sqlite3_step(st) == SQLITE_ROW) {
			for (int i = 0; i < sqlite3_column_count(st); i++) {
				const unsigned char *v = sqlite3_column_text(st, i);
				nm_buf_printf(&out, "%d:%s|", sqlite3_column_type(st, i),
					      v ? (const char *)v : "");
			}
			nm_buf_putc(&out, '\n');
			rows++;
		}
		sqlite3_finalize(st);
		if (q >= 2 && q <= 7 && q != 5)
			assert_true(rows > 0);
	}
	sqlite3_close(db);
	return nm_buf_detach(&out);
}

static void test_jobs__scan_stores_the_same_snapshot_for_every_job_count(void **state)
{
	char *dir = make_dataset("jobs-valid", false);
	char *store_one = NULL, *db;
	tu_run one;

	(void)state;
	db = tu_path(dir, "n1.db");
	one = run((const char *const[]){"scan", "--db", db, "--today", "2026-11-26", "--format",
					"json", "--jobs", "1", dir, NULL});
	assert_int_equal(one.status, 0);
	assert_non_null(strstr(one.out, "\"actors\""));
	store_one = dump_store(db);
	free(db);
	for (size_t j = 1; j < sizeof(job_counts) / sizeof(job_counts[0]); j++) {
		nm_buf name = NM_BUF_INIT;
		char *store;
		tu_run r;

		nm_buf_printf(&name, "n%s.db", job_counts[j]);
		db = tu_path(dir, name.ptr);
		r = run((const char *const[]){"scan", "--db", db, "--today", "2026-11-26",
					      "--format", "json", "--jobs", job_counts[j], dir,
					      NULL});
		assert_same_run(&one, &r, job_counts[j]);
		store = dump_store(db);
		assert_string_equal(store_one, store);
		free(store);
		tu_run_release(&r);
		free(db);
		nm_buf_release(&name);
	}
	tu_run_release(&one);
	free(store_one);
	free(dir);
}

static void test_jobs__import_writes_the_same_yaml_for_every_job_count(void **state)
{
	char *dir = make_dataset("jobs-import", false), *outs = tu_tempdir("jobs-import-out");
	char *first = NULL;

	(void)state;
	for (size_t j = 0; j < sizeof(job_counts) / sizeof(job_counts[0]); j++) {
		nm_buf out = NM_BUF_INIT, all = NM_BUF_INIT;
		static const char *const files[] = {"themes.yaml", "actors.yaml", "committees.yaml",
						    "memberships.yaml", "settings.yaml"};
		tu_run r;

		nm_buf_printf(&out, "%s/out-%s", outs, job_counts[j]);
		r = run((const char *const[]){"import", "--today", "2026-11-26", "--jobs",
					      job_counts[j], dir, "-o", out.ptr, NULL});
		assert_int_equal(r.status, 0);
		for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
			char *p = tu_path(out.ptr, files[i]);
			char *text = tu_read_file(p, NULL);
			nm_buf_printf(&all, "== %s\n%s", files[i], text ? text : "(none)\n");
			free(text);
			free(p);
		}
		if (!first)
			first = nm_buf_detach(&all);
		else
			assert_string_equal(first, all.ptr);
		nm_buf_release(&all);
		nm_buf_release(&out);
		tu_run_release(&r);
	}
	free(first);
	free(outs);
	free(dir);
}

static void test_jobs__a_count_that_is_not_a_whole_number_from_1_is_a_usage_error(void **state)
{
	static const char *const bad[] = {"0", "-1", "two", "2x", "", "4097"};

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		tu_run r = run((const char *const[]){"validate", "--jobs", bad[i],
						     "tests/data/cli/small.yaml", NULL});
		nm_buf want = NM_BUF_INIT;

		nm_buf_printf(&want,
			      "netmap: --jobs takes a whole number from 1 to 4096, not '%s'\n"
			      "usage: netmap validate [options] PATH...\n"
			      "Try 'netmap help validate'\n",
			      bad[i]);
		assert_int_equal(r.status, 2);
		assert_string_equal(r.err, want.ptr);
		nm_buf_release(&want);
		tu_run_release(&r);
	}
	/* NETMAP_JOBS is checked as strictly, and --jobs wins over it. */
	{
		tu_run r;
		setenv("NETMAP_JOBS", "many", 1);
		r = run((const char *const[]){"validate", "tests/data/cli/small.yaml", NULL});
		assert_int_equal(r.status, 2);
		assert_true(strncmp(r.err,
				    "netmap: NETMAP_JOBS takes a whole number from 1 to 4096, "
				    "not 'many'\n",
				    67) == 0);
		tu_run_release(&r);
		r = run((const char *const[]){"validate", "--today", "2026-11-26", "--jobs", "2",
					      "tests/data/cli/small.yaml", NULL});
		assert_int_equal(r.status, 0);
		tu_run_release(&r);
		unsetenv("NETMAP_JOBS");
	}
	/* report and plan analyse on --jobs threads and check it as strictly. */
	{
		static const char *const analysing[] = {"report", "plan"};
		for (size_t i = 0; i < 2; i++) {
			tu_run r = run((const char *const[]){analysing[i], "--jobs", "0", NULL});
			assert_int_equal(r.status, 2);
			assert_true(strncmp(r.err,
					    "netmap: --jobs takes a whole number from 1 to "
					    "4096, not '0'\n",
					    60) == 0);
			tu_run_release(&r);
		}
	}
	/* Commands that neither read data files nor analyse: no --jobs there. */
	{
		tu_run r = run((const char *const[]){"diff", "--jobs", "2", NULL});
		assert_int_equal(r.status, 2);
		assert_non_null(strstr(r.err, "unknown option '--jobs'"));
		tu_run_release(&r);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_jobs__validate_prints_the_same_for_every_job_count),
		cmocka_unit_test(test_jobs__scan_stores_the_same_snapshot_for_every_job_count),
		cmocka_unit_test(test_jobs__import_writes_the_same_yaml_for_every_job_count),
		cmocka_unit_test(
			test_jobs__a_count_that_is_not_a_whole_number_from_1_is_a_usage_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
