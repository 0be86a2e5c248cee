/*
 * cmd_show.c: `netmap show ID`, everything netmap knows about one actor
 * (memberships by role, load, possible duplicates) or one committee
 * (members by role and type, its overlaps, its review status), from the
 * latest snapshot.
 */
#include "cli.h"

#include "netmap/textfmt.h"

#include <string.h>

static void heading(nm_buf *b, const char *label, const char *name, const char *id)
{
	nm_buf_puts(b, label);
	cli_visible(b, name);
	nm_buf_puts(b, " (");
	cli_visible(b, id);
	nm_buf_puts(b, ")\n");
}

#define WIDTH 80

static void field(nm_buf *b, const char *label, const char *value)
{
	nm_buf shown = NM_BUF_INIT;

	if (!value)
		return;
	cli_visible(&shown, value);
	nm_buf_printf(b, "  %-12s ", label);
	nm_text_wrap(b, shown.ptr, 15, 15, WIDTH);
	nm_buf_release(&shown);
}

/* "  Name (id), detail" as a list item with a hanging indent. */
static void entry(nm_buf *b, const char *name, const char *id, const char *detail)
{
	nm_buf line = NM_BUF_INIT;

	cli_visible(&line, name);
	nm_buf_puts(&line, " (");
	cli_visible(&line, id);
	nm_buf_putc(&line, ')');
	if (detail) {
		nm_buf_puts(&line, ", ");
		cli_visible(&line, detail);
	}
	nm_buf_puts(b, "  ");
	nm_text_wrap(b, line.ptr, 2, 4, WIDTH);
	nm_buf_release(&line);
}

static void themes_line(nm_buf *b, const nm_dataset *ds, const uint32_t *t, size_t n)
{
	nm_buf line = NM_BUF_INIT;

	if (!n)
		return;
	for (size_t i = 0; i < n; i++) {
		if (i)
			nm_buf_puts(&line, ", ");
		nm_buf_puts(&line, ds->themes[t[i]].label ? ds->themes[t[i]].label : ds->themes[t[i]].id);
	}
	field(b, "themes", line.ptr);
	nm_buf_release(&line);
}

static void show_actor(nm_buf *b, const nm_analysis *an, uint32_t a)
{
	const nm_dataset *ds = an->ds;
	const nm_actor *x = &ds->actors[a];
	const nm_load *load = NULL;

	heading(b, "Actor: ", x->name, x->id);
	field(b, "type", nm_actor_type_names[x->type]);
	field(b, "district", x->district);
	field(b, "website", x->website);
	themes_line(b, ds, x->themes, x->nthemes);
	for (size_t i = 0; i < an->nload; i++)
		if (an->load[i].actor == a)
			load = &an->load[i];
	if (load)
		nm_buf_printf(b, "  %-12s %u committees, %u meetings a year%s\n", "load",
			      load->committees, load->meetings,
			      load->overloaded ? " (overloaded)" : "");
	else
		nm_buf_printf(b, "  %-12s in no active or dormant committee (isolated)\n", "load");
	for (int role = NM_ROLE_LEAD; role >= NM_ROLE_GUEST; role--) {
		bool any = false;
		for (size_t i = 0; i < ds->nmemberships; i++) {
			const nm_membership *m = &ds->memberships[i];
			const nm_committee *c = &ds->committees[m->committee];
			if (m->actor != a || (int)m->role != role)
				continue;
			if (!any)
				nm_buf_printf(b, "\nAs %s:\n", nm_role_names[role]);
			any = true;
			entry(b, c->name, c->id,
			      c->status != NM_STATUS_ACTIVE ? nm_status_names[c->status] : NULL);
		}
	}
	for (size_t i = 0; i < an->nduplicate_actors; i++) {
		const nm_duplicate_actor *d = &an->duplicate_actors[i];
		uint32_t other;
		if (d->a != a && d->b != a)
			continue;
		other = d->a == a ? d->b : d->a;
		nm_buf_puts(b, "\nPossibly the same organisation:\n");
		entry(b, ds->actors[other].name, ds->actors[other].id, nm_dup_reason_names[d->reason]);
	}
}

