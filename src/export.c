/*
 * export.c: an analysis as a format-neutral graph, and the table of
 * export writers. Everything a format shows is decided here, once: which
 * nodes and edges there are, which attributes each carries and their
 * values. The writers (export_<format>.c) only spell the graph out.
 *
 * The members network holds every actor and every committee, dissolved
 * ones included and marked (status, analysed false on the node and on its
 * edges), so that history stays visible and one filter hides it; the load
 * figures come from the analysis, which leaves dissolved committees out.
 * The overlaps network holds the analysed committees only, since a
 * dissolved committee takes no part in the overlap analysis.
 */
#include "netmap/export.h"
#include "netmap/json.h"

#include <stdlib.h>
#include <string.h>

const nm_export_attr nm_export_node_attrs[NM_NA_COUNT] = {
	[NM_NA_LABEL] = {"label", NM_EXPORT_STRING},
	[NM_NA_ENTITY] = {"entity", NM_EXPORT_STRING},
	[NM_NA_BIPARTITE] = {"bipartite", NM_EXPORT_INT},
	[NM_NA_TYPE] = {"type", NM_EXPORT_STRING},
	[NM_NA_KIND] = {"kind", NM_EXPORT_STRING},
	[NM_NA_STATUS] = {"status", NM_EXPORT_STRING},
	[NM_NA_ANALYSED] = {"analysed", NM_EXPORT_BOOL},
	[NM_NA_AD_HOC] = {"ad_hoc", NM_EXPORT_BOOL},
	[NM_NA_THEMES] = {"themes", NM_EXPORT_LIST},
	[NM_NA_DISTRICT] = {"district", NM_EXPORT_STRING},
	[NM_NA_WEBSITE] = {"website", NM_EXPORT_STRING},
	[NM_NA_COMMITTEES] = {"committees", NM_EXPORT_INT},
	[NM_NA_MEETINGS] = {"meetings_per_year", NM_EXPORT_INT},
	[NM_NA_OVERLOADED] = {"overloaded", NM_EXPORT_BOOL},
	[NM_NA_ISOLATED] = {"isolated", NM_EXPORT_BOOL},
	[NM_NA_MEMBERS] = {"members", NM_EXPORT_INT},
	[NM_NA_MEETS] = {"meets", NM_EXPORT_STRING},
	[NM_NA_LAST_MET] = {"last_met", NM_EXPORT_DATE},
	[NM_NA_FOUNDED] = {"founded", NM_EXPORT_DATE},
	[NM_NA_ENDS] = {"ends", NM_EXPORT_DATE},
	[NM_NA_PARENT] = {"parent", NM_EXPORT_STRING},
	[NM_NA_LEAD] = {"lead", NM_EXPORT_STRING},
	[NM_NA_REVIEW] = {"review", NM_EXPORT_LIST},
	[NM_NA_CLUSTER] = {"cluster", NM_EXPORT_INT},
	[NM_NA_PERSON] = {"person", NM_EXPORT_STRING},
	[NM_NA_EMAIL] = {"email", NM_EXPORT_STRING},
	[NM_NA_PHONE] = {"phone", NM_EXPORT_STRING},
};

const nm_export_attr nm_export_edge_attrs[NM_EA_COUNT] = {
	[NM_EA_ROLE] = {"role", NM_EXPORT_STRING},
	[NM_EA_SINCE] = {"since", NM_EXPORT_DATE},
	[NM_EA_ANALYSED] = {"analysed", NM_EXPORT_BOOL},
	[NM_EA_CLASS] = {"class", NM_EXPORT_STRING},
	[NM_EA_SHARED] = {"shared", NM_EXPORT_INT},
	[NM_EA_JACCARD] = {"jaccard", NM_EXPORT_DOUBLE},
	[NM_EA_CONTAINMENT] = {"containment", NM_EXPORT_DOUBLE},
	[NM_EA_THEME_JACCARD] = {"theme_jaccard", NM_EXPORT_DOUBLE},
	[NM_EA_INSIDE] = {"inside", NM_EXPORT_STRING},
	[NM_EA_SUBGROUP] = {"subgroup", NM_EXPORT_BOOL},
	[NM_EA_SHARED_MEMBERS] = {"shared_members", NM_EXPORT_LIST},
	[NM_EA_SHARED_THEMES] = {"shared_themes", NM_EXPORT_LIST},
	[NM_EA_WEIGHT] = {"weight", NM_EXPORT_INT},
};

