/*
 * test_analysis_jobs.c: the analysis on N threads finds what one thread
 * finds, in the same order: the JSON report of a generated dataset with
 * duplicate actor records (same names, similar names, names with a space
 * too many, same contacts) and many overlapping committees (duplicates,
 * nested, overlaps, hub actors in hundreds of committees, coordinators) is
 * byte for byte the same for 1, 2, 3 and 8 jobs, from the library and from
 * scan, report and plan. Below that, the pieces the work is split with:
 * chunks run once each, ranges of equal weight, and parts joined in order.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netmap/analysis.h"
#include "netmap/buf.h"
#include "netmap/names.h"
#include "netmap/report.h"
#include "par.h"
#include "testutil.h"

#define TODAY "2026-11-26"
#define NACTORS 1500
#define NCOMMITTEES 640
#define NHUBS 3

static const unsigned job_counts[] = {1, 2, 3, 8};

/* A small deterministic generator, so that every run makes the same data. */
static uint32_t next_random(uint32_t *s)
{
	*s = *s * 1103515245u + 12345u;
	return (*s >> 8) & 0xffffffu;
}

/*
 * The name of actor i: a few stems in several spellings, so that records
 * share names once normalised (case, legal forms, umlauts), are one typo
 * apart (a letter more, less or swapped), or write a word as two.
 */
static void actor_name(nm_buf *b, int i)
{
	static const char *const first[] = {"Sonnenschein",  "Regenbogen",    "Weltoffen",
					    "Brueckenbauer", "Nachbarschaft", "Zukunftswerk"};
	static const char *const second[] = {"Verein", "Initiative", "Netzwerk",
					     "Begegnungsstätte"};
	int stem = i / 6, v = i % 6;
	const char *f = first[stem % 6], *s = second[(stem / 6) % 4];
	int n = stem / 24;

	switch (v) {
	case 0:
		nm_buf_printf(b, "%s %s %d", f, s, n);
		break;
	case 1: /* the same name once normalised */
		nm_buf_printf(b, "%s  %s %d e.V.", f, s, n);
		break;
	case 2: /* a letter swapped */
		nm_buf_printf(b, "%.3s%c%c%s %s %d", f, f[4], f[3], f + 5, s, n);
		break;
	case 3: /* a letter left out */
		nm_buf_printf(b, "%s %.2s%s %d", f, s, s + 3, n);
		break;
	case 4: /* the first word as two */
		nm_buf_printf(b, "%.5s %s %s %d", f, f + 5, s, n);
		break;
	default: /* another name altogether */
		nm_buf_printf(b, "Gruppe %d-%d", stem, i);
		break;
	}
}

/* The dataset as one YAML text (free with nm_buf_release). */
static void make_yaml(nm_buf *b, bool coordinators)
{
	uint32_t seed = 7;

	nm_buf_puts(b, "netmap: 1\n");
	if (coordinators)
		nm_buf_puts(b, "settings:\n  coordinators: [hub-0]\n");
	nm_buf_puts(b, "themes:\n");
	for (int t = 0; t < 6; t++)
		nm_buf_printf(b, "  - {id: t%d, label: Thema %d}\n", t, t);
	nm_buf_puts(b, "actors:\n");
	for (int h = 0; h < NHUBS; h++)
		nm_buf_printf(
			b, "  - {id: hub-%d, name: Stadtverwaltung Amt %d, type: administration}\n",
			h, h);
	for (int i = 0; i < NACTORS; i++) {
		nm_buf_printf(b, "  - id: a%04d\n    name: \"", i);
		actor_name(b, i);
		nm_buf_printf(b, "\"\n    type: %s\n",
			      i % 4 ? "association" : "migrant_organisation");
		if (i % 9 == 0) /* the same address, written differently */
			nm_buf_printf(b, "    contact: {email: %s%d@example.org}\n",
				      i % 2 ? "Info" : "info", i / 36);
		if (i % 13 == 0)
			nm_buf_printf(b, "    website: %sexample.org/v%d\n",
				      i % 2 ? "https://www." : "http://", i / 52);
	}
	nm_buf_puts(b, "committees:\n");
	for (int c = 0; c < NCOMMITTEES; c++) {
		int base = (c / 4) * 9 % NACTORS, n = 3 + (int)(next_random(&seed) % 6);

		nm_buf_printf(b,
			      "  - id: c%04d\n    name: Gremium %d\n    kind: %s\n"
			      "    themes: [t%d%s]\n    members: [",
			      c, c, c % 3 ? "network" : "working_group", c / 4 % 6,
			      c % 5 == 0 ? ", t5" : "");
		if (c % 40 == 7) {
			/* hubs only: pairs that share heavy actors alone */
			nm_buf_puts(b, "hub-0, hub-1, hub-2");
		} else {
			/*
			 * A group of four committees shares a core of members;
			 * the third holds the core alone, the fourth more.
			 */
			if (c % 4 == 2)
				n = 3;
			if (c % 4 == 3)
				n = 12;
			for (int k = 0; k < n; k++)
				nm_buf_printf(b, "%sa%04d", k ? ", " : "", (base + k) % NACTORS);
			if (c % 4 < 2)
				nm_buf_printf(b, ", a%04d", (int)(next_random(&seed) % NACTORS));
			for (int h = 0; h < NHUBS; h++)
				if (c % 4 == 3 || (c / 4 + h) % 3 != 0)
					nm_buf_printf(b, ", hub-%d", h);
		}
		nm_buf_puts(b, "]\n");
	}
}

