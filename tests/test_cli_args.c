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

/* A store in a scratch folder holding one scan of SMALL as of 2026-11-26. */
static char *small_store(const char *name)
{
	char *dir = tu_tempdir(name);
	char *db = tu_path(dir, "n.db");
	tu_run r = NETMAP("scan", "--db", db, "--today", "2026-11-26", SMALL);

	assert_int_equal(r.status, 0);
	tu_run_release(&r);
	free(dir);
	return db;
}

static void expect(tu_run *r, int status, const char *out, const char *err)
{
	assert_string_equal(r->err, err);
	if (out)
		assert_string_equal(r->out, out);
	assert_int_equal(r->status, status);
	tu_run_release(r);
}

static void test_cli_args__options_may_follow_the_operands(void **state)
{
	char *dir = tu_tempdir("args-order");
	char *db = tu_path(dir, "n.db");
	char *golden = tu_read_file(GOLDEN "small.txt", NULL);
	char *show = tu_read_file(GOLDEN "show-ak-sprache.txt", NULL);
	tu_run r;

	/* The README's examples, as written. */
	r = NETMAP("scan", SMALL, "--db", db, "--today", "2026-11-26");
	expect(&r, 0, golden, "");
	r = NETMAP("show", "ak-sprache", "--db", db, "--today", "2026-11-26");
	expect(&r, 0, show, "");
	r = NETMAP("list", "committees", "--db", db, "--status", "active", "--kind", "network");
	expect(&r, 0,
	       "ID         NAME                     KIND    MEM\n"
	       "nw-sprache Netzwerk Sprachförderung network   5\n", "");
	r = NETMAP("list", "committees", "--status", "dormant", "--db", db);
	expect(&r, 0, "ID NAME KIND MEM\n", "");
	/* = between option and value works anywhere too. */
	r = NETMAP("validate", SMALL, "--today=2026-11-26", "--format=json");
	assert_int_equal(r.status, 0);
	assert_true(strncmp(r.out, "{\"files\": 1, \"errors\": 0,", 25) == 0);
	tu_run_release(&r);
	free(golden);
	free(show);
	free(db);
	free(dir);
}

static void test_cli_args__operands_keep_their_order(void **state)
{
	char *db = small_store("args-operands");
	tu_run a, b;

	a = NETMAP("scan", "--db", db, "--today", "2026-11-27", SMALL);
	assert_int_equal(a.status, 0);
	tu_run_release(&a);
	a = NETMAP("diff", "--db", db, "2", "1");
	b = NETMAP("diff", "2", "--db", db, "1");
	assert_int_equal(a.status, 0);
	assert_string_equal(a.out, b.out);
	assert_non_null(strstr(a.out, "from snapshot 2 to 1"));
	tu_run_release(&a);
	tu_run_release(&b);
	free(db);
}

static void test_cli_args__double_dash_ends_the_options(void **state)
{
	tu_run r;

	/* After "--", "--strict" is a path. */
	r = NETMAP("validate", "--today", "2026-11-26", "--", "--strict");
	expect(&r, 2, "0 errors, 0 warnings in 0 files\n",
	       "netmap: cannot read '--strict': No such file or directory\n");
	r = NETMAP("validate", "--", SMALL, "--format", "json");
	assert_int_equal(r.status, 2);
	assert_string_equal(r.out, "0 errors, 0 warnings in 1 file\n");
	assert_true(strncmp(r.err, "netmap: cannot read '--format': No such file or directory\n", 58) == 0);
	tu_run_release(&r);
	r = NETMAP("list", "--", "--db", "actors");
	expect(&r, 2, "",
	       "netmap: say what to list: actors or committees\n"
	       "usage: netmap list [options] actors|committees\n"
	       "Try 'netmap help list'\n");
}

static void test_cli_args__help_anywhere_exits_0(void **state)
{
	tu_run r = NETMAP("show", "ak-sprache", "--help");

	expect(&r, 0,
	       "usage: netmap show [options] ID|NAME\n\n"
	       "show one actor or committee.\n\n"
	       "Options:\n"
	       "      --db FILE               the store (default netmap.db)\n"
	       "      --today DATE            analyse as of DATE (default: today)\n"
	       "      --lang LANG             de or en (default: from the locale)\n"
	       "  -h, --help                  show this help\n", "");
	r = NETMAP("help", "scans");
	expect(&r, 0,
	       "usage: netmap scans [--db FILE] [--lang LANG]\n\n"
	       "list the snapshots in the store.\n\n"
	       "Options:\n"
	       "      --db FILE               the store (default netmap.db)\n"
	       "      --lang LANG             de or en (default: from the locale)\n"
	       "  -h, --help                  show this help\n", "");
}