const nm_export_attr nm_export_graph_attrs[NM_GA_COUNT] = {
	[NM_GA_DATASET] = {"dataset", NM_EXPORT_STRING},
	[NM_GA_NETWORK] = {"network", NM_EXPORT_STRING},
	[NM_GA_TODAY] = {"today", NM_EXPORT_DATE},
	[NM_GA_GENERATOR] = {"generator", NM_EXPORT_STRING},
};

static const nm_export_writer writers[] = {
	{"graphml", nm_export_graphml},
	{"gexf", nm_export_gexf},
	{"dot", nm_export_dot},
	{"json", nm_export_json},
};

const nm_export_writer *nm_export_find(const char *format)
{
	for (size_t i = 0; i < sizeof(writers) / sizeof(writers[0]); i++)
		if (strcmp(writers[i].name, format) == 0)
			return &writers[i];
	return NULL;
}

const char *nm_export_formats(void)
{
	return "graphml, gexf, dot, json";
}

void nm_export_text(nm_buf *b, nm_export_type type, const nm_export_value *v)
{
	char date[16];

	switch (type) {
	case NM_EXPORT_STRING:
		nm_buf_puts(b, v->s);
		break;
	case NM_EXPORT_DATE:
		nm_date_format(v->date, date);
		nm_buf_puts(b, date);
		break;
	case NM_EXPORT_LIST:
		for (size_t i = 0; i < v->nitems; i++) {
			if (i)
				nm_buf_putc(b, ';');
			nm_buf_puts(b, v->items[i]);
		}
		break;
	case NM_EXPORT_INT:
		nm_buf_printf(b, "%lld", (long long)v->i);
		break;
	case NM_EXPORT_DOUBLE:
		nm_json_fraction(b, v->num, v->den);
		break;
	case NM_EXPORT_BOOL:
		nm_buf_puts(b, v->b ? "true" : "false");
		break;
	}
}

static void set_str(nm_export_value *v, const char *s)
{
	if (s) {
		v->set = true;
		v->s = s;
	}
}

static void set_int(nm_export_value *v, int64_t i)
{
	v->set = true;
	v->i = i;
}

static void set_bool(nm_export_value *v, bool b)
{
	v->set = true;
	v->b = b;
}

static void set_date(nm_export_value *v, nm_date d)
{
	if (d != NM_DATE_NONE) {
		v->set = true;
		v->date = d;
	}
}

static void set_fraction(nm_export_value *v, uint64_t num, uint64_t den)
{
	v->set = true;
	v->num = num;
	v->den = den;
}

/* A list of theme ids; an empty list is still set (JSON writes []). */
static void set_themes(nm_export_value *v, const nm_dataset *ds, const uint32_t *themes, size_t n)
{
	v->set = true;
	v->nitems = n;
	v->items = n ? nm_xcalloc(n, sizeof(*v->items)) : NULL;
	for (size_t i = 0; i < n; i++)
		v->items[i] = ds->themes[themes[i]].id;
}

typedef struct committee_facts {
	int64_t members; /* non-guest memberships, dissolved or not */
	int64_t cluster; /* 1-based, 0 for none */
	size_t review;   /* first entry in an->review, or an->nreview */
	size_t nreview;
} committee_facts;