/* The JSON report of the dataset's analysis on jobs threads. */
static char *report_json(const nm_dataset *ds, unsigned jobs)
{
	nm_analysis *an = NULL;
	nm_report_opts ro;
	nm_buf out = NM_BUF_INIT;
	nm_error err;
	nm_date today;

	assert_int_equal(nm_date_parse(TODAY, &today), 0);
	nm_error_clear(&err);
	assert_int_equal(nm_analysis_run_jobs(&an, ds, &ds->settings, today, jobs, &err), NM_OK);
	nm_report_opts_init(&ro);
	nm_report_json(&out, an, &ro);
	nm_analysis_free(an);
	return nm_buf_detach(&out);
}

static void check_every_job_count(bool coordinators)
{
	nm_buf yaml = NM_BUF_INIT;
	const char *text;
	tu_data d;
	nm_analysis *an;
	char *one;

	make_yaml(&yaml, coordinators);
	text = yaml.ptr;
	tu_validate(&d, &text, NULL, 1, TODAY, 0);
	tu_expect_valid(&d);
	one = report_json(d.ds, 1);
	/* The data holds what the split has to keep in order. */
	tu_analyse(&d, TODAY);
	an = d.an;
	assert_true(nm_analysis_count_class(an, NM_CLASS_DUPLICATE) > 100);
	assert_true(nm_analysis_count_class(an, NM_CLASS_NESTED) > 50);
	assert_true(nm_analysis_count_class(an, NM_CLASS_OVERLAP) > 100);
	{
		size_t why[NM_DUP_COUNT] = {0};
		for (size_t i = 0; i < an->nduplicate_actors; i++)
			why[an->duplicate_actors[i].reason]++;
		assert_true(why[NM_DUP_SAME_NAME] > 100);
		assert_true(why[NM_DUP_SAME_CONTACT] > 10);
		assert_true(why[NM_DUP_SIMILAR_NAME] > 100);
	}
	for (size_t j = 0; j < sizeof(job_counts) / sizeof(job_counts[0]); j++) {
		char *other = report_json(d.ds, job_counts[j]);
		if (strcmp(one, other) != 0)
			fail_msg("the report on %u jobs differs from one job's", job_counts[j]);
		free(other);
	}
	/* nm_analysis_run is one job. */
	{
		nm_report_opts ro;
		nm_buf out = NM_BUF_INIT;
		nm_report_opts_init(&ro);
		nm_report_json(&out, an, &ro);
		assert_string_equal(out.ptr, one);
		nm_buf_release(&out);
	}
	free(one);
	tu_data_release(&d);
	nm_buf_release(&yaml);
}

static void test_analysis_jobs__the_report_is_the_same_for_every_job_count(void **state)
{
	(void)state;
	check_every_job_count(false);
}

