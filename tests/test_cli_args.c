/*
 * test_cli_args.c: the command line's small contracts, on the real
 * binary: options and operands in any order and "--" (as git takes them),
 * usage errors with their exact stderr and exit 2, show's name search and
 * did-you-mean and its sorted lists, list fitted to COLUMNS without
 * cutting ids, --lang de for the words and the help, the version from
 * CMake, and the man page and completion files.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netmap/common.h"
#include "netmap/model.h"
#include "netmap/report.h"
#include "testutil.h"

#define SRC NETMAP_SOURCE_DIR
#define GOLDEN NETMAP_TEST_DATA "/golden/"
#define SMALL "tests/data/cli/small.yaml"

static tu_run run_in(const char *cwd, const char *const *args)
{
	tu_run r;
	tu_netmap(&r, cwd, args);
	return r;
}

#define NETMAP(...) run_in(SRC, (const char *const[]){__VA_ARGS__, NULL})

/* A store in a scratch folder, made before a test and removed after it. */
typedef struct store {
	char *dir;
	char *db;
} store;

static int store_new(void **state, const char *name)
{
	store *f = calloc(1, sizeof(*f));

	if (!f)
		return -1;
	f->dir = tu_tempdir(name);
	f->db = tu_path(f->dir, "n.db");
	*state = f;
	return 0;
}

/* A store holding one scan of SMALL as of 2026-11-26. */
static int small_store(void **state)
{
	store *f;
	tu_run r;

	if (store_new(state, "args-small") != 0)
		return -1;
	f = *state;
	r = NETMAP("scan", "--db", f->db, "--today", "2026-11-26", SMALL);
	assert_int_equal(r.status, 0);
	tu_run_release(&r);
	return 0;
}

/* A store of actors whose names sort differently by bytes and as read. */
static int sorted_store(void **state)
{
	store *f;
	char *file;
	tu_run r;

	if (store_new(state, "args-sorted") != 0)
		return -1;
	f = *state;
	file = tu_path(f->dir, "d.yaml");
	tu_write_file(file, "netmap: 1\n"
			    "actors:\n"
			    "  - {id: z, name: zebra e.V., type: club}\n"
			    "  - {id: a2, name: Ärztekammer, type: chamber}\n"
			    "  - {id: m, name: Mitte-Treff, type: club}\n"
			    "  - {id: a1, name: Arbeit und Leben, type: association}\n"
			    "committees:\n"
			    "  - {id: k, name: Kreis, kind: network, members: [z, a2, m, a1]}\n"
			    "  - {id: b, name: Beirat, kind: advisory_board, members: [z]}\n"
			    "  - {id: a, name: Ausschuss, kind: committee, members: [z]}\n");
	r = NETMAP("scan", "--db", f->db, "--today", "2026-11-26", file);
	assert_int_equal(r.status, 0);
	tu_run_release(&r);
	free(file);
	return 0;
}

static int remove_store(void **state)
{
	store *f = *state;

	unsetenv("COLUMNS"); /* back to 80 for the next test */
	free(f->db);
	free(f->dir);
	free(f);
	return 0;
}

static void expect(tu_run *r, int status, const char *out, const char *err)
{
	assert_string_equal(r->err, err);
	if (out)
		assert_string_equal(r->out, out);
	assert_int_equal(r->status, status);
	tu_run_release(r);
}

/* expect() on stdout golden, a file of tests/data/golden. */
static void expect_golden(tu_run *r, int status, const char *golden, const char *err)
{
	char *want = tu_read_file(golden, NULL);

	assert_non_null(want);
	expect(r, status, want, err);
	free(want);
}

/* ------------------------------------------------------------ order of arguments */

static void test_cli_args__scan_takes_its_options_after_the_path(void **state)
{
	char *dir = tu_tempdir("args-order");
	char *db = tu_path(dir, "n.db");
	/* The README's example, as written. */
	tu_run r = NETMAP("scan", SMALL, "--db", db, "--today", "2026-11-26");

	(void)state;
	expect_golden(&r, 0, GOLDEN "small.txt", "");
	free(db);
	free(dir);
}