static committee_facts *gather_committees(const nm_analysis *an)
{
	const nm_dataset *ds = an->ds;
	committee_facts *f = nm_xcalloc(ds->ncommittees ? ds->ncommittees : 1, sizeof(*f));

	for (size_t c = 0; c < ds->ncommittees; c++)
		f[c].review = an->nreview;
	for (size_t m = 0; m < ds->nmemberships; m++)
		if (ds->memberships[m].role != NM_ROLE_GUEST)
			f[ds->memberships[m].committee].members++;
	for (size_t k = 0; k < an->nclusters; k++)
		for (size_t i = 0; i < an->clusters[k].n; i++)
			f[an->clusters[k].committees[i]].cluster = (int64_t)k + 1;
	/* The review list is ordered by committee, so each one's reasons are a run. */
	for (size_t r = 0; r < an->nreview; r++) {
		committee_facts *x = &f[an->review[r].committee];
		if (x->nreview == 0)
			x->review = r;
		x->nreview++;
	}
	return f;
}

static void committee_node(nm_export_node *n, const nm_analysis *an, size_t c,
			   const committee_facts *f, bool two_mode)
{
	const nm_dataset *ds = an->ds;
	const nm_committee *k = &ds->committees[c];
	nm_export_value *v = n->v;

	n->id = k->id;
	set_str(&v[NM_NA_LABEL], k->name);
	if (two_mode) {
		set_str(&v[NM_NA_ENTITY], "committee");
		set_int(&v[NM_NA_BIPARTITE], 1);
		set_bool(&v[NM_NA_ANALYSED], k->status != NM_STATUS_DISSOLVED);
	}
	set_str(&v[NM_NA_KIND], nm_kind_names[k->kind]);
	set_str(&v[NM_NA_STATUS], nm_status_names[k->status]);
	set_bool(&v[NM_NA_AD_HOC], k->ad_hoc);
	set_themes(&v[NM_NA_THEMES], ds, k->themes, k->nthemes);
	set_str(&v[NM_NA_DISTRICT], k->district);
	set_int(&v[NM_NA_MEMBERS], f[c].members);
	if (k->meets != NM_FREQ_NONE)
		set_str(&v[NM_NA_MEETS], nm_freq_names[k->meets]);
	set_int(&v[NM_NA_MEETINGS], nm_freq_meetings[k->meets]);
	set_date(&v[NM_NA_LAST_MET], k->last_met);
	set_date(&v[NM_NA_FOUNDED], k->founded);
	set_date(&v[NM_NA_ENDS], k->ends);
	if (k->parent != NM_NONE)
		set_str(&v[NM_NA_PARENT], ds->committees[k->parent].id);
	if (k->lead != NM_NONE)
		set_str(&v[NM_NA_LEAD], ds->actors[k->lead].id);
	v[NM_NA_REVIEW].set = true;
	v[NM_NA_REVIEW].nitems = f[c].nreview;
	if (f[c].nreview) {
		v[NM_NA_REVIEW].items = nm_xcalloc(f[c].nreview, sizeof(char *));
		for (size_t r = 0; r < f[c].nreview; r++)
			v[NM_NA_REVIEW].items[r] =
				nm_review_reason_names[an->review[f[c].review + r].reason];
	}
	set_int(&v[NM_NA_CLUSTER], f[c].cluster);
}

static void actor_node(nm_export_node *n, const nm_analysis *an, size_t a, const nm_load *load,
		       bool contacts)
{
	const nm_actor *x = &an->ds->actors[a];
	nm_export_value *v = n->v;

	n->id = x->id;
	set_str(&v[NM_NA_LABEL], x->name);
	set_str(&v[NM_NA_ENTITY], "actor");
	set_int(&v[NM_NA_BIPARTITE], 0);
	set_str(&v[NM_NA_TYPE], nm_actor_type_names[x->type]);
	set_themes(&v[NM_NA_THEMES], an->ds, x->themes, x->nthemes);
	set_str(&v[NM_NA_DISTRICT], x->district);
	set_str(&v[NM_NA_WEBSITE], x->website);
	set_int(&v[NM_NA_COMMITTEES], load ? load->committees : 0);
	set_int(&v[NM_NA_MEETINGS], load ? load->meetings : 0);
	set_bool(&v[NM_NA_OVERLOADED], load ? load->overloaded : false);
	set_bool(&v[NM_NA_ISOLATED], load == NULL);
	if (contacts) {
		set_str(&v[NM_NA_PERSON], x->person);
		set_str(&v[NM_NA_EMAIL], x->email);
		set_str(&v[NM_NA_PHONE], x->phone);
	}
}

