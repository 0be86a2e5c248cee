/*
 * cmd_list.c: `netmap list actors|committees`, a filtered table of the
 * latest snapshot's records (text, or JSON for scripts), and `netmap
 * scans`, the snapshots in the store.
 */
#include "cli.h"

#include "netmap/json.h"
#include "netmap/store.h"
#include "netmap/textfmt.h"

#include <stdlib.h>
#include <string.h>

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

/* s shown (cli_visible), cut or padded to width columns. */
static void cell(nm_buf *b, const char *s, size_t width)
{
	nm_buf shown = NM_BUF_INIT;

	cli_visible(&shown, s);
	nm_text_fit(b, shown.ptr, width, 1);
	nm_buf_release(&shown);
}

static void row(nm_buf *b, bool json, bool *first, const char *id, const char *name,
		const char *c1, const char *c2, size_t n)
{
	if (json) {
		nm_buf_puts(b, *first ? "\n  " : ",\n  ");
		nm_buf_puts(b, "{\"id\": ");
		nm_json_str(b, id);
		nm_buf_puts(b, ", \"name\": ");
		nm_json_str(b, name);
		nm_buf_puts(b, c2 ? ", \"kind\": " : ", \"type\": ");
		nm_json_str(b, c1);
		if (c2) {
			nm_buf_puts(b, ", \"status\": ");
			nm_json_str(b, c2);
		}
		nm_buf_printf(b, ", \"%s\": %zu}", c2 ? "members" : "committees", n);
	} else {
		cell(b, id, 24);
		nm_buf_putc(b, ' ');
		cell(b, name, 34);
		nm_buf_putc(b, ' ');
		cell(b, c1, 14);
		nm_buf_printf(b, " %3zu\n", n);
	}
	*first = false;
}

int cmd_list(int argc, char **argv)
{
	cli_opts o;
	nm_dataset *ds;
	nm_buf out = NM_BUF_INIT;
	bool actors, json, first = true;
	size_t *count;
	int rc, status;

	rc = cli_parse(&o, "list", OPT_DB | OPT_FILTERS | OPT_FORMAT, argc, argv);
	if (rc)
		return rc == -1 ? EXIT_OK : EXIT_TROUBLE;
	if (o.nargs != 1 || (strcmp(o.args[0], "actors") != 0 && strcmp(o.args[0], "committees") != 0))
		return cli_usage_error("list", "say what to list: actors or committees"), EXIT_TROUBLE;
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
	for (size_t i = 0; i < ds->nmemberships; i++)
		count[actors ? ds->memberships[i].actor : ds->memberships[i].committee]++;
	if (json)
		nm_buf_putc(&out, '[');
	else if (actors)
		nm_buf_puts(&out, "ID                       NAME                               TYPE           IN\n");
	else
		nm_buf_puts(&out, "ID                       NAME                               KIND          MEM\n");
	if (actors) {
		for (size_t i = 0; i < ds->nactors; i++) {
			const nm_actor *a = &ds->actors[i];
			if ((o.type && strcmp(nm_actor_type_names[a->type], o.type) != 0) ||
			    (o.theme && !has_theme(ds, a->themes, a->nthemes, o.theme)) || o.kind ||
			    o.status)
				continue;
			row(&out, json, &first, a->id, a->name, nm_actor_type_names[a->type], NULL,
			    count[i]);
		}
	} else {
		for (size_t i = 0; i < ds->ncommittees; i++) {
			const nm_committee *c = &ds->committees[i];
			if ((o.kind && strcmp(nm_kind_names[c->kind], o.kind) != 0) ||
			    (o.status && strcmp(nm_status_names[c->status], o.status) != 0) ||
			    (o.theme && !has_theme(ds, c->themes, c->nthemes, o.theme)) || o.type)
				continue;
			row(&out, json, &first, c->id, c->name, nm_kind_names[c->kind],
			    nm_status_names[c->status], count[i]);
		}
	}
	if (json)
		nm_buf_puts(&out, first ? "]\n" : "\n]\n");
	if (!cli_write_stdout(&out))
		status = EXIT_TROUBLE;
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

	rc = cli_parse(&o, "scans", OPT_DB, argc, argv);
	if (rc)
		return rc == -1 ? EXIT_OK : EXIT_TROUBLE;
	nm_error_clear(&err);
	if (nm_store_open(&store, o.db, NM_STORE_READ, &err) != NM_OK ||
	    nm_store_list(store, &list, &n, &err) != NM_OK) {
		cli_error("%s", err.message);
		nm_store_close(store);
		return EXIT_TROUBLE;
	}
	nm_store_close(store);
	nm_buf_puts(&out, "SCAN  TAKEN (UTC)           TODAY       ACTORS  COMMITTEES  MEMBERSHIPS  DATASET\n");
	for (size_t i = 0; i < n; i++) {
		char today[11];
		nm_date_format(list[i].today, today);
		nm_buf_printf(&out, "%4lld  %-20s  %s  %6zu  %10zu  %11zu  ", (long long)list[i].id,
			      list[i].taken_at, today, list[i].nactors, list[i].ncommittees,
			      list[i].nmemberships);
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