static void test_cli_args__show_takes_its_options_after_the_id(void **state)
{
	store *f = *state;
	tu_run r = NETMAP("show", "ak-sprache", "--db", f->db, "--today", "2026-11-26");

	expect_golden(&r, 0, GOLDEN "show-ak-sprache.txt", "");
}

static void test_cli_args__list_takes_its_options_after_what_to_list(void **state)
{
	store *f = *state;
	tu_run r = NETMAP("list", "committees", "--db", f->db, "--status", "active", "--kind",
			  "network");

	expect(&r, 0,
	       "ID         NAME                     KIND    MEM\n"
	       "nw-sprache Netzwerk Sprachförderung network   5\n",
	       "");
	r = NETMAP("list", "committees", "--status", "dormant", "--db", f->db);
	expect(&r, 0, "ID NAME KIND MEM\n", "");
}

static void test_cli_args__option_values_may_follow_an_equals_sign(void **state)
{
	/* = between option and value works anywhere too. */
	tu_run r = NETMAP("validate", SMALL, "--today=2026-11-26", "--format=json");

	(void)state;
	assert_int_equal(r.status, 0);
	assert_true(strncmp(r.out, "{\"files\": 1, \"errors\": 0,", 25) == 0);
	tu_run_release(&r);
}

static void test_cli_args__operands_keep_their_order(void **state)
{
	store *f = *state;
	tu_run a, b;

	a = NETMAP("scan", "--db", f->db, "--today", "2026-11-27", SMALL);
	assert_int_equal(a.status, 0);
	tu_run_release(&a);
	a = NETMAP("diff", "--db", f->db, "2", "1");
	b = NETMAP("diff", "2", "--db", f->db, "1");
	assert_int_equal(a.status, 0);
	assert_string_equal(a.out, b.out);
	assert_non_null(strstr(a.out, "from snapshot 2 to 1"));
	tu_run_release(&a);
	tu_run_release(&b);
}

static void test_cli_args__after_double_dash_an_option_is_a_path(void **state)
{
	/* After "--", "--strict" is a path. */
	tu_run r = NETMAP("validate", "--today", "2026-11-26", "--", "--strict");

	(void)state;
	expect(&r, 2, "0 errors, 0 warnings in 0 files\n",
	       "netmap: cannot read '--strict': No such file or directory\n");
}

static void test_cli_args__after_double_dash_an_option_and_its_value_are_paths(void **state)
{
	tu_run r = NETMAP("validate", "--", SMALL, "--format", "json");

	(void)state;
	assert_int_equal(r.status, 2);
	assert_string_equal(r.out, "0 errors, 0 warnings in 1 file\n");
	assert_true(strncmp(r.err, "netmap: cannot read '--format': No such file or directory\n",
			    58) == 0);
	tu_run_release(&r);
}

static void test_cli_args__after_double_dash_an_option_is_an_operand_of_list(void **state)
{
	tu_run r = NETMAP("list", "--", "--db", "actors");

	(void)state;
	expect(&r, 2, "",
	       "netmap: say what to list: actors or committees\n"
	       "usage: netmap list [options] actors|committees\n"
	       "Try 'netmap help list'\n");
}

/* ------------------------------------------------------------ help */

static void test_cli_args__help_after_an_operand_exits_0_with_the_usage(void **state)
{
	tu_run r = NETMAP("show", "ak-sprache", "--help");

	(void)state;
	expect(&r, 0,
	       "usage: netmap show [options] ID|NAME\n\n"
	       "show one actor or committee.\n\n"
	       "Options:\n"
	       "      --db FILE               the store (default netmap.db)\n"
	       "      --today DATE            analyse as of DATE (default: today)\n"
	       "      --lang LANG             de or en (default: from the locale)\n"
	       "  -h, --help                  show this help\n",
	       "");
}