/* Memberships ordered by actor, then committee (indices are in id order). */
static int cmp_by_actor(const void *pa, const void *pb)
{
	const nm_membership *a = *(const nm_membership *const *)pa;
	const nm_membership *b = *(const nm_membership *const *)pb;

	if (a->actor != b->actor)
		return a->actor < b->actor ? -1 : 1;
	return (a->committee > b->committee) - (a->committee < b->committee);
}

static void build_members(nm_export_graph *g, const nm_analysis *an, const committee_facts *f,
			  bool contacts)
{
	const nm_dataset *ds = an->ds;
	const nm_load **load = nm_xcalloc(ds->nactors ? ds->nactors : 1, sizeof(*load));
	const nm_membership **ms = nm_xcalloc(ds->nmemberships ? ds->nmemberships : 1, sizeof(*ms));
	size_t a = 0, c = 0;

	for (size_t i = 0; i < an->nload; i++)
		load[an->load[i].actor] = &an->load[i];
	g->nodes = nm_xcalloc(ds->nactors + ds->ncommittees + 1, sizeof(*g->nodes));
	/* Actors and committees share one id namespace: merge the sorted arrays. */
	while (a < ds->nactors || c < ds->ncommittees) {
		nm_export_node *n = &g->nodes[g->nnodes++];
		if (c == ds->ncommittees ||
		    (a < ds->nactors && strcmp(ds->actors[a].id, ds->committees[c].id) < 0)) {
			actor_node(n, an, a, load[a], contacts);
			a++;
		} else {
			committee_node(n, an, c, f, true);
			c++;
		}
	}

	for (size_t i = 0; i < ds->nmemberships; i++)
		ms[i] = &ds->memberships[i];
	qsort(ms, ds->nmemberships, sizeof(*ms), cmp_by_actor);
	g->edges = nm_xcalloc(ds->nmemberships + 1, sizeof(*g->edges));
	for (size_t i = 0; i < ds->nmemberships; i++) {
		nm_export_edge *e = &g->edges[g->nedges++];
		const nm_committee *k = &ds->committees[ms[i]->committee];
		e->source = ds->actors[ms[i]->actor].id;
		e->target = k->id;
		set_str(&e->v[NM_EA_ROLE], nm_role_names[ms[i]->role]);
		set_date(&e->v[NM_EA_SINCE], ms[i]->since);
		set_bool(&e->v[NM_EA_ANALYSED], k->status != NM_STATUS_DISSOLVED);
	}
	free(ms);
	free(load);
}

static int cmp_overlap_ids(const void *pa, const void *pb)
{
	const nm_overlap *a = *(const nm_overlap *const *)pa;
	const nm_overlap *b = *(const nm_overlap *const *)pb;

	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	return (a->b > b->b) - (a->b < b->b);
}

