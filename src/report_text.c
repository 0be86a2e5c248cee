/*
 * report_text.c: the transparency overview people read in a terminal and
 * in the weekly e-mail. A headline of counts and findings comes first,
 * then one section per kind of finding, each naming committees and actors
 * by name and id, saying why in numbers and suggesting what to do.
 *
 * Everything is laid out for 80 columns by display width, so umlauts and
 * other multi-byte names align; every string from the data goes through
 * nm_text_clean, so nothing in the data can reach a terminal as a control
 * sequence. Colour is a handful of SGR codes, only when asked for.
 *
 * The sections come from the report document (report_doc.c), which
 * chooses what is shown and every word of it; this file lays the nodes out
 * and cleans the runs. The headline and the findings table are laid out
 * here, with the words of the table below. Numbers, dates and percentages
 * follow the language (26.11.2026, 2.521, 80 %). Labels are padded by
 * display width, since German words carry umlauts.
 */
#include "netmap/diff.h"
#include "netmap/report.h"
#include "netmap/report_doc.h"
#include "netmap/textfmt.h"
#include "report_words.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const nm_msg msgs[] = {
	{"meetings/y", "Treffen/J."},
};

/* Short column heads for the 13 actor types, in enum order. */
static const char *const type_abbrev_en[NM_TYPE_COUNT] = {
	"ass", "cha", "age", "mig", "you", "vol", "clu", "soc", "rel", "edu", "sch", "adm", "oth",
};

static const char *const type_abbrev_de[NM_TYPE_COUNT] = {
	"Vbd", "Kam", "Beh", "MO", "Jug", "Ehr", "Ver", "Soz", "Rel", "Bil", "Sch", "Vwt", "Son",
};

typedef struct out {
	nm_buf *b;
	const nm_analysis *an;
	const nm_report_opts *opts;
	unsigned width;
	const nm_doc *doc;
} out;

#define T(o, en) nm_report_tr(msgs, sizeof(msgs) / sizeof(msgs[0]), (o)->opts->lang, (en))

/* Numbers and dates as the reader's language writes them (i18n.h). */
typedef nm_i18n_str numstr;
#define num(o, n) nm_i18n_count_str((o)->opts->lang, (n))
#define date_str(o, d) nm_i18n_date_str((o)->opts->lang, (d))
#define percent(o, n, den) nm_i18n_percent_str((o)->opts->lang, (n), (den))

static const char *sgr(const out *o, const char *code)
{
	return o->opts->color ? code : "";
}

#define BOLD "\033[1m"
#define RED "\033[31m"
#define YELLOW "\033[33m"
#define CYAN "\033[36m"
#define DIM "\033[2m"
#define RESET "\033[0m"
#define NBSP "\xC2\xA0"

static void section(out *o, const char *title, size_t count)
{
	nm_buf head = NM_BUF_INIT;
	size_t w;

	nm_buf_puts(&head, title);
	if (count)
		nm_buf_printf(&head, " (%s)", num(o, count).s);
	nm_buf_printf(o->b, "\n%s%s%s\n", sgr(o, BOLD), head.ptr, sgr(o, RESET));
	w = nm_text_width(head.ptr);
	for (size_t i = 0; i < w && i < o->width; i++)
		nm_buf_putc(o->b, '-');
	nm_buf_putc(o->b, '\n');
	nm_buf_release(&head);
}

/* "Name (id)" for a committee or actor. */
static void committee_ref(nm_buf *b, const nm_committee *c)
{
	nm_text_clean(b, c->name);
	nm_buf_puts(b, " (");
	nm_text_clean(b, c->id);
	nm_buf_putc(b, ')');
}

static void actor_ref(nm_buf *b, const nm_actor *a)
{
	nm_text_clean(b, a->name);
	nm_buf_puts(b, " (");
	nm_text_clean(b, a->id);
	nm_buf_putc(b, ')');
}

static const char *theme_name(const nm_theme *t)
{
	return t->label ? t->label : t->id;
}

/* Write a paragraph wrapped at the width, indented. */
static void para(out *o, size_t indent, const char *text)
{
	for (size_t i = 0; i < indent; i++)
		nm_buf_putc(o->b, ' ');
	nm_text_wrap(o->b, text, indent, indent, o->width);
}