static void test_cli_args__help_of_a_command_exits_0_with_its_usage(void **state)
{
	tu_run r = NETMAP("help", "scans");

	(void)state;
	expect(&r, 0,
	       "usage: netmap scans [--db FILE] [--lang LANG]\n\n"
	       "list the snapshots in the store.\n\n"
	       "Options:\n"
	       "      --db FILE               the store (default netmap.db)\n"
	       "      --lang LANG             de or en (default: from the locale)\n"
	       "  -h, --help                  show this help\n",
	       "");
}

/* ------------------------------------------------------------ usage errors */

static void test_cli_args__show_without_an_id_says_what_to_give(void **state)
{
	tu_run r = NETMAP("show");

	(void)state;
	expect(&r, 2, "",
	       "netmap: give one actor or committee: its ID or a part of its name\n"
	       "usage: netmap show [options] ID|NAME\n"
	       "Try 'netmap help show'\n");
}

static void test_cli_args__show_of_two_ids_says_to_give_one(void **state)
{
	tu_run r = NETMAP("show", "a", "b");

	(void)state;
	expect(&r, 2, "",
	       "netmap: give one actor or committee: its ID or a part of its name\n"
	       "usage: netmap show [options] ID|NAME\n"
	       "Try 'netmap help show'\n");
}

static void test_cli_args__an_unexpected_argument_is_named(void **state)
{
	tu_run r = NETMAP("scans", "extra");

	(void)state;
	expect(&r, 2, "",
	       "netmap: unexpected argument 'extra'\n"
	       "usage: netmap scans [--db FILE] [--lang LANG]\n"
	       "Try 'netmap help scans'\n");
}

static void test_cli_args__help_of_two_commands_names_the_second(void **state)
{
	tu_run r = NETMAP("help", "scan", "report");

	(void)state;
	expect(&r, 2, "",
	       "netmap: unexpected argument 'report'\n"
	       "usage: netmap help [--lang LANG] [COMMAND]\n"
	       "Try 'netmap help help'\n");
}

static void test_cli_args__lang_other_than_de_or_en_is_a_usage_error(void **state)
{
	tu_run r = NETMAP("validate", SMALL, "--lang", "fr");

	(void)state;
	expect(&r, 2, "",
	       "netmap: --lang takes de or en, not 'fr'\n"
	       "usage: netmap validate [options] PATH...\n"
	       "Try 'netmap help validate'\n");
}

static void test_cli_args__an_option_without_its_value_is_a_usage_error(void **state)
{
	tu_run r = NETMAP("list", "actors", "--db");

	(void)state;
	expect(&r, 2, "",
	       "netmap: option '--db' needs a value\n"
	       "usage: netmap list [options] actors|committees\n"
	       "Try 'netmap help list'\n");
}

static void test_cli_args__since_a_word_without_a_store_exits_2(void **state)
{
	tu_run r = NETMAP("report", "--since", "yesterday", "--db", "none.db");

	(void)state;
	assert_int_equal(r.status, 2);
	tu_run_release(&r);
}

static void test_cli_args__an_option_before_the_command_is_an_unknown_command(void **state)
{
	/* Options still belong after the command (contract 5.1). */
	tu_run r = NETMAP("--db", "x.db", "scan", SMALL);

	(void)state;
	expect(&r, 2, "", "netmap: unknown command '--db'\nTry 'netmap --help'\n");
}

static void test_cli_args__since_usage_error_is_no_store_error(void **state)
{
	store *f = *state;
	tu_run r = NETMAP("report", "--db", f->db, "--since", "yesterday");

	/* A usage error (once -2, the same number as NM_EIO), not a store message. */
	expect(&r, 2, "",
	       "netmap: --since takes last, a date YYYY-MM-DD or a snapshot number, not "
	       "'yesterday'\n"
	       "usage: netmap report [options]\n"
	       "Try 'netmap help report'\n");
}

/* ------------------------------------------------------------ show */

static void test_cli_args__show_of_the_words_of_one_name_shows_it(void **state)
{
	store *f = *state;
	/* One name holds the words: it is shown. */
	tu_run r = NETMAP("show", "--db", f->db, "--today", "2026-11-26", "volkshochschule");

	expect_golden(&r, 0, GOLDEN "show-vhs.txt", "");
}

