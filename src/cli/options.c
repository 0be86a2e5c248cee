/*
 * options.c: option parsing shared by the commands, and the output
 * helpers. Each command names the option groups it accepts; getopt_long
 * sees only those, so an option a command does not take is a usage error
 * there, answered with a short usage and exit 2.
 */
#include "cli.h"

#include "netmap/textfmt.h"

#include "netmap/report.h"
#include "netmap/report_csv.h"
#include "netmap/validate.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum {
	O_DB = 256,
	O_TODAY,
	O_FORMAT,
	O_FAIL_ON,
	O_ALL,
	O_COLOR,
	O_STRICT,
	O_HELP,
	O_TYPE,
	O_KIND,
	O_THEME,
	O_STATUS,
	O_LANG,
	O_TABLE,
	O_TO,
	O_FROM,
	O_SUBJECT,
	O_DATE,
	O_SINCE,
	O_CONTACTS,
	O_NETWORK,
	O_KEEP,
	O_JOBS,
	O_SETTING = 512 /* + the index of the setting in nm_setting_defs */
};

typedef struct opt_def {
	struct option opt;
	unsigned group;
} opt_def;

static const opt_def defs[] = {
	{{"db", required_argument, NULL, O_DB}, OPT_DB},
	{{"today", required_argument, NULL, O_TODAY}, OPT_TODAY},
	{{"format", required_argument, NULL, O_FORMAT}, OPT_FORMAT},
	{{"fail-on", required_argument, NULL, O_FAIL_ON}, OPT_FAIL_ON},
	{{"all", no_argument, NULL, O_ALL}, OPT_ALL},
	{{"color", required_argument, NULL, O_COLOR}, OPT_COLOR},
	{{"colour", required_argument, NULL, O_COLOR}, OPT_COLOR},
	{{"strict", no_argument, NULL, O_STRICT}, OPT_STRICT},
	{{"type", required_argument, NULL, O_TYPE}, OPT_FILTERS},
	{{"kind", required_argument, NULL, O_KIND}, OPT_FILTERS},
	{{"theme", required_argument, NULL, O_THEME}, OPT_FILTERS},
	{{"status", required_argument, NULL, O_STATUS}, OPT_FILTERS},
	{{"lang", required_argument, NULL, O_LANG}, OPT_LANG},
	{{"table", required_argument, NULL, O_TABLE}, OPT_OUTPUTS},
	{{"to", required_argument, NULL, O_TO}, OPT_OUTPUTS},
	{{"from", required_argument, NULL, O_FROM}, OPT_OUTPUTS},
	{{"subject", required_argument, NULL, O_SUBJECT}, OPT_OUTPUTS},
	{{"date", required_argument, NULL, O_DATE}, OPT_OUTPUTS},
	{{"since", required_argument, NULL, O_SINCE}, OPT_OUTPUTS},
	{{"include-contacts", no_argument, NULL, O_CONTACTS}, OPT_OUTPUTS | OPT_FILE},
	{{"output", required_argument, NULL, 'o'}, OPT_FILE},
	{{"network", required_argument, NULL, O_NETWORK}, OPT_NETWORK},
	{{"keep", required_argument, NULL, O_KEEP}, OPT_KEEP},
	{{"jobs", required_argument, NULL, O_JOBS}, OPT_JOBS},
};

void cli_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_message(stderr, "netmap: ", fmt, ap);
	va_end(ap);
}

