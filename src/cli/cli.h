/*
 * cli.h: what the commands share: parsed options, the dispatch table's
 * command signature, and output helpers that check for write errors.
 */
#ifndef NETMAP_CLI_H
#define NETMAP_CLI_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <time.h>

#include "netmap/analysis.h"
#include "netmap/buf.h"
#include "netmap/diag.h"
#include "netmap/i18n.h"
#include "netmap/model.h"

enum {
	EXIT_OK = 0,
	EXIT_FINDINGS = 1, /* invalid data, or a --fail-on finding */
	EXIT_TROUBLE = 2   /* usage, input or store error */
};

/*
 * What the parsing helpers return besides 0: positive and far above the
 * exit statuses, so never mistaken for an NM_E... code (all negative) or
 * for a status to exit with.
 */
enum {
	CLI_HELP_SHOWN = 1000, /* --help was printed: exit EXIT_OK */
	CLI_USAGE_SHOWN = 1001 /* a usage error was printed: exit EXIT_TROUBLE */
};
/* The exit status for what cli_parse returned when it was not 0. */
int cli_parse_exit(int rc);

/* Option groups a command accepts. */
enum {
	OPT_DB = 1 << 0,
	OPT_TODAY = 1 << 1,
	OPT_FORMAT = 1 << 2,
	OPT_SETTINGS = 1 << 3,
	OPT_FAIL_ON = 1 << 4,
	OPT_ALL = 1 << 5,
	OPT_COLOR = 1 << 6,
	OPT_STRICT = 1 << 7,
	OPT_FILTERS = 1 << 8,
	OPT_LANG = 1 << 9,     /* --lang */
	OPT_OUTPUTS = 1 << 10, /* --table, --to, --from, --subject, --date,
				    --include-contacts, --since */
	OPT_FILE = 1 << 11,    /* -o FILE */
	OPT_NETWORK = 1 << 12, /* --network */
	OPT_KEEP = 1 << 13,    /* --keep N */
	OPT_JOBS = 1 << 14     /* --jobs N (and NETMAP_JOBS): threads that read */
};

typedef struct cli_opts {
	const char *cmd;
	const char *db;
	nm_date today;
	bool today_given;
	const char *format;
	nm_settings settings;   /* values given as flags (coordinators: argv's) */
	unsigned settings_mask; /* which of them were given */
	unsigned fail_on;
	bool all;
	int color; /* -1 auto, 0 never, 1 always */
	bool strict;
	const char *type, *kind, *theme, *status; /* list filters */
	nm_lang lang;                             /* --lang, or from the locale environment */
	const char *table;                        /* csv: the table */
	const char *to, *from, *subject;          /* email headers */
	nm_date date;                             /* email --date, NM_DATE_NONE when not given */
	const char *since;                        /* report --since last|DATE|SCAN */
	bool include_contacts;                    /* personal data in reports and exports */
	const char *output;                       /* -o FILE, NULL for stdout */
	const char *network;                      /* export: members (default) or overlaps */
	long keep;                                /* prune --keep N, -1 when not given */
	unsigned jobs;                            /* --jobs, NETMAP_JOBS, or the number of cores */
	char **args;                              /* operands */
	int nargs;
} cli_opts;

typedef struct cli_command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
	const char *usage;   /* the synopsis after "netmap " */
	const char *help;    /* the options, one per line */
	bool settings;       /* the threshold options (nm_setting_defs) follow them */
	const char *example; /* after the options, or NULL */
} cli_command;

extern const cli_command cli_commands[];
const cli_command *cli_find(const char *name);

/*
 * Parse argv for cmd with the option groups allowed, options and operands
 * in any order ("--" ends the options; the operands keep their order).
 * Returns CLI_HELP_SHOWN after --help was printed, CLI_USAGE_SHOWN after a
 * usage error was printed, 0 otherwise.
 */