static void test_cli_args__show_of_a_name_ignores_case_and_accents(void **state)
{
	store *f = *state;
	tu_run r = NETMAP("show", "--db", f->db, "--today", "2026-11-26", "UBERGANGSMANAGEMENT");

	assert_int_equal(r.status, 0);
	assert_true(strncmp(r.out, "Actor: Stadt Testdorf", 21) == 0);
	tu_run_release(&r);
}

static void test_cli_args__show_of_words_several_names_hold_lists_them_with_ids(void **state)
{
	store *f = *state;
	tu_run r = NETMAP("show", "--db", f->db, "sprach");

	expect(&r, 2, "",
	       "netmap: 2 records have 'sprach' in their name; show one by its id:\n"
	       "  ak-sprache  Arbeitskreis Sprache (committee)\n"
	       "  nw-sprache  Netzwerk Sprachförderung (committee)\n");
}

static void test_cli_args__show_of_an_unknown_id_suggests_the_closest(void **state)
{
	store *f = *state;
	tu_run r = NETMAP("show", "--db", f->db, "caritass");

	expect(&r, 2, "",
	       "netmap: no actor or committee 'caritass' in the latest snapshot; "
	       "did you mean 'caritas'?\n");
}

static void test_cli_args__show_of_an_id_close_to_none_suggests_nothing(void **state)
{
	store *f = *state;
	tu_run r = NETMAP("show", "--db", f->db, "nobody");

	expect(&r, 2, "", "netmap: no actor or committee 'nobody' in the latest snapshot\n");
}

static void test_cli_args__show_sorts_members_by_name_as_printed(void **state)
{
	store *f = *state;
	tu_run r = NETMAP("show", "--db", f->db, "--today", "2026-11-26", "k");

	expect(&r, 0,
	       "Committee: Kreis (k)\n"
	       "  kind         network\n"
	       "  status       active\n"
	       "\n"
	       "Members:\n"
	       "  Arbeit und Leben (a1), association\n"
	       "  Ärztekammer (a2), chamber\n"
	       "  Mitte-Treff (m), club\n"
	       "  zebra e.V. (z), club\n"
	       "\n"
	       "Review: nothing to review\n",
	       "");
}

static void test_cli_args__show_sorts_an_actors_committees_by_name(void **state)
{
	store *f = *state;
	tu_run r = NETMAP("show", "--db", f->db, "--today", "2026-11-26", "z");

	expect(&r, 0,
	       "Actor: zebra e.V. (z)\n"
	       "  type         club\n"
	       "  load         3 committees, 0 meetings a year\n"
	       "\n"
	       "As member:\n"
	       "  Ausschuss (a)\n"
	       "  Beirat (b)\n"
	       "  Kreis (k)\n",
	       "");
}

/* ------------------------------------------------------------ list */

static void test_cli_args__list_without_columns_is_80_wide(void **state)
{
	store *f = *state;
	tu_run r;

	/* Not a terminal, no COLUMNS: 80. */
	unsetenv("COLUMNS");
	r = NETMAP("list", "actors", "--db", f->db, "--type", "association");
	expect_golden(&r, 0, GOLDEN "list-associations.txt", "");
}

static void test_cli_args__list_of_actors_fits_columns_by_cutting_names(void **state)
{
	store *f = *state;
	tu_run r;

	setenv("COLUMNS", "36", 1);
	r = NETMAP("list", "actors", "--db", f->db, "--type", "association");
	expect(&r, 0,
	       "ID        NAME        TYPE        IN\n"
	       "caritas   Caritasver… association  2\n"
	       "caritas-2 Caritas-Ve… association  0\n",
	       "");
}