static void test_analysis_jobs__with_coordinators_the_report_is_the_same_too(void **state)
{
	(void)state;
	check_every_job_count(true);
}

static void test_analysis_jobs__duplicate_actors_are_the_same_for_every_job_count(void **state)
{
	nm_buf yaml = NM_BUF_INIT;
	const char *text;
	nm_duplicate_actor *one, *other;
	size_t n1, n;
	tu_data d;
	nm_ratio threshold = {85, 100};

	(void)state;
	make_yaml(&yaml, false);
	text = yaml.ptr;
	tu_validate(&d, &text, NULL, 1, TODAY, 0);
	tu_expect_valid(&d);
	nm_names_find_duplicates(&one, &n1, d.ds, threshold);
	assert_true(n1 > 300);
	for (size_t j = 0; j < sizeof(job_counts) / sizeof(job_counts[0]); j++) {
		nm_names_find_duplicates_jobs(&other, &n, d.ds, threshold, job_counts[j]);
		assert_int_equal(n, n1);
		for (size_t i = 0; i < n; i++) { /* field by field: padding may differ */
			assert_int_equal(other[i].a, one[i].a);
			assert_int_equal(other[i].b, one[i].b);
			assert_int_equal(other[i].reason, one[i].reason);
			assert_int_equal(other[i].by_email, one[i].by_email);
			assert_int_equal(other[i].similarity, one[i].similarity);
		}
		free(other);
	}
	free(one);
	tu_data_release(&d);
	nm_buf_release(&yaml);
}

/*
 * Four committees with hand-known pairs; eight jobs make ranges of one
 * committee each, whose parts are joined in order.
 */
static void test_analysis_jobs__small_pairs_split_by_committee_come_out_in_order(void **state)
{
	static const char yaml[] =
		"netmap: 1\n"
		"themes: [{id: t1, label: Eins}]\n"
		"actors:\n"
		"  - {id: a, name: Alpha, type: club}\n"
		"  - {id: b, name: Beta, type: club}\n"
		"  - {id: c, name: Gamma, type: school}\n"
		"  - {id: d, name: Delta, type: school}\n"
		"  - {id: e, name: Epsilon, type: agency}\n"
		"  - {id: f, name: Zeta, type: agency}\n"
		"  - {id: g, name: Eta, type: agency}\n"
		"  - {id: x, name: Chi, type: club}\n"
		"committees:\n"
		"  - {id: c1, name: Eins, kind: network, themes: [t1], members: [a, b, c]}\n"
		"  - {id: c2, name: Zwei, kind: network, themes: [t1], members: [a, b, c]}\n"
		"  - {id: c3, name: Drei, kind: network, themes: [t1], members: [a, b, c, d, e, f, g]}\n"
		"  - {id: c4, name: Vier, kind: network, members: [d, e, f, x]}\n";
	static const struct {
		uint32_t a, b;
		nm_class cls;
		uint32_t shared;
	} want[] = {
		{0, 1, NM_CLASS_DUPLICATE, 3}, /* 3/3 */
		{0, 2, NM_CLASS_NESTED, 3},    /* 3/7 */
		{1, 2, NM_CLASS_NESTED, 3},    /* 3/7 */
		{2, 3, NM_CLASS_OVERLAP, 3},   /* 3/8 */
	};
	const char *text = yaml;
	tu_data d;
	nm_error err;
	nm_date today;

	(void)state;
	tu_validate(&d, &text, NULL, 1, TODAY, 0);
	tu_expect_valid(&d);
	assert_int_equal(nm_date_parse(TODAY, &today), 0);
	for (size_t j = 0; j < sizeof(job_counts) / sizeof(job_counts[0]); j++) {
		nm_analysis *an = NULL;

		assert_int_equal(nm_analysis_run_jobs(&an, d.ds, &d.ds->settings, today,
						      job_counts[j], &err),
				 NM_OK);
		assert_int_equal(an->noverlaps, sizeof(want) / sizeof(want[0]));
		for (size_t i = 0; i < an->noverlaps; i++) {
			assert_int_equal(an->overlaps[i].a, want[i].a);
			assert_int_equal(an->overlaps[i].b, want[i].b);
			assert_int_equal(an->overlaps[i].cls, want[i].cls);
			assert_int_equal(an->overlaps[i].shared, want[i].shared);
		}
		assert_int_equal(an->overlaps[1].inside, 0);
		assert_int_equal(an->overlaps[3].shared_members[0], 3); /* d */
		nm_analysis_free(an);
	}
	tu_data_release(&d);
}