void cli_print_settings(FILE *f, nm_lang lang)
{
	static const char *const arg[] = {"R", "N", "T,T", "ID,ID"}; /* by nm_setting_kind */
	nm_settings dflt;
	nm_buf b = NM_BUF_INIT, opt = NM_BUF_INIT, value = NM_BUF_INIT, text = NM_BUF_INIT;

	nm_settings_default(&dflt);
	for (size_t i = 0; i < NM_SETTINGS_N; i++) {
		const nm_setting_def *d = &nm_setting_defs[i];
		size_t col;

		nm_buf_clear(&opt);
		nm_buf_printf(&opt, "--%s %s", d->flag, arg[d->kind]);
		nm_buf_printf(&b, "      %-22s  ", nm_buf_cstr(&opt));
		col = 6 + (opt.len > 22 ? opt.len : 22) + 2;
		nm_buf_clear(&value);
		if (d->kind != NM_SETTING_IDS) /* coordinators: none by default */
			nm_setting_format(d, &dflt, &value);
		nm_buf_clear(&text);
		nm_buf_puts(&text, d->help[lang]);
		if (value.len)
			nm_buf_printf(&text, lang == NM_LANG_DE ? " (Vorgabe %s)" : " (default %s)",
				      nm_buf_cstr(&value));
		if (col + nm_text_width(nm_buf_cstr(&text)) <= 80 || !value.len) {
			nm_text_wrap(&b, nm_buf_cstr(&text), col, 30, 80);
		} else { /* the words, then the default on a line of its own */
			nm_text_wrap(&b, d->help[lang], col, 30, 80);
			nm_buf_printf(&b, "%30s", "");
			nm_buf_printf(&b, lang == NM_LANG_DE ? "(Vorgabe %s)\n" : "(default %s)\n",
				      nm_buf_cstr(&value));
		}
	}
	fputs(nm_buf_cstr(&b), f);
	nm_buf_release(&b);
	nm_buf_release(&opt);
	nm_buf_release(&value);
	nm_buf_release(&text);
}

void cli_print_help(const cli_command *c, FILE *f)
{
	fprintf(f, "usage: netmap %s\n\n%s.\n", c->usage, c->summary);
	if (c->help[0] || c->settings)
		fprintf(f, "\nOptions:\n%s", c->help);
	if (c->settings)
		cli_print_settings(f, NM_LANG_EN);
	fputs("  -h, --help                  show this help\n", f);
	if (c->example)
		fputs(c->example, f);
}

/* The language of the usage lines: the locale's, then --lang once parsed. */
static nm_lang usage_lang = NM_LANG_EN;

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	const cli_command *c = cli_find(cmd);
	va_list ap;

	va_start(ap, fmt);
	cli_message(stderr, "netmap: ", fmt, ap);
	va_end(ap);
	if (c)
		fprintf(stderr,
			usage_lang == NM_LANG_DE ? "Aufruf: netmap %s\n" : "usage: netmap %s\n",
			cli_usage_in(c, usage_lang));
	if (usage_lang == NM_LANG_DE)
		fprintf(stderr, "Mehr dazu: 'netmap help %s --lang de'\n", cmd);
	else
		fprintf(stderr, "Try 'netmap help %s'\n", cmd);
	return CLI_USAGE_SHOWN;
}

int cli_parse_exit(int rc)
{
	return rc == CLI_HELP_SHOWN ? EXIT_OK : EXIT_TROUBLE;
}

static int parse_count(const char *cmd, const char *name, const char *s, uint32_t *out)
{
	char *end;
	unsigned long long x;

	if (s[0] < '0' || s[0] > '9')
		return cli_usage_error(cmd, "--%s takes a whole number of at least 0, not '%s'",
				       name, s);
	x = strtoull(s, &end, 10);
	if (*end || x > UINT32_MAX)
		return cli_usage_error(cmd, "--%s takes a whole number of at least 0, not '%s'",
				       name, s);
	*out = (uint32_t)x;
	return 0;
}

static int parse_ratio(const char *cmd, const char *name, const char *s, nm_ratio *out)
{
	if (nm_ratio_parse(s, out) != 0)
		return cli_usage_error(cmd, "--%s takes a decimal from 0 to 1, not '%s'", name, s);
	return 0;
}

static int parse_types(const char *cmd, const char *flag, const char *s, uint32_t *out)
{
	char *copy = nm_xstrdup(s), *save = NULL;
	uint32_t mask = 0;
	int rc = 0;

	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		int t = nm_enum_lookup(nm_actor_type_names, NM_TYPE_COUNT, tok);
		if (t < 0) {
			const char *hint = nm_suggest(tok, nm_actor_type_names, NM_TYPE_COUNT);
			rc = hint ? cli_usage_error(
					    cmd,
					    "unknown actor type '%s' in --%s; did you mean '%s'?",
					    tok, flag, hint)
				  : cli_usage_error(cmd, "unknown actor type '%s' in --%s", tok,
						    flag);
			break;
		}
		mask |= 1u << t;
	}
	free(copy);
	*out = mask;
	return rc;
}

