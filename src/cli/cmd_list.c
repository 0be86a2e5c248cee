/*
 * cmd_list.c: `netmap list actors|committees`, a filtered table of the
 * latest snapshot's records (text, or JSON for scripts), and `netmap
 * scans`, the snapshots in the store.
 *
 * The text table fits the terminal: $COLUMNS, else the terminal's width,
 * else 80 columns. Ids, types, kinds and counts are the contract's data
 * and are never cut; only names are, with "…", and never below the
 * width of their heading (a table too wide for the screen rather than a
 * cut id). Headings follow --lang; the values stay as the data writes
 * them, the words --type and --kind take.
 */
#include "cli.h"

#include "netmap/json.h"
#include "netmap/store.h"
#include "netmap/textfmt.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static const nm_msg words[] = {
	{"NAME", "NAME"},
	{"TYPE", "TYP"},
	{"KIND", "ART"},
	{"IN", "IN"},
	{"MEM", "MITGL"},
	{"SCAN", "SCAN"},
	{"TAKEN (UTC)", "AUFGENOMMEN (UTC)"},
	{"TODAY", "STICHTAG"},
	{"ACTORS", "AKTEURE"},
	{"COMMITTEES", "GREMIEN"},
	{"MEMBERSHIPS", "MITGLIEDSCHAFTEN"},
	{"DATASET", "DATENSATZ"},
};

#define W(lang, en) NM_TR(words, (lang), en)

/* Names are never cut to fewer columns than this. */
#define NAME_MIN 10

/* The width to fit: $COLUMNS, the terminal's, or 80. */
static size_t screen_width(void)
{
	const char *env = getenv("COLUMNS");
	struct winsize ws;

	if (env && env[0] >= '1' && env[0] <= '9') {
		char *end;
		long v = strtol(env, &end, 10);
		if (*end == '\0' && v > 0 && v <= 10000)
			return (size_t)v;
	}
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

static bool has_theme(const nm_dataset *ds, const uint32_t *t, size_t n, const char *theme)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(ds->themes[t[i]].id, theme) == 0)
			return true;
	return false;
}

static int check_enum(const char *what, const char *value, const char *const *names, int n)
{
	if (value && nm_enum_lookup(names, n, value) < 0)
		return cli_usage_error("list", "unknown %s '%s'", what, value);
	return 0;
}

/* One record of the table. */
typedef struct row {
	const char *id, *name, *c1, *c2;
	size_t n;
} row;

static size_t shown_width(const char *s)
{
	nm_buf shown = NM_BUF_INIT;
	size_t w;

	cli_visible(&shown, s);
	w = nm_text_width(nm_buf_cstr(&shown));
	nm_buf_release(&shown);
	return w;
}

/* s shown (cli_visible), cut to width columns when cut is set, padded to width. */
static void cell(nm_buf *b, const char *s, size_t width, bool cut)
{
	nm_buf shown = NM_BUF_INIT;

	cli_visible(&shown, s);
	if (cut) {
		nm_text_fit(b, nm_buf_cstr(&shown), width, 1);
	} else {
		nm_buf_puts(b, nm_buf_cstr(&shown));
		for (size_t w = nm_text_width(nm_buf_cstr(&shown)); w < width; w++)
			nm_buf_putc(b, ' ');
	}
	nm_buf_release(&shown);
}

static void write_json(nm_buf *b, const row *rows, size_t n)
{
	nm_buf_putc(b, '[');
	for (size_t i = 0; i < n; i++) {
		const row *r = &rows[i];
		nm_buf_puts(b, i ? ",\n  " : "\n  ");
		nm_buf_puts(b, "{\"id\": ");
		nm_json_str(b, r->id);
		nm_buf_puts(b, ", \"name\": ");
		nm_json_str(b, r->name);
		nm_buf_puts(b, r->c2 ? ", \"kind\": " : ", \"type\": ");
		nm_json_str(b, r->c1);
		if (r->c2) {
			nm_buf_puts(b, ", \"status\": ");
			nm_json_str(b, r->c2);
		}
		nm_buf_printf(b, ", \"%s\": %zu}", r->c2 ? "members" : "committees", r->n);
	}
	nm_buf_puts(b, n ? "\n]\n" : "]\n");
}

