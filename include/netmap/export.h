/*
 * export.h: the networks of an analysis for the tools analysts already use
 * (Gephi, NetworkX, Graphviz). Exporting is two steps: nm_export_build()
 * turns an analysis into an nm_export_graph, a format-neutral list of
 * nodes and edges with typed attribute values, and a writer renders that
 * graph in one format (export_<format>.c). So every format carries the
 * same attributes with the same values, and a new format is one file and
 * one row of the writer table.
 *
 * Nodes are sorted by id in byte order (actors and committees share one
 * namespace), edges by source id, then target id, so the same analysis
 * always gives the same bytes. Personal data (contact person, e-mail,
 * phone) is declared and written only with include_contacts.
 */
#ifndef NETMAP_EXPORT_H
#define NETMAP_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "netmap/analysis.h"
#include "netmap/buf.h"

typedef enum nm_export_network {
	NM_EXPORT_MEMBERS, /* two-mode: actors and committees, memberships */
	NM_EXPORT_OVERLAPS /* one-mode: analysed committees, classified pairs */
} nm_export_network;

typedef struct nm_export_opts {
	nm_export_network network;
	bool include_contacts; /* contact person, email, phone (contract 5.4) */
} nm_export_opts;

/* The type of an attribute, as the formats declare it. */
typedef enum nm_export_type {
	NM_EXPORT_STRING,
	NM_EXPORT_INT,
	NM_EXPORT_DOUBLE, /* an exact fraction, written to 3 decimals */
	NM_EXPORT_BOOL,
	NM_EXPORT_DATE, /* declared as a string, written YYYY-MM-DD */
	NM_EXPORT_LIST  /* ids: a JSON array, elsewhere a string joined by ';' */
} nm_export_type;

/* Node attributes, in the order every format declares them. */
typedef enum nm_export_node_attr {
	NM_NA_LABEL,     /* actor name or committee name */
	NM_NA_ENTITY,    /* "actor" or "committee" */
	NM_NA_BIPARTITE, /* 0 actors, 1 committees (NetworkX, Gephi) */
	NM_NA_TYPE,      /* actor type */
	NM_NA_KIND,      /* committee kind */
	NM_NA_STATUS,
	NM_NA_ANALYSED, /* committee: not dissolved, so in the analysis */
	NM_NA_AD_HOC,
	NM_NA_THEMES,
	NM_NA_DISTRICT,
	NM_NA_WEBSITE,
	NM_NA_COMMITTEES, /* actor load: analysed committees */
	NM_NA_MEETINGS,   /* meetings a year: the actor's load, or the
			       committee's frequency */
	NM_NA_OVERLOADED,
	NM_NA_ISOLATED,
	NM_NA_MEMBERS, /* committee: members other than guests */
	NM_NA_MEETS,   /* committee frequency name */
	NM_NA_LAST_MET,
	NM_NA_FOUNDED,
	NM_NA_ENDS,
	NM_NA_PARENT,
	NM_NA_LEAD,
	NM_NA_REVIEW,  /* review reasons */
	NM_NA_CLUSTER, /* 1-based cluster of duplicates, 0 for none */
	NM_NA_PERSON,  /* personal data: only with include_contacts */
	NM_NA_EMAIL,
	NM_NA_PHONE,
	NM_NA_COUNT
} nm_export_node_attr;

/* Edge attributes, in the order every format declares them. */
typedef enum nm_export_edge_attr {
	NM_EA_ROLE, /* members: the membership's role */
	NM_EA_SINCE,
	NM_EA_ANALYSED, /* members: the committee is not dissolved */
	NM_EA_CLASS,    /* overlaps: duplicate, nested or overlap */
	NM_EA_SHARED,
	NM_EA_JACCARD,
	NM_EA_CONTAINMENT,
	NM_EA_THEME_JACCARD,
	NM_EA_INSIDE,   /* nested: the smaller committee's id */
	NM_EA_SUBGROUP, /* one is an ancestor of the other via parent */
	NM_EA_SHARED_MEMBERS,
	NM_EA_SHARED_THEMES,
	NM_EA_WEIGHT, /* overlaps: shared members, for layouts */
	NM_EA_COUNT
} nm_export_edge_attr;

/* Graph attributes. */
typedef enum nm_export_graph_attr {
	NM_GA_DATASET,
	NM_GA_NETWORK,
	NM_GA_TODAY,
	NM_GA_GENERATOR,
	NM_GA_COUNT
} nm_export_graph_attr;

typedef struct nm_export_attr {
	const char *name;
	nm_export_type type;
} nm_export_attr;

extern const nm_export_attr nm_export_node_attrs[NM_NA_COUNT];
extern const nm_export_attr nm_export_edge_attrs[NM_EA_COUNT];
extern const nm_export_attr nm_export_graph_attrs[NM_GA_COUNT];

/* One attribute value; unset values are left out of the output. */
typedef struct nm_export_value {
	bool set;
	const char *s;      /* STRING: borrowed from the dataset or static */
	int64_t i;          /* INT */
	uint64_t num, den;  /* DOUBLE */
	bool b;             /* BOOL */
	nm_date date;       /* DATE */
	const char **items; /* LIST: borrowed strings; the array is owned */
	size_t nitems;
} nm_export_value;

typedef struct nm_export_node {
	const char *id;
	nm_export_value v[NM_NA_COUNT];
} nm_export_node;

typedef struct nm_export_edge {
	const char *source, *target;
	nm_export_value v[NM_EA_COUNT];
} nm_export_edge;

typedef struct nm_export_graph {
	nm_export_network network;
	bool node_declared[NM_NA_COUNT]; /* the attributes this graph uses */
	bool edge_declared[NM_EA_COUNT];
	nm_export_value graph[NM_GA_COUNT];
	nm_export_node *nodes;
	size_t nnodes;
	nm_export_edge *edges;
	size_t nedges;
} nm_export_graph;

/*
 * Build the network opts asks for from an (and its dataset, which both
 * must outlive the graph: strings are borrowed). *out receives a new graph,
 * freed with nm_export_graph_free().
 */
void nm_export_build(nm_export_graph **out, const nm_analysis *an, const nm_export_opts *opts);
void nm_export_graph_free(nm_export_graph *g);

/*
 * Append a value as plain, unescaped text: a string as it is, a date as
 * YYYY-MM-DD, a list joined by ';', numbers and booleans as literals
 * ("0.667", "3", "true") that every format reads as numbers and booleans.
 * Writers escape the text for their format.
 */
void nm_export_text(nm_buf *b, nm_export_type type, const nm_export_value *v);

typedef void (*nm_export_fn)(nm_buf *out, const nm_export_graph *g);

typedef struct nm_export_writer {
	const char *name; /* the --format value */
	nm_export_fn write;
} nm_export_writer;

/* The writer for a format name, or NULL. */
const nm_export_writer *nm_export_find(const char *format);
/* The format names, comma-separated, for usage messages. */
const char *nm_export_formats(void);

/* Build the network and append it in format to out; NM_EUSAGE for an
   unknown format (out untouched). */
int nm_export_write(nm_buf *out, const char *format, const nm_analysis *an,
		    const nm_export_opts *opts, nm_error *err);

void nm_export_graphml(nm_buf *out, const nm_export_graph *g);
void nm_export_gexf(nm_buf *out, const nm_export_graph *g);
void nm_export_dot(nm_buf *out, const nm_export_graph *g);
void nm_export_json(nm_buf *out, const nm_export_graph *g);

#endif