/* --<flag> VALUE of a setting, read by the kind of its value (nm_setting_defs). */
static int parse_setting(cli_opts *o, const nm_setting_def *d, char *value)
{
	nm_ratio r;
	uint32_t u = 0;
	int rc = 0;

	switch (d->kind) {
	case NM_SETTING_RATIO:
		if ((rc = parse_ratio(o->cmd, d->flag, value, &r)) == 0)
			nm_setting_set_ratio(&o->settings, d, r);
		break;
	case NM_SETTING_COUNT:
	case NM_SETTING_TYPES:
		rc = d->kind == NM_SETTING_COUNT ? parse_count(o->cmd, d->flag, value, &u)
						 : parse_types(o->cmd, d->flag, value, &u);
		if (rc == 0)
			nm_setting_set_number(&o->settings, d, u);
		break;
	case NM_SETTING_IDS: /* borrowed from argv; checked against the data */
		nm_setting_set_ids(&o->settings, d, value);
		break;
	}
	o->settings_mask |= d->bit;
	return rc;
}

/* The conditions of --fail-on: a name each, and how many of it an analysis found. */
static size_t found_duplicate(const nm_analysis *an)
{
	return nm_analysis_count_class(an, NM_CLASS_DUPLICATE);
}

static size_t found_nested(const nm_analysis *an)
{
	return nm_analysis_count_class(an, NM_CLASS_NESTED);
}

static size_t found_overlap(const nm_analysis *an)
{
	return nm_analysis_count_class(an, NM_CLASS_OVERLAP);
}

static size_t found_overloaded(const nm_analysis *an)
{
	return nm_analysis_count_overloaded(an);
}

static size_t found_review(const nm_analysis *an)
{
	return an->nreview;
}

static size_t found_gaps(const nm_analysis *an)
{
	return an->nuncovered_themes + an->nisolated_actors + an->nsingle_type_committees +
	       an->nmissing_voices;
}

static size_t found_duplicate_actors(const nm_analysis *an)
{
	return an->nduplicate_actors;
}

static const struct {
	const char *name;
	size_t (*found)(const nm_analysis *an);
} fail_on[] = {
	{"duplicate", found_duplicate},
	{"nested", found_nested},
	{"overlap", found_overlap},
	{"overloaded", found_overloaded},
	{"review", found_review},
	{"gaps", found_gaps},
	{"duplicate_actors", found_duplicate_actors},
};

#define NFAIL_ON (sizeof(fail_on) / sizeof(fail_on[0]))

/* --fail-on LIST: a bit (1u << the row of fail_on) per condition named. */
static int parse_fail_on(const char *cmd, const char *s, unsigned *out)
{
	char *copy = nm_xstrdup(s), *save = NULL;
	int rc = 0;

	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		size_t i = 0;

		while (i < NFAIL_ON && strcmp(fail_on[i].name, tok) != 0)
			i++;
		if (i == NFAIL_ON) {
			nm_buf names = NM_BUF_INIT;

			for (size_t k = 0; k < NFAIL_ON; k++)
				nm_buf_printf(&names, "%s%s", k ? ", " : "", fail_on[k].name);
			rc = cli_usage_error(cmd, "unknown --fail-on condition '%s' (one of %s)",
					     tok, nm_buf_cstr(&names));
			nm_buf_release(&names);
			break;
		}
		*out |= 1u << i;
	}
	free(copy);
	return rc;
}

/* --jobs N and NETMAP_JOBS: a whole number from 1 (what is more than
 * there are files to read is harmless: no more threads start than files). */
static int parse_jobs(const char *cmd, const char *name, const char *s, unsigned *out)
{
	char *end = NULL;
	unsigned long long x;

	if (s[0] < '1' || s[0] > '9')
		x = 0;
	else
		x = strtoull(s, &end, 10);
	if (x == 0 || *end || x > 4096)
		return cli_usage_error(cmd, "%s takes a whole number from 1 to 4096, not '%s'",
				       name, s);
	*out = (unsigned)x;
	return 0;
}

/* The default of --jobs: NETMAP_JOBS, or the number of cores. */
static int default_jobs(const char *cmd, unsigned *out)
{
	const char *env = getenv("NETMAP_JOBS");
	long cores;

	if (env && env[0])
		return parse_jobs(cmd, "NETMAP_JOBS", env, out);
	cores = sysconf(_SC_NPROCESSORS_ONLN);
	*out = cores < 1 ? 1 : cores > 4096 ? 4096 : (unsigned)cores;
	return 0;
}