static void write_table(nm_buf *b, const row *rows, size_t n, bool actors, nm_lang lang)
{
	const char *h1 = actors ? W(lang, "TYPE") : W(lang, "KIND");
	const char *hn = actors ? W(lang, "IN") : W(lang, "MEM");
	size_t idw = 2, namew = nm_text_width(W(lang, "NAME")), c1w = nm_text_width(h1);
	size_t nw = nm_text_width(hn), longest = namew, fixed, width = screen_width();

	for (size_t i = 0; i < n; i++) {
		char digits[24];
		size_t w;
		if ((w = shown_width(rows[i].id)) > idw)
			idw = w;
		if ((w = shown_width(rows[i].name)) > longest)
			longest = w;
		if ((w = shown_width(rows[i].c1)) > c1w)
			c1w = w;
		if ((w = (size_t)snprintf(digits, sizeof(digits), "%zu", rows[i].n)) > nw)
			nw = w;
	}
	/* Names get what is left, at least NAME_MIN columns, at most their longest. */
	fixed = idw + 1 + 1 + c1w + 1 + nw;
	if (namew < NAME_MIN)
		namew = NAME_MIN;
	if (width > fixed && width - fixed > namew)
		namew = width - fixed;
	if (namew > longest)
		namew = longest;

	cell(b, "ID", idw, false);
	nm_buf_putc(b, ' ');
	cell(b, W(lang, "NAME"), namew, false);
	nm_buf_putc(b, ' ');
	cell(b, h1, c1w, false);
	nm_buf_printf(b, " %*s\n", (int)nw, hn);
	for (size_t i = 0; i < n; i++) {
		cell(b, rows[i].id, idw, false);
		nm_buf_putc(b, ' ');
		cell(b, rows[i].name, namew, true);
		nm_buf_putc(b, ' ');
		cell(b, rows[i].c1, c1w, false);
		nm_buf_printf(b, " %*zu\n", (int)nw, rows[i].n);
	}
}

int cmd_list(int argc, char **argv)
{
	cli_opts o;
	nm_dataset *ds;
	nm_buf out = NM_BUF_INIT;
	bool actors, json;
	size_t *count, nrows = 0;
	row *rows;
	int rc, status;

	rc = cli_parse(&o, "list", OPT_DB | OPT_FILTERS | OPT_FORMAT | OPT_LANG, argc, argv);
	if (rc)
		return cli_parse_exit(rc);
	if (o.nargs != 1 ||
	    (strcmp(o.args[0], "actors") != 0 && strcmp(o.args[0], "committees") != 0))
		return cli_usage_error("list", "say what to list: actors or committees"),
		       EXIT_TROUBLE;
	if (strcmp(o.format, "text") != 0 && strcmp(o.format, "json") != 0)
		return cli_usage_error("list", "unknown format '%s' (text or json)", o.format),
		       EXIT_TROUBLE;
	if (check_enum("actor type", o.type, nm_actor_type_names, NM_TYPE_COUNT) ||
	    check_enum("kind", o.kind, nm_kind_names, NM_KIND_COUNT) ||
	    check_enum("status", o.status, nm_status_names, NM_STATUS_COUNT))
		return EXIT_TROUBLE;
	actors = strcmp(o.args[0], "actors") == 0;
	json = strcmp(o.format, "json") == 0;
	status = cli_load_latest(&o, &ds, NULL, NULL); /* records only: no analysis */
	if (status != EXIT_OK)
		return status;

	count = nm_xcalloc((actors ? ds->nactors : ds->ncommittees) + 1, sizeof(size_t));
	rows = nm_xcalloc((actors ? ds->nactors : ds->ncommittees) + 1, sizeof(row));
	for (size_t i = 0; i < ds->nmemberships; i++)
		count[actors ? ds->memberships[i].actor : ds->memberships[i].committee]++;
	if (actors) {
		for (size_t i = 0; i < ds->nactors; i++) {
			const nm_actor *a = &ds->actors[i];
			if ((o.type && strcmp(nm_actor_type_names[a->type], o.type) != 0) ||
			    (o.theme && !has_theme(ds, a->themes, a->nthemes, o.theme)) || o.kind ||
			    o.status)
				continue;
			rows[nrows++] = (row){a->id, a->name, nm_actor_type_names[a->type], NULL,
					      count[i]};
		}
	} else {
		for (size_t i = 0; i < ds->ncommittees; i++) {
			const nm_committee *c = &ds->committees[i];
			if ((o.kind && strcmp(nm_kind_names[c->kind], o.kind) != 0) ||
			    (o.status && strcmp(nm_status_names[c->status], o.status) != 0) ||
			    (o.theme && !has_theme(ds, c->themes, c->nthemes, o.theme)) || o.type)
				continue;
			rows[nrows++] = (row){c->id, c->name, nm_kind_names[c->kind],
					      nm_status_names[c->status], count[i]};
		}
	}
	if (json)
		write_json(&out, rows, nrows);
	else
		write_table(&out, rows, nrows, actors, o.lang);
	if (!cli_write_stdout(&out))
		status = EXIT_TROUBLE;
	free(rows);
	free(count);
	nm_buf_release(&out);
	nm_dataset_free(ds);
	return status;
}