static void test_cli_args__list_of_committees_fits_columns_by_cutting_names(void **state)
{
	store *f = *state;
	tu_run r;

	setenv("COLUMNS", "36", 1);
	r = NETMAP("list", "committees", "--db", f->db);
	expect(&r, 0,
	       "ID         NAME       KIND          MEM\n"
	       "ag-arbeit  AG Arbeit  working_group   3\n"
	       "ak-sprache Arbeitskr… working_group   5\n"
	       "nw-sprache Netzwerk … network         5\n",
	       "");
}

static void test_cli_args__list_narrower_than_the_ids_keeps_them_whole(void **state)
{
	store *f = *state;
	tu_run r;

	/* Narrower than the data: the table overflows, the ids stay whole. */
	setenv("COLUMNS", "10", 1);
	r = NETMAP("list", "actors", "--db", f->db, "--type", "migrant_organisation");
	expect(&r, 0,
	       "ID       NAME       TYPE                 IN\n"
	       "mo-tuerk Türkische… migrant_organisation  1\n",
	       "");
}

static void test_cli_args__list_with_columns_that_is_no_number_is_80_wide(void **state)
{
	store *f = *state;
	tu_run r;

	setenv("COLUMNS", "wide", 1);
	r = NETMAP("list", "actors", "--db", f->db, "--type", "association");
	expect_golden(&r, 0, GOLDEN "list-associations.txt", "");
}

/* ------------------------------------------------------------ German */

static void test_cli_args__validate_lang_de_keeps_error_and_ends_in_german(void **state)
{
	tu_run r = NETMAP("validate", "--lang", "de", "tests/data/cli/broken.yaml", "--today",
			  "2026-11-26");

	(void)state;
	assert_int_equal(r.status, 1);
	/* The problems keep error: and warning:; the closing line is German. */
	assert_non_null(strstr(r.out, ": error: "));
	assert_non_null(strstr(r.out, "\n3 Fehler, 2 Warnungen in 1 Datei\n"));
	tu_run_release(&r);
}

static void test_cli_args__validate_lang_de_of_valid_data(void **state)
{
	tu_run r = NETMAP("validate", SMALL, "--lang", "de");

	(void)state;
	expect(&r, 0, "0 Fehler, 0 Warnungen in 1 Datei\n", "");
}

static void test_cli_args__show_lang_de_has_german_labels_and_types(void **state)
{
	store *f = *state;
	tu_run r = NETMAP("show", "vhs", "--db", f->db, "--today", "2026-11-26", "--lang", "de");

	expect(&r, 0,
	       "Akteur: Volkshochschule Testdorf (vhs)\n"
	       "  Typ          Bildungsträger\n"
	       "  Last         3 Gremien, 16 Sitzungen im Jahr\n"
	       "\n"
	       "Als Mitglied:\n"
	       "  AG Arbeit (ag-arbeit)\n"
	       "  Arbeitskreis Sprache (ak-sprache)\n"
	       "  Netzwerk Sprachförderung (nw-sprache)\n",
	       "");
}

static void test_cli_args__list_lang_de_has_german_headings(void **state)
{
	store *f = *state;
	tu_run r = NETMAP("list", "--lang", "de", "committees", "--db", f->db, "--kind", "network");

	expect(&r, 0,
	       "ID         NAME                     ART     MITGL\n"
	       "nw-sprache Netzwerk Sprachförderung network     5\n",
	       "");
}

static void test_cli_args__scans_lang_de_has_german_headings_and_dates(void **state)
{
	store *f = *state;
	tu_run r = NETMAP("scans", "--lang", "de", "--db", f->db);

	assert_int_equal(r.status, 0);
	assert_true(strncmp(r.out,
			    "SCAN  AUFGENOMMEN (UTC)     STICHTAG    AKTEURE  GREMIEN  "
			    "MITGLIEDSCHAFTEN  DATENSATZ\n",
			    80) == 0);
	assert_non_null(strstr(r.out, "Z  26.11.2026        8        3                13  "
				      "Testdorf an der Fulda\n"));
	tu_run_release(&r);
}