int cli_parse(cli_opts *o, const char *cmd, unsigned groups, int argc, char **argv)
{
	struct option longopts[sizeof(defs) / sizeof(defs[0]) + NM_SETTINGS_N + 2];
	size_t n = 0;
	int c, rc = 0, nops = 0;
	bool help = false, jobs_given = false;

	memset(o, 0, sizeof(*o));
	o->cmd = cmd;
	o->db = "netmap.db";
	o->format = "text";
	o->color = -1;
	o->today = nm_date_today();
	o->lang = nm_lang_from_env();
	usage_lang = o->lang;
	o->date = NM_DATE_NONE;
	o->network = "members";
	o->keep = -1;
	nm_settings_default(&o->settings);
	for (size_t i = 0; i < sizeof(defs) / sizeof(defs[0]); i++)
		if (defs[i].group & groups)
			longopts[n++] = defs[i].opt;
	for (size_t i = 0; i < NM_SETTINGS_N && (groups & OPT_SETTINGS); i++)
		longopts[n++] = (struct option){nm_setting_defs[i].flag, required_argument, NULL,
						O_SETTING + (int)i};
	longopts[n++] = (struct option){"help", no_argument, NULL, O_HELP};
	longopts[n] = (struct option){NULL, 0, NULL, 0};

	/*
	 * Options and operands in any order, as git takes them: "-" makes
	 * getopt hand over each operand in place (case 1), whatever
	 * POSIXLY_CORRECT says, and the operands are gathered at the front of
	 * argv in their order; "--" ends the options. ":" makes a missing
	 * value case ':' (it was reported as an unknown option '-\0').
	 */
	optind = 1;
	opterr = 0;
	while (rc == 0 && (c = getopt_long(argc, argv, (groups & OPT_FILE) ? "-:ho:" : "-:h",
					   longopts, NULL)) != -1) {
		if (c >= O_SETTING && c < O_SETTING + NM_SETTINGS_N) {
			rc = parse_setting(o, &nm_setting_defs[c - O_SETTING], optarg);
			continue;
		}
		switch (c) {
		case 1:
			argv[1 + nops++] = optarg; /* never past optind - 1: nothing unread moves */
			break;
		case 'h':
		case O_HELP:
			help = true;
			break;
		case O_DB:
			o->db = optarg;
			break;
		case O_TODAY:
			if (nm_date_parse(optarg, &o->today) != 0)
				rc = cli_usage_error(cmd,
						     "--today takes a date YYYY-MM-DD, not '%s'",
						     optarg);
			o->today_given = true;
			break;
		case O_FORMAT:
			o->format = optarg;
			break;
		case O_FAIL_ON:
			rc = parse_fail_on(cmd, optarg, &o->fail_on);
			break;
		case O_ALL:
			o->all = true;
			break;
		case O_COLOR:
			if (strcmp(optarg, "auto") == 0)
				o->color = -1;
			else if (strcmp(optarg, "always") == 0)
				o->color = 1;
			else if (strcmp(optarg, "never") == 0)
				o->color = 0;
			else
				rc = cli_usage_error(
					cmd, "--color takes auto, always or never, not '%s'",
					optarg);
			break;
		case O_STRICT:
			o->strict = true;
			break;
		case O_TYPE:
			o->type = optarg;
			break;
		case O_KIND:
			o->kind = optarg;
			break;
		case O_THEME:
			o->theme = optarg;
			break;
		case O_STATUS:
			o->status = optarg;
			break;
		case O_LANG:
			if (nm_lang_parse(optarg, &o->lang) != 0)
				rc = cli_usage_error(cmd, "--lang takes de or en, not '%s'",
						     optarg);
			usage_lang = o->lang;
			break;
		case O_TABLE:
			o->table = optarg;
			break;
		case O_TO:
			o->to = optarg;
			break;
		case O_FROM:
			o->from = optarg;
			break;
		case O_SUBJECT:
			o->subject = optarg;
			break;
		case O_DATE:
			if (nm_date_parse(optarg, &o->date) != 0)
				rc = cli_usage_error(cmd,
						     "--date takes a date YYYY-MM-DD, not '%s'",
						     optarg);
			break;
		case O_SINCE:
			o->since = optarg;
			break;
		case O_CONTACTS:
			o->include_contacts = true;
			break;
		case 'o':
			o->output = optarg;
			break;
		case O_NETWORK:
			if (strcmp(optarg, "members") != 0 && strcmp(optarg, "overlaps") != 0)
				rc = cli_usage_error(
					cmd, "--network takes members or overlaps, not '%s'",
					optarg);
			o->network = optarg;
			break;
		case O_JOBS:
			rc = parse_jobs(cmd, "--jobs", optarg, &o->jobs);
			jobs_given = true;
			break;
		case O_KEEP: {
			uint32_t k = 0;
			rc = parse_count(cmd, "keep", optarg, &k);
			o->keep = (long)k;
			break;
		}
		case ':':
			rc = cli_usage_error(cmd, "option '%s' needs a value", argv[optind - 1]);
			break;
		default:
			if (optopt)
				rc = cli_usage_error(cmd, "unknown option '-%c'", optopt);
			else
				rc = cli_usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
			break;
		}
	}
	if (rc == 0 && (groups & OPT_JOBS) && !jobs_given && !help)
		rc = default_jobs(cmd, &o->jobs);
	if (rc)
		return rc;
	while (optind < argc)
		argv[1 + nops++] = argv[optind++]; /* after "--" */
	if (help) {
		cli_print_help_in(cli_find(cmd), o->lang, stdout);
		return CLI_HELP_SHOWN;
	}
	o->args = argv + 1;
	o->nargs = nops;
	return 0;
}