int cmd_scans(int argc, char **argv)
{
	cli_opts o;
	nm_store *store = NULL;
	nm_snapshot_info *list = NULL;
	nm_buf out = NM_BUF_INIT;
	nm_error err;
	size_t n = 0;
	int rc, status = EXIT_OK;
	int wa, wc, wm;

	rc = cli_parse(&o, "scans", OPT_DB | OPT_LANG, argc, argv);
	if (rc)
		return cli_parse_exit(rc);
	if (o.nargs > 0)
		return cli_usage_error("scans", "unexpected argument '%s'", o.args[0]),
		       EXIT_TROUBLE;
	nm_error_clear(&err);
	if (nm_store_open(&store, o.db, NM_STORE_READ, &err) != NM_OK ||
	    nm_store_list(store, &list, &n, &err) != NM_OK) {
		cli_error("%s", err.message);
		nm_store_close(store);
		return EXIT_TROUBLE;
	}
	nm_store_close(store);
	/* Columns as wide as their headings (the English ones as always). */
	wa = (int)nm_text_width(W(o.lang, "ACTORS"));
	wc = (int)nm_text_width(W(o.lang, "COMMITTEES"));
	wm = (int)nm_text_width(W(o.lang, "MEMBERSHIPS"));
	nm_buf_printf(&out, "%s  ", W(o.lang, "SCAN"));
	cell(&out, W(o.lang, "TAKEN (UTC)"), 20, false);
	nm_buf_puts(&out, "  ");
	cell(&out, W(o.lang, "TODAY"), 10, false);
	nm_buf_printf(&out, "  %*s  %*s  %*s  %s\n", wa, W(o.lang, "ACTORS"), wc,
		      W(o.lang, "COMMITTEES"), wm, W(o.lang, "MEMBERSHIPS"), W(o.lang, "DATASET"));
	for (size_t i = 0; i < n; i++) {
		nm_buf_printf(&out, "%4lld  ", (long long)list[i].id);
		cell(&out, list[i].taken_at, 20, false);
		nm_buf_printf(&out, "  %s  %*zu  %*zu  %*zu  ",
			      nm_i18n_date_str(o.lang, list[i].today).s, wa, list[i].nactors, wc,
			      list[i].ncommittees, wm, list[i].nmemberships);
		cli_visible(&out, list[i].dataset ? list[i].dataset : "-");
		nm_buf_putc(&out, '\n');
		nm_snapshot_info_release(&list[i]);
	}
	free(list);
	if (!cli_write_stdout(&out))
		status = EXIT_TROUBLE;
	nm_buf_release(&out);
	return status;
}
