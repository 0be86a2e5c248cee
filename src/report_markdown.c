/*
 * report_markdown.c: the overview for wikis and issue trackers. The same
 * findings, numbers and advice as the text report, as headings, lists and
 * pipe tables that render on GitHub and GitLab.
 *
 * Nothing from the data may change the structure: every string from the
 * data is cleaned of control characters (line breaks become spaces, so a
 * name never ends a table row), and every character Markdown could read as
 * markup is backslash-escaped, < and > included, so no raw HTML and no
 * link reaches the page. Ids go into code spans; they cannot hold a
 * backtick (contract 2.1).
 *
 * The sections come from the report document (report_doc.c); this file
 * lays its nodes out as Markdown and escapes the runs. The headline and
 * the findings table are laid out here.
 */
#include "netmap/diff.h"
#include "netmap/report.h"
#include "netmap/report_doc.h"
#include "netmap/textfmt.h"
#include "report_words.h"

#include <stdio.h>
#include <string.h>

static const nm_msg msgs[] = {
	{"finding", "Befund"},
	{"number", "Anzahl"},
	{"group", "Gremium"},
	{"group A", "Gremium A"},
	{"group B", "Gremium B"},
	{"inside", "enthalten in"},
	{"members shared", "gemeinsame Mitglieder"},
	{"overlap", "Überschneidung"},
	{"meetings a year", "Treffen im Jahr"},
};

typedef struct out {
	nm_buf *b;
	const nm_analysis *an;
	const nm_report_opts *opts;
	const nm_doc *doc;
} out;

#define T(o, en) nm_report_tr(msgs, sizeof(msgs) / sizeof(msgs[0]), (o)->opts->lang, (en))

/* Numbers and dates as the reader's language writes them (i18n.h). */
typedef nm_i18n_str numstr;
#define num(o, n) nm_i18n_count_str((o)->opts->lang, (n))
#define date_str(o, d) nm_i18n_date_str((o)->opts->lang, (d))
#define percent(o, n, den) nm_i18n_percent_str((o)->opts->lang, (n), (den))

/*
 * Append s for Markdown: line breaks and tabs become spaces, other control
 * characters U+FFFD (nm_text_clean), and markup characters are escaped.
 * A leading character that could open a block (heading, list, quote,
 * ordered list number) is escaped too.
 */
static void md(nm_buf *b, const char *s)
{
	nm_buf flat = NM_BUF_INIT, clean = NM_BUF_INIT;
	const char *p;

	for (p = s; *p; p++)
		nm_buf_putc(&flat, (char)(*p == '\n' || *p == '\r' || *p == '\t' ? ' ' : *p));
	nm_text_clean(&clean, nm_buf_cstr(&flat));
	p = nm_buf_cstr(&clean);
	if (*p == '#' || *p == '+' || *p == '-' || *p == '=' || *p == '>')
		nm_buf_putc(b, '\\');
	for (const char *q = p; *q; q++) {
		if (strchr("\\`*_[]<>|&~$@!#", *q))
			nm_buf_putc(b, '\\');
		/* "1. " or "1) " at the start would begin an ordered list. */
		if ((*q == '.' || *q == ')') && q > p && strspn(p, "0123456789") == (size_t)(q - p))
			nm_buf_putc(b, '\\');
		nm_buf_putc(b, *q);
	}
	nm_buf_release(&flat);
	nm_buf_release(&clean);
}

/*
 * An id in a code span, where backslash escapes do not work; ids hold only
 * [A-Za-z0-9._-] (contract 2.1), anything else is escaped as text instead.
 */
static void code(nm_buf *b, const char *id)
{
	if (id[0] && strspn(id, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
				"0123456789._-") == strlen(id)) {
		nm_buf_printf(b, "`%s`", id);
		return;
	}
	md(b, id);
}

static void committee_ref(nm_buf *b, const nm_committee *c)
{
	md(b, c->name);
	nm_buf_puts(b, " (");
	code(b, c->id);
	nm_buf_putc(b, ')');
}

static void actor_ref(nm_buf *b, const nm_actor *a)
{
	md(b, a->name);
	nm_buf_puts(b, " (");
	code(b, a->id);
	nm_buf_putc(b, ')');
}

static void theme_ref(nm_buf *b, const nm_theme *t)
{
	md(b, t->label ? t->label : t->id);
	nm_buf_puts(b, " (");
	code(b, t->id);
	nm_buf_putc(b, ')');
}

/* ---- rendering the document ----------------------------------------------- */