static void test_cli_args__usage_errors_say_what_and_how(void **state)
{
	tu_run r;

	r = NETMAP("show");
	expect(&r, 2, "",
	       "netmap: give one actor or committee: its ID or a part of its name\n"
	       "usage: netmap show [options] ID|NAME\n"
	       "Try 'netmap help show'\n");
	r = NETMAP("show", "a", "b");
	expect(&r, 2, "",
	       "netmap: give one actor or committee: its ID or a part of its name\n"
	       "usage: netmap show [options] ID|NAME\n"
	       "Try 'netmap help show'\n");
	r = NETMAP("scans", "extra");
	expect(&r, 2, "",
	       "netmap: unexpected argument 'extra'\n"
	       "usage: netmap scans [--db FILE] [--lang LANG]\n"
	       "Try 'netmap help scans'\n");
	r = NETMAP("help", "scan", "report");
	expect(&r, 2, "",
	       "netmap: unexpected argument 'report'\n"
	       "usage: netmap help [--lang LANG] [COMMAND]\n"
	       "Try 'netmap help help'\n");
	r = NETMAP("validate", SMALL, "--lang", "fr");
	expect(&r, 2, "",
	       "netmap: --lang takes de or en, not 'fr'\n"
	       "usage: netmap validate [options] PATH...\n"
	       "Try 'netmap help validate'\n");
	r = NETMAP("list", "actors", "--db");
	expect(&r, 2, "",
	       "netmap: option '--db' needs a value\n"
	       "usage: netmap list [options] actors|committees\n"
	       "Try 'netmap help list'\n");
	r = NETMAP("report", "--since", "yesterday", "--db", "none.db");
	assert_int_equal(r.status, 2);
	tu_run_release(&r);
	/* Options still belong after the command (contract 5.1). */
	r = NETMAP("--db", "x.db", "scan", SMALL);
	expect(&r, 2, "", "netmap: unknown command '--db'\nTry 'netmap --help'\n");
}

static void test_cli_args__since_usage_error_is_no_store_error(void **state)
{
	char *db = small_store("args-since");
	tu_run r = NETMAP("report", "--db", db, "--since", "yesterday");

	/* A usage error (once -2, the same number as NM_EIO), not a store message. */
	expect(&r, 2, "",
	       "netmap: --since takes last, a date YYYY-MM-DD or a snapshot number, not "
	       "'yesterday'\n"
	       "usage: netmap report [options]\n"
	       "Try 'netmap help report'\n");
	free(db);
}

static void test_cli_args__show_searches_names_and_suggests_ids(void **state)
{
	char *db = small_store("args-show");
	char *vhs = tu_read_file(GOLDEN "show-vhs.txt", NULL);
	tu_run r;

	/* One name holds the words: it is shown; case and accents aside. */
	r = NETMAP("show", "--db", db, "--today", "2026-11-26", "volkshochschule");
	expect(&r, 0, vhs, "");
	r = NETMAP("show", "--db", db, "--today", "2026-11-26", "UBERGANGSMANAGEMENT");
	assert_int_equal(r.status, 0);
	assert_true(strncmp(r.out, "Actor: Stadt Testdorf", 21) == 0);
	tu_run_release(&r);
	/* Several: listed by name with their ids. */
	r = NETMAP("show", "--db", db, "sprach");
	expect(&r, 2, "",
	       "netmap: 2 records have 'sprach' in their name; show one by its id:\n"
	       "  ak-sprache  Arbeitskreis Sprache (committee)\n"
	       "  nw-sprache  Netzwerk Sprachförderung (committee)\n");
	/* None: the closest id. */
	r = NETMAP("show", "--db", db, "caritass");
	expect(&r, 2, "",
	       "netmap: no actor or committee 'caritass' in the latest snapshot; "
	       "did you mean 'caritas'?\n");
	r = NETMAP("show", "--db", db, "nobody");
	expect(&r, 2, "", "netmap: no actor or committee 'nobody' in the latest snapshot\n");
	free(vhs);
	free(db);
}