static void test_cli_args__help_lang_de_of_a_command_is_german(void **state)
{
	tu_run r = NETMAP("help", "--lang", "de", "show");

	(void)state;
	expect(&r, 0,
	       "Aufruf: netmap show [Optionen] ID|NAME\n\n"
	       "Einen Akteur oder ein Gremium zeigen.\n\n"
	       "Optionen:\n"
	       "      --db DATEI              der Speicher (Vorgabe netmap.db)\n"
	       "      --today DATUM           Stichtag der Auswertung (Vorgabe: heute)\n"
	       "      --lang SPRACHE          de oder en (Vorgabe: aus der Locale)\n"
	       "  -h, --help                  diese Hilfe zeigen\n",
	       "");
}

static void test_cli_args__help_option_takes_a_lang_that_follows_it(void **state)
{
	/* --help answers after the line is read: --lang may follow it. */
	tu_run r = NETMAP("show", "--help", "--lang", "de");
	tu_run s = NETMAP("help", "show", "--lang", "de");

	(void)state;
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, s.out);
	tu_run_release(&r);
	tu_run_release(&s);
}

static void test_cli_args__help_option_lang_de_of_scan_lists_german_options(void **state)
{
	tu_run r = NETMAP("scan", "--lang", "de", "--help");

	(void)state;
	assert_int_equal(r.status, 0);
	assert_true(strncmp(r.out, "Aufruf: netmap scan [Optionen] PFAD...\n\n", 40) == 0);
	assert_non_null(strstr(r.out, "      --max-load N            Gremien, ab denen"));
	tu_run_release(&r);
}

static void test_cli_args__help_lang_de_lists_the_commands_in_german(void **state)
{
	tu_run r = NETMAP("help", "--lang", "de");

	(void)state;
	assert_int_equal(r.status, 0);
	assert_true(strncmp(r.out, "Aufruf: netmap [--help] [--version] <Befehl> [<Argumente>]\n",
			    59) == 0);
	assert_non_null(strstr(r.out, "\n  show       einen Akteur oder ein Gremium zeigen\n"));
	tu_run_release(&r);
}

static void test_cli_args__help_without_lang_follows_lc_all(void **state)
{
	tu_run r, s;

	(void)state;
	/* Without --lang, the locale decides (LC_ALL first). */
	setenv("LC_ALL", "de_DE.UTF-8", 1);
	r = NETMAP("--help");
	s = NETMAP("validate", "--help");
	setenv("LC_ALL", "C.UTF-8", 1);
	assert_int_equal(r.status, 0);
	assert_true(strncmp(r.out, "Aufruf: netmap [--help] [--version] <Befehl>", 44) == 0);
	assert_true(strncmp(s.out, "Aufruf: netmap validate [Optionen] PFAD...\n", 43) == 0);
	tu_run_release(&r);
	tu_run_release(&s);
}

static void test_cli_args__help_lang_en_is_english(void **state)
{
	tu_run r = NETMAP("validate", "--help", "--lang", "en");

	(void)state;
	assert_true(strncmp(r.out, "usage: netmap validate [options] PATH...\n", 41) == 0);
	tu_run_release(&r);
}

static void test_cli_args__usage_error_after_lang_de_shows_the_german_synopsis(void **state)
{
	tu_run r = NETMAP("scans", "--lang", "de", "--bogus");

	(void)state;
	expect(&r, 2, "",
	       "netmap: unknown option '--bogus'\n"
	       "Aufruf: netmap scans [--db DATEI] [--lang SPRACHE]\n"
	       "Mehr dazu: 'netmap help scans --lang de'\n");
}

static void test_cli_args__version_is_the_projects(void **state)
{
	tu_run r = NETMAP("--version");
	const char *expected = "netmap " NETMAP_VERSION " (data format 1; libyaml ";
	char *cmake = tu_read_file(SRC "/CMakeLists.txt", NULL);
	char project[64];

	(void)state;
	assert_int_equal(r.status, 0);
	assert_true(strncmp(r.out, expected, strlen(expected)) == 0);
	snprintf(project, sizeof(project), "project(netmap VERSION %s ", NETMAP_VERSION);
	assert_non_null(strstr(cmake, project));
	free(cmake);
	tu_run_release(&r);
}