/* A list item: first line at 2 columns, the rest hanging at 4. */
static void item(out *o, const char *text)
{
	nm_buf_puts(o->b, "  ");
	nm_text_wrap(o->b, text, 2, 4, o->width);
}

/* A suggestion line, "→ ..." wrapped. */
static void advice(out *o, const char *text)
{
	nm_buf_printf(o->b, "    %s→%s ", sgr(o, CYAN), sgr(o, RESET));
	nm_text_wrap(o->b, text, 6, 6, o->width);
}

/* ---- rendering the document ----------------------------------------------- */

/* One run, cleaned of control characters where it holds data. */
static void run(const out *o, nm_buf *b, const nm_doc_run *r)
{
	const nm_dataset *ds;

	if (nm_doc_plain_run(b, o->doc, r))
		return;
	/* Only references need the dataset: a diff alone has none. */
	ds = o->an ? o->an->ds : NULL;
	if (!ds &&
	    (r->kind == NM_RUN_COMMITTEE || r->kind == NM_RUN_ACTOR || r->kind == NM_RUN_THEME))
		return;
	switch (r->kind) {
	case NM_RUN_CODE:
		nm_buf_put(b, r->s, r->len);
		break;
	case NM_RUN_DATA:
	case NM_RUN_ID:
		nm_text_clean(b, r->s);
		break;
	case NM_RUN_COMMITTEE:
		committee_ref(b, &ds->committees[r->idx]);
		break;
	case NM_RUN_ACTOR:
		actor_ref(b, &ds->actors[r->idx]);
		break;
	case NM_RUN_THEME:
		nm_text_clean(b, theme_name(&ds->themes[r->idx]));
		nm_buf_puts(b, " (");
		nm_text_clean(b, ds->themes[r->idx].id);
		nm_buf_putc(b, ')');
		break;
	default:
		break;
	}
}

/* The runs of a node as one line, into line (cleared first). */
static const char *runs(const out *o, nm_buf *line, const nm_doc_node *nd)
{
	nm_buf_clear(line);
	for (size_t i = 0; i < nd->nruns; i++)
		run(o, line, &nd->runs[i]);
	return nm_buf_cstr(line);
}

/* An item's runs, then ": " and why, when it says why. */
static const char *item_runs(const out *o, nm_buf *line, const nm_doc_node *nd)
{
	runs(o, line, nd);
	if (nd->nkids && nd->kids[0]->kind == NM_DOC_PARA) {
		nm_buf_puts(line, ": ");
		for (size_t i = 0; i < nd->kids[0]->nruns; i++)
			run(o, line, &nd->kids[0]->runs[i]);
	}
	return nm_buf_cstr(line);
}

static void more_node(out *o, nm_buf *line, const nm_doc_node *nd)
{
	nm_buf_puts(o->b, "  ");
	nm_buf_puts(o->b, sgr(o, DIM));
	nm_buf_puts(o->b, runs(o, line, nd));
	nm_buf_printf(o->b, "%s\n", sgr(o, RESET));
}

static void pair_node(out *o, nm_buf *line, const nm_doc_node *nd)
{
	para(o, 2, runs(o, line, nd->kids[0]));
	para(o, 4, runs(o, line, nd->kids[1]));
	advice(o, runs(o, line, nd->kids[2]));
}

/* A numbered item hangs its lines under the text after the number. */
static void item_node(out *o, nm_buf *line, const nm_doc_node *nd)
{
	if (nd->n) {
		size_t indent = 5 + (nd->n >= 10) + (nd->n >= 100) + (nd->n >= 1000);

		nm_buf_printf(o->b, "  %llu. ", (unsigned long long)nd->n);
		nm_text_wrap(o->b, runs(o, line, nd), indent, indent, o->width);
	} else {
		item(o, item_runs(o, line, nd));
	}
}