int cli_parse(cli_opts *o, const char *cmd, unsigned groups, int argc, char **argv);
int cli_usage_error(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
void cli_print_help(const cli_command *c, FILE *f);
/* The lines of the threshold options, from nm_setting_defs, in lang. */
void cli_print_settings(FILE *f, nm_lang lang);
/* help.c: the help of c in lang (German where help.c has it), its synopsis. */
void cli_print_help_in(const cli_command *c, nm_lang lang, FILE *f);
const char *cli_usage_in(const cli_command *c, nm_lang lang);
/* `netmap help` in German. */
void cli_main_usage_de(FILE *f);

/* Print a message prefixed "netmap: " on stderr. */
void cli_error(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;

/* Write b to stdout and flush; false (with a message) on a write error. */
bool cli_write_stdout(const nm_buf *b);

/*
 * print.c: everything the command line prints goes through cli_print,
 * which writes every control character, bidirectional override and
 * broken byte as a visible escape (nm_text_escape); newline and tab stay.
 */
enum {
	CLI_PRINT_COLOR = 1 << 0, /* let the text report's colour sequences through */
	CLI_PRINT_RAW = 1 << 1    /* a format that escapes itself: CSV, e-mail, HTML, ... */
};
bool cli_print(FILE *f, const char *s, size_t len);
bool cli_print_mode(FILE *f, const char *s, size_t len, unsigned mode);
/* Write b to f under mode and flush; false (with a message) on a write error. */
bool cli_write(FILE *f, const nm_buf *b, unsigned mode);
/*
 * A report or an export in o->format: JSON and text escaped as above (the
 * text report's colours kept), the formats with escaping of their own as
 * their writers wrote them.
 */
bool cli_write_output(const struct cli_opts *o, const nm_buf *b);
/* Append s with every control character escaped, newline and tab too. */
void cli_visible(nm_buf *b, const char *s);
/* Print prefix, the formatted message escaped, and a newline on f. */
void cli_message(FILE *f, const char *prefix, const char *fmt, va_list ap);

/*
 * NETMAP_TIMING=1: how long the phase name took since *since, on stderr,
 * so that a benchmark can say where the time goes; *since becomes now.
 */
void cli_phase(const char *name, struct timespec *since);

/* Whether colour is on for stdout under the options. */
bool cli_use_color(const cli_opts *o);

/* The problems list, as `path:line:col: error: message` lines. */
/* Problems as text lines, in German where they have it (lang). */
void cli_diags_text(nm_buf *b, const nm_diags *d, nm_lang lang);

/* Exit status for --fail-on over an analysis: 1 when any condition holds. */
int cli_fail_on(const cli_opts *o, const nm_analysis *an);

/* Fill report options from the command's options. */
struct nm_report_opts;
void cli_report_opts(const cli_opts *o, struct nm_report_opts *ro, long long snapshot);

/* Check --format (and --table for csv); 0, or CLI_USAGE_SHOWN. */
int cli_check_format(const cli_opts *o);

/* Render an analysis in o->format to stdout; EXIT_OK or EXIT_TROUBLE. */
int cli_render(const cli_opts *o, const nm_analysis *an, long long snapshot);

/*
 * The writer of a `validate --format` for code-review tools (sarif,
 * gitlab), or NULL; failure: why the run did not finish, or NULL.
 */
typedef void (*cli_diags_writer)(nm_buf *b, const nm_diags *d, const char *failure);
cli_diags_writer cli_validate_writer(const char *format);

int cmd_validate(int argc, char **argv);
int cmd_scan(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_scans(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_prune(int argc, char **argv);
int cmd_forget(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_schema(int argc, char **argv);
int cmd_plan(int argc, char **argv);
int cmd_init(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_help(int argc, char **argv);

/*
 * Load the latest snapshot of o->db and, when an is not NULL, analyse it;
 * EXIT_OK or EXIT_TROUBLE (printed).
 */
int cli_load_latest(const cli_opts *o, nm_dataset **ds, nm_analysis **an, int64_t *id);

/*
 * Every id of --coordinators must be an actor of ds: 0, or -2 after a
 * usage error with a did-you-mean (contract 7.1).
 */
int cli_check_coordinators(const cli_opts *o, const nm_dataset *ds);

#endif