/* One run, escaped where it holds data. */
static void run(const out *o, const nm_doc_run *r)
{
	const nm_dataset *ds;

	if (nm_doc_plain_run(o->b, o->doc, r))
		return;
	/* Only references need the dataset: a diff alone has none. */
	ds = o->an ? o->an->ds : NULL;
	if (!ds &&
	    (r->kind == NM_RUN_COMMITTEE || r->kind == NM_RUN_ACTOR || r->kind == NM_RUN_THEME))
		return;
	switch (r->kind) {
	case NM_RUN_CODE:
		nm_buf_printf(o->b, "`%.*s`", (int)r->len, r->s);
		break;
	case NM_RUN_DATA:
		md(o->b, r->s);
		break;
	case NM_RUN_ID:
		code(o->b, r->s);
		break;
	case NM_RUN_COMMITTEE:
		committee_ref(o->b, &ds->committees[r->idx]);
		break;
	case NM_RUN_ACTOR:
		actor_ref(o->b, &ds->actors[r->idx]);
		break;
	case NM_RUN_THEME:
		theme_ref(o->b, &ds->themes[r->idx]);
		break;
	default:
		break;
	}
}

static void runs(const out *o, const nm_doc_node *nd)
{
	for (size_t i = 0; i < nd->nruns; i++)
		run(o, &nd->runs[i]);
}

static void more_node(out *o, const nm_doc_node *nd)
{
	nm_buf_puts(o->b, "\n*");
	runs(o, nd);
	nm_buf_puts(o->b, "*\n");
}

static void advice_node(out *o, const nm_doc_node *nd)
{
	nm_buf_puts(o->b, "\n→ ");
	runs(o, nd);
	nm_buf_putc(o->b, '\n');
}

static void item_node(out *o, const nm_doc_node *nd)
{
	if (nd->n)
		nm_buf_printf(o->b, "%llu. ", (unsigned long long)nd->n);
	else
		nm_buf_puts(o->b, nd->tag == NM_DOC_TODO ? "- [ ] " : "- ");
	runs(o, nd);
	if (nd->nkids && nd->kids[0]->kind == NM_DOC_PARA) { /* why */
		nm_buf_puts(o->b, ": ");
		runs(o, nd->kids[0]);
	}
	nm_buf_putc(o->b, '\n');
}

/* A row of a pipe table: "| a | b |". */
static void row_node(out *o, const nm_doc_node *row)
{
	for (size_t c = 0; c < row->nkids; c++) {
		nm_buf_puts(o->b, c ? " | " : "| ");
		runs(o, row->kids[c]);
	}
	nm_buf_puts(o->b, " |\n");
}

/* The head of a section's table of pairs, before its first pair. */
static void pair_head(out *o, int which)
{
	if (which == NM_SEC_NESTED)
		nm_buf_printf(o->b, "| %s | %s | %s | %s |\n|---|---|---:|---|\n", T(o, "group"),
			      T(o, "inside"), T(o, "members shared"), T(o, "themes"));
	else
		nm_buf_printf(o->b, "| %s | %s | %s | %s | %s |\n|---|---|---:|---:|---|\n",
			      T(o, "group A"), T(o, "group B"), T(o, "members shared"),
			      T(o, "overlap"), T(o, "themes"));
}

static void table_node(out *o, const nm_doc_node *nd)
{
	if (nd->tag == NM_DOC_TABLE_LOAD) {
		nm_buf_printf(o->b, "| %s | %s | %s |\n|---|---:|---:|\n", T(o, "actor"),
			      T(o, "committees"), T(o, "meetings a year"));
	} else {
		nm_buf_printf(o->b, "| %s |", T(o, "theme"));
		for (int t = 0; t < NM_TYPE_COUNT; t++)
			nm_buf_printf(o->b, " %s |", nm_i18n_type(o->opts->lang, (nm_actor_type)t));
		nm_buf_puts(o->b, "\n|---|");
		for (int t = 0; t < NM_TYPE_COUNT; t++)
			nm_buf_puts(o->b, "---:|");
		nm_buf_putc(o->b, '\n');
	}
	for (size_t i = 0; i < nd->nkids; i++)
		row_node(o, nd->kids[i]);
}

/* A list of the gaps under its own heading. */
static void group_node(out *o, const nm_doc_node *nd)
{
	nm_buf_puts(o->b, "\n### ");
	runs(o, nd);
	nm_buf_printf(o->b, " (%s)\n\n", num(o, nd->n).s);
	for (size_t i = 0; i < nd->nkids; i++) {
		const nm_doc_node *k = nd->kids[i];

		if (k->kind == NM_DOC_ITEM)
			item_node(o, k);
		else if (k->kind == NM_DOC_MORE)
			more_node(o, k);
		else if (k->kind == NM_DOC_ADVICE)
			advice_node(o, k);
	}
}