/* A list of the gaps as one item, "Label: a, b … and N more", then advice. */
static void group_node(out *o, nm_buf *line, const nm_doc_node *nd)
{
	nm_buf text = NM_BUF_INIT;
	size_t shown = 0;

	nm_buf_printf(&text, "%s:", runs(o, line, nd));
	for (size_t i = 0; i < nd->nkids; i++) {
		const nm_doc_node *k = nd->kids[i];

		if (k->kind == NM_DOC_ITEM) {
			nm_buf_puts(&text, shown++ ? ", " : " ");
			nm_buf_puts(&text, runs(o, line, k));
		} else if (k->kind == NM_DOC_MORE) {
			nm_buf_putc(&text, ' ');
			nm_buf_puts(&text, runs(o, line, k));
		}
	}
	item(o, nm_buf_cstr(&text));
	nm_buf_release(&text);
	for (size_t i = 0; i < nd->nkids; i++)
		if (nd->kids[i]->kind == NM_DOC_ADVICE)
			advice(o, runs(o, line, nd->kids[i]));
}

/* Right-align s (already in the language) in width columns. */
static void right(out *o, const char *s, size_t width)
{
	size_t w = nm_text_width(s);

	for (; w < width; w++)
		nm_buf_putc(o->b, ' ');
	nm_text_clean(o->b, s);
}

static void load_table(out *o, nm_buf *line, const nm_doc_node *nd)
{
	nm_buf_puts(o->b, "  ");
	nm_text_fit(o->b, T(o, "actor"), 48, 1);
	nm_buf_putc(o->b, ' ');
	right(o, T(o, "committees"), 10);
	nm_buf_putc(o->b, ' ');
	right(o, T(o, "meetings/y"), 10);
	nm_buf_putc(o->b, '\n');
	for (size_t i = 0; i < nd->nkids; i++) {
		nm_doc_node *const *cell = nd->kids[i]->kids;

		nm_buf_puts(o->b, "  ");
		nm_text_fit(o->b, runs(o, line, cell[0]), 48, 1);
		nm_buf_printf(o->b, " %10s", runs(o, line, cell[1]));
		nm_buf_printf(o->b, " %10s\n", runs(o, line, cell[2]));
	}
}

static size_t namew(const out *o)
{
	return o->width >= 80 ? o->width - 13 * 4 - 2 : 20;
}

/* Themes by name against the actor types abbreviated, "." for none. */
static void coverage_table(out *o, const nm_doc_node *nd)
{
	const nm_dataset *ds = o->an->ds;
	const char *const *abbrev = o->opts->lang == NM_LANG_DE ? type_abbrev_de : type_abbrev_en;

	nm_buf_puts(o->b, "  ");
	nm_text_fit(o->b, T(o, "theme"), namew(o), 1);
	for (int t = 0; t < NM_TYPE_COUNT; t++)
		nm_buf_printf(o->b, " %3s", abbrev[t]);
	nm_buf_putc(o->b, '\n');
	for (size_t i = 0; i < nd->nkids; i++) {
		const nm_doc_node *row = nd->kids[i];

		nm_buf_puts(o->b, "  ");
		nm_text_fit(o->b, theme_name(&ds->themes[row->kids[0]->runs[0].idx]), namew(o), 1);
		for (size_t c = 1; c < row->nkids; c++) {
			uint64_t v = row->kids[c]->runs[0].n;

			if (v == 0)
				nm_buf_printf(o->b, " %s  .%s", sgr(o, DIM), sgr(o, RESET));
			else
				nm_buf_printf(o->b, " %3u", v > 999 ? 999U : (unsigned)v);
		}
		nm_buf_putc(o->b, '\n');
	}
}

/* The abbreviations spelled out; each stays on the line of its word. */
static void coverage_legend(out *o)
{
	const char *const *abbrev = o->opts->lang == NM_LANG_DE ? type_abbrev_de : type_abbrev_en;
	nm_buf legend = NM_BUF_INIT, wrapped = NM_BUF_INIT;

	/* Wrap with no-break spaces there, then turn them back into spaces. */
	for (int t = 0; t < NM_TYPE_COUNT; t++)
		nm_buf_printf(&legend, "%s%s" NBSP "%s", t ? ", " : "", abbrev[t],
			      nm_i18n_type(o->opts->lang, (nm_actor_type)t));
	nm_buf_puts(&wrapped, "  ");
	nm_text_wrap(&wrapped, legend.ptr, 2, 2, o->width);
	for (const char *p = wrapped.ptr; *p; p++) {
		if (strncmp(p, NBSP, 2) == 0) {
			nm_buf_putc(o->b, ' ');
			p++;
		} else {
			nm_buf_putc(o->b, *p);
		}
	}
	nm_buf_release(&wrapped);
	nm_buf_release(&legend);
}