bool cli_write_stdout(const nm_buf *b)
{
	return cli_write(stdout, b, 0);
}

bool cli_use_color(const cli_opts *o)
{
	const char *no = getenv("NO_COLOR");

	if (o->color >= 0)
		return o->color == 1;
	return isatty(STDOUT_FILENO) && !(no && no[0]);
}

void cli_diags_text(nm_buf *b, const nm_diags *d, nm_lang lang)
{
	for (size_t i = 0; i < d->n; i++) {
		const nm_diag *x = &d->items[i];
		const char *sev = x->severity == NM_SEV_ERROR ? "error" : "warning";
		/* One problem, one line: a newline from the data is shown, not written. */
		{
			nm_buf place = NM_BUF_INIT;
			nm_diags_place(d, x->file, x->line, x->col, &place);
			cli_visible(b, place.ptr);
			nm_buf_release(&place);
		}
		nm_buf_printf(b, ": %s: ", sev); /* never translated (contract 2.7) */
		cli_visible(b, nm_diag_text(x, lang == NM_LANG_DE));
		nm_buf_putc(b, '\n');
	}
	if (d->dropped)
		nm_buf_printf(b,
			      lang == NM_LANG_DE ? "netmap: %zu weitere Probleme nicht aufgeführt\n"
						 : "netmap: %zu more problems not listed\n",
			      d->dropped);
}

int cli_fail_on(const cli_opts *o, const nm_analysis *an)
{
	for (size_t i = 0; i < NFAIL_ON; i++)
		if ((o->fail_on & (1u << i)) && fail_on[i].found(an))
			return EXIT_FINDINGS;
	return EXIT_OK;
}

void cli_report_opts(const cli_opts *o, nm_report_opts *ro, long long snapshot)
{
	nm_report_opts_init(ro);
	ro->all = o->all;
	ro->color = cli_use_color(o);
	ro->snapshot = snapshot;
	ro->lang = o->lang;
	ro->table = o->table;
	ro->include_contacts = o->include_contacts;
	ro->to = o->to;
	ro->from = o->from;
	ro->subject = o->subject;
	ro->date = o->date;
}

int cli_check_format(const cli_opts *o)
{
	if (!nm_report_find(o->format))
		return cli_usage_error(o->cmd, "unknown format '%s' (%s)", o->format,
				       nm_report_formats());
	if (strcmp(o->format, "csv") == 0 && !o->table)
		return cli_usage_error(o->cmd, "--format csv needs --table (%s)", nm_csv_tables());
	if (strcmp(o->format, "csv") == 0 && !nm_csv_table_known(o->table))
		return cli_usage_error(o->cmd, "unknown --table '%s' (%s)", o->table,
				       nm_csv_tables());
	return 0;
}

int cli_render(const cli_opts *o, const nm_analysis *an, long long snapshot)
{
	const nm_report_writer *w = nm_report_find(o->format);
	nm_report_opts ro;
	nm_buf out = NM_BUF_INIT;
	bool ok;

	cli_report_opts(o, &ro, snapshot);
	w->write(&out, an, &ro);
	ok = cli_write_output(o, &out);
	nm_buf_release(&out);
	return ok ? EXIT_OK : EXIT_TROUBLE;
}