static void show_committee(nm_buf *b, const nm_analysis *an, uint32_t c)
{
	const nm_dataset *ds = an->ds;
	const nm_committee *x = &ds->committees[c];
	char date[11];

	heading(b, "Committee: ", x->name, x->id);
	field(b, "kind", nm_kind_names[x->kind]);
	field(b, "status", nm_status_names[x->status]);
	if (x->ad_hoc)
		field(b, "ad hoc", "yes");
	themes_line(b, ds, x->themes, x->nthemes);
	if (x->lead != NM_NONE)
		field(b, "lead", ds->actors[x->lead].name);
	if (x->parent != NM_NONE)
		field(b, "parent", ds->committees[x->parent].name);
	if (x->meets != NM_FREQ_NONE)
		field(b, "meets", nm_freq_names[x->meets]);
	if (x->founded != NM_DATE_NONE) {
		nm_date_format(x->founded, date);
		field(b, "founded", date);
	}
	if (x->ends != NM_DATE_NONE) {
		nm_date_format(x->ends, date);
		field(b, "ends", date);
	}
	if (x->last_met != NM_DATE_NONE) {
		nm_date_format(x->last_met, date);
		field(b, "last met", date);
	}
	field(b, "district", x->district);
	for (int role = NM_ROLE_LEAD; role >= NM_ROLE_GUEST; role--) {
		bool any = false;
		for (size_t i = 0; i < ds->nmemberships; i++) {
			const nm_membership *m = &ds->memberships[i];
			const nm_actor *a = &ds->actors[m->actor];
			if (m->committee != c || (int)m->role != role)
				continue;
			if (!any)
				nm_buf_printf(b, "\n%s:\n", role == NM_ROLE_LEAD ? "Lead"
						    : role == NM_ROLE_CHAIR ? "Chair"
						    : role == NM_ROLE_MEMBER ? "Members" : "Guests");
			any = true;
			entry(b, a->name, a->id, nm_actor_type_names[a->type]);
		}
	}
	{
		bool any = false;
		for (size_t i = 0; i < an->noverlaps; i++) {
			const nm_overlap *o = &an->overlaps[i];
			nm_buf detail = NM_BUF_INIT;
			uint32_t other;
			if (o->a != c && o->b != c)
				continue;
			if (!any)
				nm_buf_puts(b, "\nOverlaps:\n");
			any = true;
			other = o->a == c ? o->b : o->a;
			nm_buf_printf(&detail, "%s, %u of %u members shared", nm_class_names[o->cls],
				      o->shared, o->size_a + o->size_b - o->shared);
			entry(b, ds->committees[other].name, ds->committees[other].id, detail.ptr);
			nm_buf_release(&detail);
		}
	}
	nm_buf_puts(b, "\nReview: ");
	{
		bool any = false;
		for (size_t i = 0; i < an->nreview; i++) {
			if (an->review[i].committee != c)
				continue;
			nm_buf_printf(b, "%s%s", any ? ", " : "",
				      nm_review_reason_names[an->review[i].reason]);
			any = true;
		}
		nm_buf_puts(b, any ? "\n" : "nothing to review\n");
	}
}

int cmd_show(int argc, char **argv)
{
	cli_opts o;
	nm_dataset *ds;
	nm_analysis *an;
	nm_buf out = NM_BUF_INIT;
	uint32_t i;
	int rc, status;

	rc = cli_parse(&o, "show", OPT_DB | OPT_TODAY | OPT_SETTINGS, argc, argv);
	if (rc)
		return rc == -1 ? EXIT_OK : EXIT_TROUBLE;
	if (o.nargs != 1)
		return cli_usage_error("show", "give one actor or committee ID"), EXIT_TROUBLE;
	status = cli_load_latest(&o, &ds, &an, NULL);
	if (status != EXIT_OK)
		return status;
	if ((i = nm_dataset_find_actor(ds, o.args[0])) != NM_NONE) {
		show_actor(&out, an, i);
	} else if ((i = nm_dataset_find_committee(ds, o.args[0])) != NM_NONE) {
		show_committee(&out, an, i);
	} else {
		cli_error("no actor or committee '%s' in the latest snapshot", o.args[0]);
		status = EXIT_TROUBLE;
	}
	if (status == EXIT_OK && !cli_write_stdout(&out))
		status = EXIT_TROUBLE;
	nm_buf_release(&out);
	nm_analysis_free(an);
	nm_dataset_free(ds);
	return status;
}