static void section_node(out *o, nm_buf *line, const nm_doc_node *nd)
{
	size_t pairs = 0;

	section(o, runs(o, line, nd), nd->n);
	for (size_t i = 0; i < nd->nkids; i++) {
		const nm_doc_node *k = nd->kids[i];

		switch (k->kind) {
		case NM_DOC_PAIR:
			if (pairs++)
				nm_buf_putc(o->b, '\n');
			pair_node(o, line, k);
			break;
		case NM_DOC_ITEM:
			item_node(o, line, k);
			break;
		case NM_DOC_GROUP:
			group_node(o, line, k);
			break;
		case NM_DOC_TABLE:
			if (k->tag == NM_DOC_TABLE_LOAD)
				load_table(o, line, k);
			else
				coverage_table(o, k);
			break;
		case NM_DOC_MORE:
			more_node(o, line, k);
			break;
		case NM_DOC_ADVICE:
			if (k->tag != NM_DOC_FOR_TABLES) /* pairs carry their own */
				advice(o, runs(o, line, k));
			break;
		default:
			break;
		}
	}
	if (nd->tag == NM_SEC_COVERAGE)
		coverage_legend(o);
}

/* What changed: the title underlined, then the groups of marked lines. */
static void changes_node(out *o, nm_buf *line, const nm_doc_node *nd, size_t w)
{
	const char *title = runs(o, line, nd);
	size_t tw = nm_text_width(title);

	nm_text_clean(o->b, title);
	nm_buf_putc(o->b, '\n');
	for (size_t i = 0; i < tw; i++)
		nm_buf_putc(o->b, '-');
	nm_buf_putc(o->b, '\n');
	for (size_t i = 0; i < nd->nkids; i++) {
		const nm_doc_node *k = nd->kids[i];
		size_t first = 0;

		if (k->kind == NM_DOC_PARA && k->tag == NM_DOC_NOTHING_CHANGED) {
			nm_buf_printf(o->b, "  %s\n", runs(o, line, k));
			continue;
		}
		if (k->kind == NM_DOC_PARA) {
			nm_buf_puts(o->b, "  ");
			nm_text_wrap(o->b, runs(o, line, k), 2, 2, w);
			continue;
		}
		if (k->tag == NM_DOC_FINDINGS) {
			nm_buf_printf(o->b, "%s (", runs(o, line, k));
			nm_i18n_count(o->b, o->opts->lang, k->n);
			nm_buf_puts(o->b, ")\n");
		} else {
			nm_buf_printf(o->b, "%s: ", runs(o, line, k));
			nm_buf_printf(o->b, "%s\n", runs(o, line, k->kids[0]));
			first = 1;
		}
		for (size_t j = first; j < k->nkids; j++) {
			const nm_doc_node *it = k->kids[j];

			nm_buf_printf(o->b, "  %c ", (char)it->tag);
			nm_text_wrap(o->b, runs(o, line, it), 4, 6, w);
			for (size_t f = 0; f < it->nkids; f++) {
				nm_buf_puts(o->b, "      ");
				nm_text_wrap(o->b, runs(o, line, it->kids[f]), 6, 8, w);
			}
		}
	}
}

/*
 * The headline: the title in bold, the dataset's name cut to leave room,
 * the date line, a rule across the width.
 */
static void headline_node(out *o, nm_buf *line, const nm_doc_node *nd)
{
	const nm_doc_node *title = nd->kids[0];
	nm_buf *b = o->b;
	size_t used = 0;

	nm_buf_puts(b, sgr(o, BOLD));
	for (size_t i = 0; i < title->nruns; i++) {
		const nm_doc_run *r = &title->runs[i];

		nm_buf_clear(line);
		run(o, line, r);
		if (r->kind == NM_RUN_DATA || i + 1 == title->nruns) {
			nm_text_fit(b, nm_buf_cstr(line), o->width - used - 18, 0);
		} else {
			nm_buf_puts(b, nm_buf_cstr(line));
			used += nm_text_width(nm_buf_cstr(line));
		}
	}
	nm_buf_printf(b, "%s\n%s\n", sgr(o, RESET), runs(o, line, nd->kids[1]));
	for (unsigned i = 0; i < o->width; i++)
		nm_buf_putc(b, '=');
	nm_buf_putc(b, '\n');
}