static void test_cli_args__show_sorts_members_by_name_as_printed(void **state)
{
	char *dir = tu_tempdir("args-sorted");
	char *file = tu_path(dir, "d.yaml");
	char *db = tu_path(dir, "n.db");
	tu_run r;

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
	r = NETMAP("scan", "--db", db, "--today", "2026-11-26", file);
	assert_int_equal(r.status, 0);
	tu_run_release(&r);
	r = NETMAP("show", "--db", db, "--today", "2026-11-26", "k");
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
	       "Review: nothing to review\n", "");
	r = NETMAP("show", "--db", db, "--today", "2026-11-26", "z");
	expect(&r, 0,
	       "Actor: zebra e.V. (z)\n"
	       "  type         club\n"
	       "  load         3 committees, 0 meetings a year\n"
	       "\n"
	       "As member:\n"
	       "  Ausschuss (a)\n"
	       "  Beirat (b)\n"
	       "  Kreis (k)\n", "");
	free(file);
	free(db);
	free(dir);
}

static void test_cli_args__list_fits_columns_and_never_cuts_ids(void **state)
{
	char *db = small_store("args-list");
	char *golden = tu_read_file(GOLDEN "list-associations.txt", NULL);
	tu_run r;

	/* Not a terminal, no COLUMNS: 80. */
	unsetenv("COLUMNS");
	r = NETMAP("list", "actors", "--db", db, "--type", "association");
	expect(&r, 0, golden, "");
	setenv("COLUMNS", "36", 1);
	r = NETMAP("list", "actors", "--db", db, "--type", "association");
	expect(&r, 0,
	       "ID        NAME        TYPE        IN\n"
	       "caritas   Caritasver… association  2\n"
	       "caritas-2 Caritas-Ve… association  0\n", "");
	r = NETMAP("list", "committees", "--db", db);
	expect(&r, 0,
	       "ID         NAME       KIND          MEM\n"
	       "ag-arbeit  AG Arbeit  working_group   3\n"
	       "ak-sprache Arbeitskr… working_group   5\n"
	       "nw-sprache Netzwerk … network         5\n", "");
	/* Narrower than the data: the table overflows, the ids stay whole. */
	setenv("COLUMNS", "10", 1);
	r = NETMAP("list", "actors", "--db", db, "--type", "migrant_organisation");
	expect(&r, 0,
	       "ID       NAME       TYPE                 IN\n"
	       "mo-tuerk Türkische… migrant_organisation  1\n", "");
	setenv("COLUMNS", "wide", 1);
	r = NETMAP("list", "actors", "--db", db, "--type", "association");
	expect(&r, 0, golden, "");
	unsetenv("COLUMNS");
	free(golden);
	free(db);
}

static void test_cli_args__german_words_with_lang_de(void **state)
{
	char *db = small_store("args-de");
	tu_run r;

	r = NETMAP("validate", "--lang", "de", "tests/data/cli/broken.yaml", "--today", "2026-11-26");
	assert_int_equal(r.status, 1);
	/* The problems keep error: and warning:; the closing line is German. */
	assert_non_null(strstr(r.out, ": error: "));
	assert_non_null(strstr(r.out, "\n3 Fehler, 2 Warnungen in 1 Datei\n"));
	tu_run_release(&r);
	r = NETMAP("validate", SMALL, "--lang", "de");
	expect(&r, 0, "0 Fehler, 0 Warnungen in 1 Datei\n", "");
	r = NETMAP("show", "vhs", "--db", db, "--today", "2026-11-26", "--lang", "de");
	expect(&r, 0,
	       "Akteur: Volkshochschule Testdorf (vhs)\n"
	       "  Typ          Bildungsträger\n"
	       "  Last         3 Gremien, 16 Sitzungen im Jahr\n"
	       "\n"
	       "Als Mitglied:\n"
	       "  AG Arbeit (ag-arbeit)\n"
	       "  Arbeitskreis Sprache (ak-sprache)\n"
	       "  Netzwerk Sprachförderung (nw-sprache)\n", "");
	r = NETMAP("list", "--lang", "de", "committees", "--db", db, "--kind", "network");
	expect(&r, 0,
	       "ID         NAME                     ART     MITGL\n"
	       "nw-sprache Netzwerk Sprachförderung network     5\n", "");
	r = NETMAP("scans", "--lang", "de", "--db", db);
	assert_int_equal(r.status, 0);
	assert_true(strncmp(r.out, "SCAN  AUFGENOMMEN (UTC)     STICHTAG    AKTEURE  GREMIEN  "
				   "MITGLIEDSCHAFTEN  DATENSATZ\n", 80) == 0);
	assert_non_null(strstr(r.out, "Z  26.11.2026        8        3                13  "
				      "Testdorf an der Fulda\n"));
	tu_run_release(&r);
	free(db);
}