/* ------------------------------------------------------------------ */
/* The pieces: chunks, ranges, joining                                */

typedef struct seen_chunks {
	int count[40];
	unsigned worker[40];
	pthread_t thread[40];
	size_t last[8]; /* per worker: the last chunk + 1 it did */
	bool in_order;
} seen_chunks;

static void note_chunk(void *ctx, size_t chunk, unsigned worker)
{
	seen_chunks *s = ctx;

	/* Each chunk and each worker's slot is written by one thread only. */
	s->count[chunk]++;
	s->worker[chunk] = worker;
	s->thread[chunk] = pthread_self();
	if (chunk + 1 <= s->last[worker])
		s->in_order = false;
	s->last[worker] = chunk + 1;
}

static void test_par__every_chunk_runs_once_and_a_worker_takes_them_in_order(void **state)
{
	static const unsigned jobs[] = {0, 1, 2, 3, 8};

	(void)state;
	for (size_t j = 0; j < sizeof(jobs) / sizeof(jobs[0]); j++) {
		seen_chunks s;
		unsigned nw = nm_par_workers(jobs[j], 40);

		memset(&s, 0, sizeof(s));
		s.in_order = true;
		nm_par_run(jobs[j], 40, note_chunk, &s);
		assert_int_equal(nw, jobs[j] > 1 ? jobs[j] : 1);
		for (size_t c = 0; c < 40; c++) {
			assert_int_equal(s.count[c], 1);
			assert_true(s.worker[c] < nw);
			/* One job: the calling thread alone, no thread created. */
			if (nw == 1)
				assert_true(pthread_equal(s.thread[c], pthread_self()));
		}
		assert_true(s.in_order);
	}
	assert_int_equal(nm_par_workers(8, 3), 3);
	assert_int_equal(nm_par_workers(8, 1), 1);
	assert_int_equal(nm_par_workers(8, 0), 1);
}

static void test_par__ranges_have_about_equal_weight(void **state)
{
	size_t b[4];
	/* weights 5 1 1 1 1 1: the first index alone is half */
	static const uint64_t cum[] = {0, 5, 6, 7, 8, 9, 10};

	(void)state;
	nm_par_split(b, 3, NULL, 10);
	assert_int_equal(b[0], 0);
	assert_int_equal(b[1], 3);
	assert_int_equal(b[2], 6);
	assert_int_equal(b[3], 10);
	nm_par_split(b, 2, cum, 6);
	assert_int_equal(b[0], 0);
	assert_int_equal(b[1], 1);
	assert_int_equal(b[2], 6);
	/* more ranges than indices: some are empty, none goes back */
	nm_par_split(b, 3, NULL, 2);
	assert_int_equal(b[0], 0);
	assert_int_equal(b[1], 0);
	assert_int_equal(b[2], 1);
	assert_int_equal(b[3], 2);
}

static nm_par_part part_of(const uint32_t *v, size_t n)
{
	nm_par_part p = {NULL, n, n};

	if (n) {
		p.v = malloc(n * sizeof(*v));
		assert_non_null(p.v);
		memcpy(p.v, v, n * sizeof(*v));
	}
	return p;
}