static void build_overlaps(nm_export_graph *g, const nm_analysis *an, const committee_facts *f)
{
	const nm_dataset *ds = an->ds;
	const nm_overlap **ov = nm_xcalloc(an->noverlaps ? an->noverlaps : 1, sizeof(*ov));

	g->nodes = nm_xcalloc(ds->ncommittees + 1, sizeof(*g->nodes));
	for (size_t c = 0; c < ds->ncommittees; c++)
		if (ds->committees[c].status != NM_STATUS_DISSOLVED)
			committee_node(&g->nodes[g->nnodes++], an, c, f, false);

	for (size_t i = 0; i < an->noverlaps; i++)
		ov[i] = &an->overlaps[i];
	qsort(ov, an->noverlaps, sizeof(*ov), cmp_overlap_ids);
	g->edges = nm_xcalloc(an->noverlaps + 1, sizeof(*g->edges));
	for (size_t i = 0; i < an->noverlaps; i++) {
		const nm_overlap *o = ov[i];
		nm_export_edge *e = &g->edges[g->nedges++];
		nm_export_value *v = e->v;
		uint32_t smaller = o->size_a < o->size_b ? o->size_a : o->size_b;

		e->source = ds->committees[o->a].id;
		e->target = ds->committees[o->b].id;
		set_str(&v[NM_EA_CLASS], nm_class_names[o->cls]);
		set_int(&v[NM_EA_SHARED], o->shared);
		set_fraction(&v[NM_EA_JACCARD], o->shared,
			     (uint64_t)o->size_a + o->size_b - o->shared);
		set_fraction(&v[NM_EA_CONTAINMENT], o->shared, smaller);
		set_fraction(&v[NM_EA_THEME_JACCARD], o->themes_shared, o->themes_union);
		if (o->inside != NM_NONE)
			set_str(&v[NM_EA_INSIDE], ds->committees[o->inside].id);
		set_bool(&v[NM_EA_SUBGROUP], o->subgroup);
		v[NM_EA_SHARED_MEMBERS].set = true;
		v[NM_EA_SHARED_MEMBERS].nitems = o->shared;
		v[NM_EA_SHARED_MEMBERS].items = o->shared ? nm_xcalloc(o->shared, sizeof(char *))
							  : NULL;
		for (uint32_t k = 0; k < o->shared; k++)
			v[NM_EA_SHARED_MEMBERS].items[k] = ds->actors[o->shared_members[k]].id;
		set_themes(&v[NM_EA_SHARED_THEMES], ds, o->shared_themes, o->themes_shared);
		set_int(&v[NM_EA_WEIGHT], o->shared);
	}
	free(ov);
}

void nm_export_build(nm_export_graph **out, const nm_analysis *an, const nm_export_opts *opts)
{
	nm_export_graph *g = nm_xcalloc(1, sizeof(*g));
	committee_facts *f = gather_committees(an);
	bool members = opts->network == NM_EXPORT_MEMBERS;

	g->network = opts->network;
	set_str(&g->graph[NM_GA_DATASET], an->ds->name);
	set_str(&g->graph[NM_GA_NETWORK], members ? "members" : "overlaps");
	set_date(&g->graph[NM_GA_TODAY], an->today);
	set_str(&g->graph[NM_GA_GENERATOR], "netmap " NETMAP_VERSION);

	if (members)
		build_members(g, an, f, opts->include_contacts);
	else
		build_overlaps(g, an, f);
	free(f);

	/* Declare what some node or edge uses, never the contacts unasked. */
	for (size_t i = 0; i < g->nnodes; i++)
		for (int k = 0; k < NM_NA_COUNT; k++)
			if (g->nodes[i].v[k].set)
				g->node_declared[k] = true;
	if (members) {
		g->node_declared[NM_NA_PERSON] = opts->include_contacts;
		g->node_declared[NM_NA_EMAIL] = opts->include_contacts;
		g->node_declared[NM_NA_PHONE] = opts->include_contacts;
	}
	for (size_t i = 0; i < g->nedges; i++)
		for (int k = 0; k < NM_EA_COUNT; k++)
			if (g->edges[i].v[k].set)
				g->edge_declared[k] = true;
	*out = g;
}

void nm_export_graph_free(nm_export_graph *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < g->nnodes; i++)
		for (int k = 0; k < NM_NA_COUNT; k++)
			free(g->nodes[i].v[k].items);
	for (size_t i = 0; i < g->nedges; i++)
		for (int k = 0; k < NM_EA_COUNT; k++)
			free(g->edges[i].v[k].items);
	free(g->nodes);
	free(g->edges);
	free(g);
}

int nm_export_write(nm_buf *out, const char *format, const nm_analysis *an,
		    const nm_export_opts *opts, nm_error *err)
{
	const nm_export_writer *w = nm_export_find(format);
	nm_export_graph *g;

	if (!w)
		return nm_error_set(err, NM_EUSAGE, "unknown export format '%s' (%s)", format,
				    nm_export_formats());
	nm_export_build(&g, an, opts);
	w->write(out, g);
	nm_export_graph_free(g);
	return NM_OK;
}