/* Run a shell command; its stdout, and its status in *status. */
static char *shell(const char *cmd, int *status)
{
	FILE *p = popen(cmd, "r");
	char *out = NULL;
	size_t len = 0, cap = 0, n;
	char chunk[4096];

	assert_non_null(p);
	while ((n = fread(chunk, 1, sizeof(chunk), p)) > 0) {
		if (len + n + 1 > cap) {
			cap = (len + n + 1) * 2;
			out = realloc(out, cap);
			assert_non_null(out);
		}
		memcpy(out + len, chunk, n);
		len += n;
	}
	*status = pclose(p);
	if (!out)
		out = calloc(1, 1);
	assert_non_null(out);
	out[len] = '\0';
	return out;
}

static void test_cli_args__man_page_and_completion_name_every_command(void **state)
{
	static const char *const commands[] = {"validate", "scan",   "report", "show",
					       "list",     "scans",  "diff",   "prune",
					       "forget",   "export", "help"};
	int status;
	char *page = shell("MANWIDTH=80 man -l " SRC "/docs/netmap.1 2>&1", &status);
	char *bash = tu_read_file(SRC "/docs/completion/netmap.bash", NULL);
	char *zsh = tu_read_file(SRC "/docs/completion/_netmap", NULL);
	char *warnings = shell("MANWIDTH=80 man --warnings -l " SRC
			       "/docs/netmap.1 2>&1 >/dev/null",
			       &status);

	(void)state;
	assert_int_equal(status, 0);
	assert_string_equal(warnings, "");
	assert_non_null(strstr(page, "NETMAP(1)"));
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		char heading[64];
		snprintf(heading, sizeof(heading), "\n   netmap %s ", commands[i]);
		if (!strstr(page, heading))
			fail_msg("no section '%s' in the man page", heading + 4);
		assert_non_null(strstr(bash, commands[i]));
		snprintf(heading, sizeof(heading), "'%s:", commands[i]);
		assert_non_null(strstr(zsh, heading));
	}
	assert_non_null(strstr(bash, "complete -o filenames -F _netmap netmap"));
	assert_true(strncmp(zsh, "#compdef netmap\n", 16) == 0);
	free(page);
	free(warnings);
	free(bash);
	free(zsh);
}

#define WITH(test, setup) cmocka_unit_test_setup_teardown(test, setup, remove_store)

/* Each item of a comma-separated list (", ") is in text. */
static void expect_each(const char *text, const char *list, const char *what)
{
	char *copy = strdup(list), *save = NULL;

	for (char *tok = strtok_r(copy, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save))
		if (!strstr(text, tok))
			fail_msg("help does not name the %s '%s'", what, tok);
	free(copy);
}

/* The help of report names every format, --fail-on condition and setting, in both languages. */
static void test_cli_args__report_help_names_every_format_condition_and_setting(void **state)
{
	static const char *const langs[] = {"en", "de"};

	(void)state;
	for (size_t l = 0; l < 2; l++) {
		tu_run r = NETMAP("help", "report", "--lang", langs[l]);

		assert_int_equal(r.status, 0);
		expect_each(r.out, nm_report_formats(), "format");
		expect_each(r.out,
			    "duplicate, nested, overlap, overloaded, review, gaps, "
			    "duplicate_actors",
			    "--fail-on condition");
		for (size_t i = 0; i < NM_SETTINGS_N; i++) {
			char flag[64];

			snprintf(flag, sizeof(flag), "--%s ", nm_setting_defs[i].flag);
			if (!strstr(r.out, flag))
				fail_msg("help does not name the setting '%s'", flag);
		}
		tu_run_release(&r);
	}
}

