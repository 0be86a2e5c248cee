/*
 * main.c: netmap's entry point. It only dispatches: the first argument
 * names a command of the table below, which parses its own options.
 */
#include "cli.h"

#include "netmap/loader.h"
#include "netmap/store.h"

#include <stdio.h>
#include <string.h>

#define JOBS_HELP \
	"      --jobs N                read and parse files on N threads (default:\n" \
	"                              NETMAP_JOBS, or the number of cores)\n"

#define SCAN_JOBS_HELP \
	"      --jobs N                read, parse and analyse on N threads (default:\n" \
	"                              NETMAP_JOBS, or the number of cores)\n"

#define ANALYSE_JOBS_HELP \
	"      --jobs N                analyse on N threads (default: NETMAP_JOBS,\n" \
	"                              or the number of cores)\n"

#define REPORT_HELP \
	"      --db FILE               the store (default netmap.db)\n" \
	"      --today DATE            analyse as of DATE (YYYY-MM-DD; default: today)\n" \
	"      --format FORMAT         text (default), json, markdown, csv, html, email\n" \
	"      --lang LANG             de or en (default: from the locale)\n" \
	"      --table TABLE           csv: the table to write\n" \
	"      --to, --from, --subject email: the message's headers\n" \
	"      --date DATE             email: the date to put in the message\n" \
	"      --since WHEN            report: start with what changed since last,\n" \
	"                              a DATE or a SCAN number\n" \
	"      --include-contacts      include personal contact data\n" \
	"      --all                   show every item of long lists\n" \
	"      --color WHEN            auto (default), always or never\n" \
	"      --fail-on LIST          exit 1 when any of these is found: duplicate,\n" \
	"                              nested, overlap, overloaded, review, gaps,\n" \
	"                              duplicate_actors\n"

const cli_command cli_commands[] = {
	{"validate", cmd_validate, "check data files; writes nothing", "validate [options] PATH...",
	 "      --format FORMAT         text (default), json, github, sarif or gitlab\n"
	 "      --strict                warnings fail the run too (exit 1)\n"
	 "      --today DATE            the date for date warnings (default: today)\n"
	 "      --lang LANG             de or en (default: from the locale)\n" JOBS_HELP,
	 false, NULL},
	{"scan", cmd_scan, "validate, store a snapshot and print the overview",
	 "scan [options] PATH...", REPORT_HELP SCAN_JOBS_HELP, true, NULL},
	{"report", cmd_report, "print the overview of the latest snapshot", "report [options]",
	 REPORT_HELP ANALYSE_JOBS_HELP, true, NULL},
	{"show", cmd_show, "show one actor or committee", "show [options] ID|NAME",
	 "      --db FILE               the store (default netmap.db)\n"
	 "      --today DATE            analyse as of DATE (default: today)\n"
	 "      --lang LANG             de or en (default: from the locale)\n",
	 false, NULL},
	{"list", cmd_list, "list actors or committees", "list [options] actors|committees",
	 "      --db FILE               the store (default netmap.db)\n"
	 "      --type TYPE             actors of this type only\n"
	 "      --kind KIND             committees of this kind only\n"
	 "      --theme THEME           records on this theme only\n"
	 "      --status STATUS         committees with this status only\n"
	 "      --format FORMAT         text (default) or json\n"
	 "      --lang LANG             de or en (default: from the locale)\n",
	 false, NULL},
	{"scans", cmd_scans, "list the snapshots in the store", "scans [--db FILE] [--lang LANG]",
	 "      --db FILE               the store (default netmap.db)\n"
	 "      --lang LANG             de or en (default: from the locale)\n",
	 false, NULL},
	{"diff", cmd_diff, "what changed between two snapshots", "diff [options] [FROM] [TO]",
	 "      --db FILE               the store (default netmap.db)\n"
	 "      --format FORMAT         text (default) or json\n"
	 "      --lang LANG             de or en (default: from the locale)\n",
	 false, NULL},
	{"prune", cmd_prune, "drop old snapshots", "prune [--db FILE] --keep N",
	 "      --db FILE               the store (default netmap.db)\n"
	 "      --keep N                keep the N latest snapshots\n",
	 false, NULL},
	{"forget", cmd_forget, "erase one actor's personal data from the store",
	 "forget [--db FILE] ACTOR",
	 "      --db FILE               the store (default netmap.db)\n", false, NULL},
	{"export", cmd_export, "the network for Gephi or Graphviz, or the dataset as a workbook",
	 "export [options] --format graphml|gexf|dot|json|xlsx|ods|csv",
	 "      --db FILE               the store (default netmap.db)\n"
	 "      --format FORMAT         graphml, gexf, dot or json: the network;\n"
	 "                              xlsx, ods or csv (-o DIR): the dataset\n"
	 "      --lang LANG             xlsx, ods, csv: de or en (default: from the locale)\n"
	 "      --network NETWORK       members (default): actors and committees;\n"
	 "                              overlaps: committees linked by shared members\n"
	 "  -o, --output FILE           write to FILE instead of stdout\n"
	 "      --include-contacts      include personal contact data\n"
	 "      --today DATE            analyse as of DATE (default: today)\n"
	 "      (and the threshold options of 'netmap help report')\n",
	 false, NULL},
	{"schema", cmd_schema, "print the JSON Schema of the data files", "schema", "", false,
	 NULL},
	{"plan", cmd_plan, "what if: merge, dissolve or invite in memory and show the result",
	 "plan [options] [--merge ID,ID...]... [--dissolve ID]... [--invite ACTOR:COMMITTEE]...",
	 "      --merge A,B,...         merge B... into A: their members, leads, themes\n"
	 "                              and meeting rhythm go to A, the others are\n"
	 "                              dissolved\n"
	 "      --dissolve C            dissolve C\n"
	 "      --invite X:C            make actor X a member of committee C\n"
	 "                              (changes apply in the order given; the store is\n"
	 "                              only read, never written)\n"
	 "      --db FILE               the store (default netmap.db)\n"
	 "      --today DATE            analyse as of DATE (default: the snapshot's today)\n"
	 "      --format FORMAT         text (default), json, markdown, csv, html, email\n"
	 "      --lang LANG             de or en (default: from the locale)\n"
	 "      --table TABLE           csv: the table to write\n"
	 "      --to, --from, --subject email: the message's headers\n"
	 "      --date DATE             email: the date to put in the message\n"
	 "      --include-contacts      include personal contact data\n"
	 "      --all                   show every item of long lists\n"
	 "      --color WHEN            auto (default), always or never\n" ANALYSE_JOBS_HELP,
	 true,
	 "\nExample:\n"
	 "  netmap plan --merge ak-sprache,nw-sprachfoerderung --dissolve ag-wohnen-2019 \\\n"
	 "              --invite gesundheitslotsen:ak-gesundheit\n"
	 "  prints what merging, dissolving and inviting would change (duplicates\n"
	 "  resolved, seats saved), then the overview as it would be.\n"},
	{"init", cmd_init, "write an empty template to fill in",
	 "init [--lang de|en] [--format xlsx|ods|csv|yaml] [-o PATH] [--force]",
	 "      --lang LANG             de or en (default: from the locale)\n"
	 "      --format FORMAT         xlsx (default), ods, csv (a folder) or yaml (a folder)\n"
	 "  -o, --output PATH           where to write it (default netmap-vorlage.xlsx or\n"
	 "                              netmap-template.xlsx, by language and format)\n"
	 "      --force                 overwrite files that exist\n",
	 false, NULL},
	{"import", cmd_import, "read spreadsheets and YAML, write the dataset as YAML",
	 "import PATH... -o DIR [--force]",
	 "  -o, --output DIR            the folder to write the YAML files into\n"
	 "      --force                 overwrite files that exist\n"
	 "      --today DATE            the date for date warnings (default: today)\n" JOBS_HELP,
	 false, NULL},
	{"help", cmd_help, "show help for a command", "help [--lang LANG] [COMMAND]",
	 "      --lang LANG             de or en (default: from the locale)\n", false, NULL},
	{NULL, NULL, NULL, NULL, NULL, false, NULL},
};