static void test_cli_args__german_help(void **state)
{
	tu_run r = NETMAP("help", "--lang", "de", "show");
	tu_run s;

	expect(&r, 0,
	       "Aufruf: netmap show [Optionen] ID|NAME\n\n"
	       "Einen Akteur oder ein Gremium zeigen.\n\n"
	       "Optionen:\n"
	       "      --db DATEI              der Speicher (Vorgabe netmap.db)\n"
	       "      --today DATUM           Stichtag der Auswertung (Vorgabe: heute)\n"
	       "      --lang SPRACHE          de oder en (Vorgabe: aus der Locale)\n"
	       "  -h, --help                  diese Hilfe zeigen\n", "");
	/* --help answers after the line is read: --lang may follow it. */
	r = NETMAP("show", "--help", "--lang", "de");
	s = NETMAP("help", "show", "--lang", "de");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, s.out);
	tu_run_release(&r);
	tu_run_release(&s);
	r = NETMAP("scan", "--lang", "de", "--help");
	assert_int_equal(r.status, 0);
	assert_true(strncmp(r.out, "Aufruf: netmap scan [Optionen] PFAD...\n\n", 40) == 0);
	assert_non_null(strstr(r.out, "      --max-load N            Gremien, ab denen"));
	tu_run_release(&r);
	r = NETMAP("help", "--lang", "de");
	assert_int_equal(r.status, 0);
	assert_true(strncmp(r.out, "Aufruf: netmap [--help] [--version] <Befehl> [<Argumente>]\n", 59) == 0);
	assert_non_null(strstr(r.out, "\n  show       einen Akteur oder ein Gremium zeigen\n"));
	tu_run_release(&r);
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
	r = NETMAP("validate", "--help", "--lang", "en");
	assert_true(strncmp(r.out, "usage: netmap validate [options] PATH...\n", 41) == 0);
	tu_run_release(&r);
	/* A usage error after --lang de: the German synopsis. */
	r = NETMAP("scans", "--lang", "de", "--bogus");
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
	static const char *const commands[] = {"validate", "scan", "report", "show", "list",
					       "scans", "diff", "prune", "forget", "export", "help"};
	int status;
	char *page = shell("MANWIDTH=80 man -l " SRC "/docs/netmap.1 2>&1", &status);
	char *bash = tu_read_file(SRC "/docs/completion/netmap.bash", NULL);
	char *zsh = tu_read_file(SRC "/docs/completion/_netmap", NULL);
	char *warnings = shell("MANWIDTH=80 man --warnings -l " SRC "/docs/netmap.1 2>&1 >/dev/null",
			       &status);

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

int main(void)
{
	unsetenv("COLUMNS"); /* list's width: 80 unless a test says otherwise */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cli_args__options_may_follow_the_operands),
		cmocka_unit_test(test_cli_args__operands_keep_their_order),
		cmocka_unit_test(test_cli_args__double_dash_ends_the_options),
		cmocka_unit_test(test_cli_args__help_anywhere_exits_0),
		cmocka_unit_test(test_cli_args__usage_errors_say_what_and_how),
		cmocka_unit_test(test_cli_args__since_usage_error_is_no_store_error),
		cmocka_unit_test(test_cli_args__show_searches_names_and_suggests_ids),
		cmocka_unit_test(test_cli_args__show_sorts_members_by_name_as_printed),
		cmocka_unit_test(test_cli_args__list_fits_columns_and_never_cuts_ids),
		cmocka_unit_test(test_cli_args__german_words_with_lang_de),
		cmocka_unit_test(test_cli_args__german_help),
		cmocka_unit_test(test_cli_args__version_is_the_projects),
		cmocka_unit_test(test_cli_args__man_page_and_completion_name_every_command),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