/* The parts of a finding, "(a, b," with "c, d)" aligned under it when both fit. */
static void finding_parts(out *o, nm_buf *line, const nm_doc_node *row)
{
	nm_buf first = NM_BUF_INIT, second = NM_BUF_INIT;
	size_t half = (row->nkids + 1) / 2;

	for (size_t i = 0; i < row->nkids; i++) {
		nm_buf *to = i < half ? &first : &second;

		if (i == 0)
			nm_buf_putc(to, '(');
		else if (i != half)
			nm_buf_puts(to, ", ");
		nm_buf_puts(to, runs(o, line, row->kids[i]->kids[0]));
		if (i + 1 == half)
			nm_buf_putc(to, ',');
	}
	nm_buf_putc(&second, ')');
	nm_buf_puts(o->b, "   ");
	if (nm_text_width(nm_buf_cstr(&first)) <= o->width - 40 &&
	    nm_text_width(nm_buf_cstr(&second)) <= o->width - 38) {
		nm_buf_printf(o->b, "%s\n%38s%s\n", nm_buf_cstr(&first), "", nm_buf_cstr(&second));
	} else {
		nm_buf_putc(&first, ' ');
		nm_buf_puts(&first, nm_buf_cstr(&second));
		nm_text_wrap(o->b, nm_buf_cstr(&first), 40, 38, o->width);
	}
	nm_buf_release(&first);
	nm_buf_release(&second);
}

/*
 * The totals wrapped, then the findings as an aligned table: the label
 * padded to 28 columns, the count, and what the rows under it say.
 */
static void summary_node(out *o, nm_buf *line, const nm_doc_node *nd)
{
	const nm_doc_node *table = nd->kids[1];

	para(o, 0, runs(o, line, nd->kids[0]));
	nm_buf_printf(o->b, "\n%s:\n", runs(o, line, table));
	for (size_t i = 0; i < table->nkids; i++) {
		const nm_doc_node *row = table->kids[i];

		nm_buf_puts(o->b, "  ");
		nm_text_fit(o->b, runs(o, line, row), 28, 1);
		nm_buf_printf(o->b, " %6s", num(o, row->n).s);
		if (row->nkids && row->kids[0]->tag == NM_DOC_ROW_PART) {
			if (row->n) {
				finding_parts(o, line, row);
				continue;
			}
		} else if (row->nkids && row->kids[0]->n) {
			nm_buf_printf(o->b, "   %s", runs(o, line, row->kids[0]->kids[0]));
		}
		nm_buf_putc(o->b, '\n');
	}
}

void nm_diff_write_text(nm_buf *b, const nm_diff *d, nm_lang lang, unsigned width)
{
	nm_report_opts opts;
	nm_doc doc;
	nm_buf line = NM_BUF_INIT;
	out o = {b, NULL, &opts, width ? width : 80, &doc};

	nm_report_opts_init(&opts);
	opts.lang = lang;
	nm_doc_build_changes(&doc, d, &opts);
	changes_node(&o, &line, doc.root.kids[0], o.width);
	nm_buf_release(&line);
	nm_doc_free(&doc);
}

void nm_report_text(nm_buf *b, const nm_analysis *an, const nm_report_opts *opts)
{
	nm_doc doc;
	out o = {b, an, opts, opts->width >= 60 ? opts->width : 60, &doc};
	nm_buf line = NM_BUF_INIT;

	nm_doc_build(&doc, an, opts);
	for (size_t i = 0; i < doc.root.nkids; i++) {
		const nm_doc_node *nd = doc.root.kids[i];

		switch (nd->kind) {
		case NM_DOC_HEADLINE:
			headline_node(&o, &line, nd);
			break;
		case NM_DOC_SINCE:
			changes_node(&o, &line, nd, o.width);
			nm_buf_putc(b, '\n'); /* set the news apart from the counts */
			break;
		case NM_DOC_SUMMARY:
			summary_node(&o, &line, nd);
			break;
		case NM_DOC_PARA:
			nm_buf_putc(b, '\n');
			para(&o, 0, runs(&o, &line, nd));
			break;
		case NM_DOC_SECTION:
			section_node(&o, &line, nd);
			break;
		default:
			break;
		}
	}
	nm_buf_release(&line);
	nm_doc_free(&doc);
}