const cli_command *cli_find(const char *name)
{
	for (const cli_command *c = cli_commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

static void main_usage(FILE *f)
{
	fputs("usage: netmap [--help] [--version] <command> [<args>]\n\n"
	      "netmap maps cooperation networks: which working groups duplicate each other,\n"
	      "who sits everywhere, which groups are stale and whose voices are missing.\n\n"
	      "Commands:\n",
	      f);
	for (const cli_command *c = cli_commands; c->name; c++)
		fprintf(f, "  %-10s %s\n", c->name, c->summary);
	fputs("\nTry 'netmap help COMMAND' for a command's options.\n", f);
}

int cmd_help(int argc, char **argv)
{
	const cli_command *c;
	cli_opts o;
	int rc = cli_parse(&o, "help", OPT_LANG, argc, argv);

	if (rc)
		return cli_parse_exit(rc);
	if (o.nargs == 0) {
		if (o.lang == NM_LANG_DE)
			cli_main_usage_de(stdout);
		else
			main_usage(stdout);
		return EXIT_OK;
	}
	if (o.nargs > 1)
		return cli_usage_error("help", "unexpected argument '%s'", o.args[1]), EXIT_TROUBLE;
	c = cli_find(o.args[0]);
	if (!c) {
		cli_error("unknown command '%s'", o.args[0]);
		fputs("Try 'netmap --help'\n", stderr);
		return EXIT_TROUBLE;
	}
	cli_print_help_in(c, o.lang, stdout);
	return EXIT_OK;
}

int main(int argc, char **argv)
{
	const cli_command *c;

	if (argc < 2) {
		main_usage(stderr);
		return EXIT_TROUBLE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		if (nm_lang_from_env() == NM_LANG_DE)
			cli_main_usage_de(stdout);
		else
			main_usage(stdout);
		return EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("netmap %s (data format %d; libyaml %s, SQLite %s)\n", NETMAP_VERSION,
		       NETMAP_FORMAT, nm_loader_libyaml_version(), nm_store_sqlite_version());
		return EXIT_OK;
	}
	c = cli_find(argv[1]);
	if (!c) {
		cli_error("unknown command '%s'", argv[1]);
		fputs("Try 'netmap --help'\n", stderr);
		return EXIT_TROUBLE;
	}
	return c->run(argc - 1, argv + 1);
}