static void section_node(out *o, const nm_doc_node *nd)
{
	size_t pairs = 0;

	nm_buf_puts(o->b, "\n## ");
	runs(o, nd);
	if (nd->n)
		nm_buf_printf(o->b, " (%s)", num(o, nd->n).s);
	/* The gaps' lists bring their own headings. */
	nm_buf_puts(o->b, nd->tag == NM_SEC_GAPS ? "\n" : "\n\n");
	for (size_t i = 0; i < nd->nkids; i++) {
		const nm_doc_node *k = nd->kids[i];

		switch (k->kind) {
		case NM_DOC_PAIR:
			if (!pairs++)
				pair_head(o, nd->tag);
			row_node(o, k->kids[3]);
			break;
		case NM_DOC_ITEM:
			item_node(o, k);
			break;
		case NM_DOC_GROUP:
			group_node(o, k);
			break;
		case NM_DOC_TABLE:
			table_node(o, k);
			break;
		case NM_DOC_MORE:
			more_node(o, k);
			break;
		case NM_DOC_ADVICE:
			advice_node(o, k);
			break;
		default:
			break;
		}
	}
}

/* What changed: a heading, bold group titles, lists with the marks in code. */
static void changes_node(out *o, const nm_doc_node *nd)
{
	nm_buf_puts(o->b, "## ");
	runs(o, nd);
	nm_buf_puts(o->b, "\n\n");
	for (size_t i = 0; i < nd->nkids; i++) {
		const nm_doc_node *k = nd->kids[i];
		size_t first = 0;

		if (k->kind == NM_DOC_PARA) {
			runs(o, k);
			nm_buf_puts(o->b, "\n\n");
			continue;
		}
		nm_buf_puts(o->b, "**");
		runs(o, k);
		if (k->tag == NM_DOC_FINDINGS) {
			nm_buf_printf(o->b, "** (%s)\n\n", num(o, k->n).s);
		} else {
			nm_buf_puts(o->b, "**: ");
			runs(o, k->kids[0]);
			nm_buf_puts(o->b, "\n\n");
			first = 1;
		}
		for (size_t j = first; j < k->nkids; j++) {
			const nm_doc_node *it = k->kids[j];

			nm_buf_printf(o->b, "- `%c` ", (char)it->tag);
			runs(o, it);
			nm_buf_putc(o->b, '\n');
			for (size_t f = 0; f < it->nkids; f++) {
				nm_buf_puts(o->b, "  - ");
				runs(o, it->kids[f]);
				nm_buf_putc(o->b, '\n');
			}
		}
		nm_buf_putc(o->b, '\n');
	}
}

/* The title as a heading, the date line in italics. */
static void headline_node(out *o, const nm_doc_node *nd)
{
	nm_buf_puts(o->b, "# ");
	runs(o, nd->kids[0]);
	nm_buf_puts(o->b, "\n\n*");
	runs(o, nd->kids[1]);
	nm_buf_puts(o->b, "*\n");
}

/* The totals, then the findings as a pipe table, the parts of a finding as rows of their own. */
static void summary_node(out *o, const nm_doc_node *nd)
{
	const nm_doc_node *table = nd->kids[1];

	nm_buf_putc(o->b, '\n');
	runs(o, nd->kids[0]);
	nm_buf_puts(o->b, "\n\n## ");
	runs(o, table);
	nm_buf_printf(o->b, "\n\n| %s | %s |\n|---|---:|\n", T(o, "finding"), T(o, "number"));
	for (size_t i = 0; i < table->nkids; i++) {
		const nm_doc_node *row = table->kids[i];

		nm_buf_puts(o->b, "| ");
		runs(o, row);
		nm_buf_printf(o->b, " | %s |\n", num(o, row->n).s);
		for (size_t k = 0; k < row->nkids; k++) {
			nm_buf_puts(o->b, row->kids[k]->tag == NM_DOC_ROW_PART ? "| ↳ " : "| ");
			runs(o, row->kids[k]);
			nm_buf_printf(o->b, " | %s |\n", num(o, row->kids[k]->n).s);
		}
	}
}

void nm_diff_write_markdown(nm_buf *b, const nm_diff *d, nm_lang lang)
{
	nm_report_opts opts;
	nm_doc doc;
	out o = {b, NULL, &opts, &doc};

	nm_report_opts_init(&opts);
	opts.lang = lang;
	nm_doc_build_changes(&doc, d, &opts);
	changes_node(&o, doc.root.kids[0]);
	nm_doc_free(&doc);
}

void nm_report_markdown(nm_buf *b, const nm_analysis *an, const nm_report_opts *opts)
{
	nm_doc doc;
	out o = {b, an, opts, &doc};

	nm_doc_build(&doc, an, opts);
	for (size_t i = 0; i < doc.root.nkids; i++) {
		const nm_doc_node *nd = doc.root.kids[i];

		switch (nd->kind) {
		case NM_DOC_HEADLINE:
			headline_node(&o, nd);
			break;
		case NM_DOC_SINCE:
			nm_buf_putc(b, '\n');
			changes_node(&o, nd);
			break;
		case NM_DOC_SUMMARY:
			summary_node(&o, nd);
			break;
		case NM_DOC_PARA:
			nm_buf_putc(b, '\n');
			runs(&o, nd);
			nm_buf_putc(b, '\n');
			break;
		case NM_DOC_SECTION:
			section_node(&o, nd);
			break;
		default:
			break;
		}
	}
	nm_doc_free(&doc);
}