int main(void)
{
	unsetenv("COLUMNS"); /* list's width: 80 unless a test says otherwise */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cli_args__scan_takes_its_options_after_the_path),
		WITH(test_cli_args__show_takes_its_options_after_the_id, small_store),
		WITH(test_cli_args__list_takes_its_options_after_what_to_list, small_store),
		cmocka_unit_test(test_cli_args__option_values_may_follow_an_equals_sign),
		WITH(test_cli_args__operands_keep_their_order, small_store),
		cmocka_unit_test(test_cli_args__after_double_dash_an_option_is_a_path),
		cmocka_unit_test(
			test_cli_args__after_double_dash_an_option_and_its_value_are_paths),
		cmocka_unit_test(test_cli_args__after_double_dash_an_option_is_an_operand_of_list),
		cmocka_unit_test(test_cli_args__help_after_an_operand_exits_0_with_the_usage),
		cmocka_unit_test(test_cli_args__help_of_a_command_exits_0_with_its_usage),
		cmocka_unit_test(
			test_cli_args__report_help_names_every_format_condition_and_setting),
		cmocka_unit_test(test_cli_args__show_without_an_id_says_what_to_give),
		cmocka_unit_test(test_cli_args__show_of_two_ids_says_to_give_one),
		cmocka_unit_test(test_cli_args__an_unexpected_argument_is_named),
		cmocka_unit_test(test_cli_args__help_of_two_commands_names_the_second),
		cmocka_unit_test(test_cli_args__lang_other_than_de_or_en_is_a_usage_error),
		cmocka_unit_test(test_cli_args__an_option_without_its_value_is_a_usage_error),
		cmocka_unit_test(test_cli_args__since_a_word_without_a_store_exits_2),
		cmocka_unit_test(test_cli_args__an_option_before_the_command_is_an_unknown_command),
		WITH(test_cli_args__since_usage_error_is_no_store_error, small_store),
		WITH(test_cli_args__show_of_the_words_of_one_name_shows_it, small_store),
		WITH(test_cli_args__show_of_a_name_ignores_case_and_accents, small_store),
		WITH(test_cli_args__show_of_words_several_names_hold_lists_them_with_ids,
		     small_store),
		WITH(test_cli_args__show_of_an_unknown_id_suggests_the_closest, small_store),
		WITH(test_cli_args__show_of_an_id_close_to_none_suggests_nothing, small_store),
		WITH(test_cli_args__show_sorts_members_by_name_as_printed, sorted_store),
		WITH(test_cli_args__show_sorts_an_actors_committees_by_name, sorted_store),
		WITH(test_cli_args__list_without_columns_is_80_wide, small_store),
		WITH(test_cli_args__list_of_actors_fits_columns_by_cutting_names, small_store),
		WITH(test_cli_args__list_of_committees_fits_columns_by_cutting_names, small_store),
		WITH(test_cli_args__list_narrower_than_the_ids_keeps_them_whole, small_store),
		WITH(test_cli_args__list_with_columns_that_is_no_number_is_80_wide, small_store),
		cmocka_unit_test(test_cli_args__validate_lang_de_keeps_error_and_ends_in_german),
		cmocka_unit_test(test_cli_args__validate_lang_de_of_valid_data),
		WITH(test_cli_args__show_lang_de_has_german_labels_and_types, small_store),
		WITH(test_cli_args__list_lang_de_has_german_headings, small_store),
		WITH(test_cli_args__scans_lang_de_has_german_headings_and_dates, small_store),
		cmocka_unit_test(test_cli_args__help_lang_de_of_a_command_is_german),
		cmocka_unit_test(test_cli_args__help_option_takes_a_lang_that_follows_it),
		cmocka_unit_test(test_cli_args__help_option_lang_de_of_scan_lists_german_options),
		cmocka_unit_test(test_cli_args__help_lang_de_lists_the_commands_in_german),
		cmocka_unit_test(test_cli_args__help_without_lang_follows_lc_all),
		cmocka_unit_test(test_cli_args__help_lang_en_is_english),
		cmocka_unit_test(
			test_cli_args__usage_error_after_lang_de_shows_the_german_synopsis),
		cmocka_unit_test(test_cli_args__version_is_the_projects),
		cmocka_unit_test(test_cli_args__man_page_and_completion_name_every_command),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