static void test_par__parts_are_joined_in_chunk_order(void **state)
{
	static const uint32_t x[] = {7, 3}, y[] = {9}, z[] = {1, 2, 8};
	static const uint32_t want[] = {7, 3, 9, 1, 2, 8};
	nm_par_part parts[4];
	uint32_t *out = NULL;
	size_t n = 0;

	(void)state;
	parts[0] = part_of(x, 2);
	parts[1] = part_of(NULL, 0);
	parts[2] = part_of(y, 1);
	parts[3] = part_of(z, 3);
	nm_par_join((void **)&out, &n, parts, 4, sizeof(*out));
	assert_int_equal(n, 6);
	assert_memory_equal(out, want, sizeof(want));
	for (int i = 0; i < 4; i++) {
		assert_null(parts[i].v);
		assert_int_equal(parts[i].n, 0);
	}
	free(out);

	/* one part with anything: its array is handed over */
	parts[0] = part_of(NULL, 0);
	parts[1] = part_of(z, 3);
	{
		void *held = parts[1].v;
		nm_par_join((void **)&out, &n, parts, 2, sizeof(*out));
		assert_ptr_equal(out, held);
		assert_int_equal(n, 3);
		assert_memory_equal(out, z, sizeof(z));
		free(out);
	}

	/* nothing at all */
	parts[0] = part_of(NULL, 0);
	nm_par_join((void **)&out, &n, parts, 1, sizeof(*out));
	assert_null(out);
	assert_int_equal(n, 0);
}

/* ------------------------------------------------------------------ */
/* The command line                                                   */

static tu_run run(const char *const *args)
{
	tu_run r;
	tu_netmap(&r, NULL, args);
	return r;
}

static void assert_same_run(const tu_run *one, const tu_run *r, const char *how)
{
	if (one->status != r->status || strcmp(one->out, r->out) != 0 ||
	    strcmp(one->err, r->err) != 0)
		fail_msg("%s differs from --jobs 1:\n--- status %d, stderr:\n%s\n"
			 "+++ status %d, stderr:\n%s\n",
			 how, one->status, one->err, r->status, r->err);
}

static void
test_analysis_jobs__scan_report_and_plan_print_the_same_for_every_job_count(void **state)
{
	char *dir = tu_tempdir("analysis-jobs");
	char *data = tu_path(dir, "netz.yaml"), *db = tu_path(dir, "netmap.db");
	nm_buf yaml = NM_BUF_INIT;
	tu_run first[3];

	(void)state;
	make_yaml(&yaml, false);
	tu_write_file(data, yaml.ptr);
	for (size_t j = 0; j < sizeof(job_counts) / sizeof(job_counts[0]); j++) {
		char n[16];
		tu_run r[3];

		snprintf(n, sizeof(n), "%u", job_counts[j]);
		{
			const char *const scan[] = {"scan", "--db",     db,     "--today",
						    TODAY,  "--format", "json", "--jobs",
						    n,      data,       NULL};
			const char *const report[] = {"report", "--db",     db,     "--today",
						      TODAY,    "--format", "json", "--max-load",
						      "3",      "--jobs",   n,      NULL};
			const char *const plan[] = {
				"plan",        "--db",       db,      "--format", "json", "--merge",
				"c0000,c0001", "--dissolve", "c0007", "--jobs",   n,      NULL};
			remove(db);
			r[0] = run(scan);
			r[1] = run(report);
			r[2] = run(plan);
		}
		for (int k = 0; k < 3; k++) {
			static const char *const how[] = {"scan", "report", "plan"};
			assert_int_equal(r[k].status, 0);
			assert_true(strlen(r[k].out) > 1000);
			if (j == 0) {
				first[k] = r[k];
				continue;
			}
			assert_same_run(&first[k], &r[k], how[k]);
			tu_run_release(&r[k]);
		}
	}
	for (int k = 0; k < 3; k++)
		tu_run_release(&first[k]);
	nm_buf_release(&yaml);
	free(data);
	free(db);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_analysis_jobs__the_report_is_the_same_for_every_job_count),
		cmocka_unit_test(test_analysis_jobs__with_coordinators_the_report_is_the_same_too),
		cmocka_unit_test(
			test_analysis_jobs__duplicate_actors_are_the_same_for_every_job_count),
		cmocka_unit_test(
			test_analysis_jobs__small_pairs_split_by_committee_come_out_in_order),
		cmocka_unit_test(test_par__every_chunk_runs_once_and_a_worker_takes_them_in_order),
		cmocka_unit_test(test_par__ranges_have_about_equal_weight),
		cmocka_unit_test(test_par__parts_are_joined_in_chunk_order),
		cmocka_unit_test(
			test_analysis_jobs__scan_report_and_plan_print_the_same_for_every_job_count),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
