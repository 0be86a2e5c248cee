/*
 * graph.h: pictures of the networks an analysis describes, laid out and
 * rendered by Graphviz's own libraries (cgraph and gvc) in process:
 *
 * - the committee overlap network: analysed committees as circles sized
 *   by their members, one edge per classified pair coloured by its class,
 *   the committees of each merge cluster filled with one colour;
 * - the actor-committee map: every membership in an analysed committee.
 *
 * Beyond a documented size a picture is no longer legible; callers ask
 * nm_graph_drawable() first and print a message instead (the export to
 * GEXF and Gephi is the tool for large networks).
 *
 * Graphviz keeps its messages to itself while drawing (library code never
 * prints): they are discarded and a failure comes back as an error.
 */
#ifndef NETMAP_GRAPH_H
#define NETMAP_GRAPH_H

#include <stdbool.h>
#include <stddef.h>

#include "netmap/analysis.h"
#include "netmap/buf.h"
#include "netmap/i18n.h"

typedef enum nm_graph_network {
	NM_GRAPH_OVERLAPS, /* committees and their classified pairs */
	NM_GRAPH_MEMBERS,  /* actors, committees and memberships */
	NM_GRAPH_COUNT
} nm_graph_network;

typedef enum nm_graph_format {
	NM_GRAPH_SVG, /* an <svg> element, without XML prolog or DOCTYPE */
	NM_GRAPH_PNG  /* PNG bytes */
} nm_graph_format;

/* At most this many committees drawn in the overlap network. */
#define NM_GRAPH_MAX_COMMITTEES 120
/* At most this many actors and committees together in the map. */
#define NM_GRAPH_MAX_MAP_NODES 150

/*
 * The nodes a network would have: analysed committees (overlaps), or
 * actors and analysed committees with a membership between them (members).
 */
size_t nm_graph_size(const nm_analysis *an, nm_graph_network net);
/*
 * Whether the network can be drawn: an overlap network that is not empty
 * (beyond NM_GRAPH_MAX_COMMITTEES, in part), a map small enough to read.
 */
bool nm_graph_drawable(const nm_analysis *an, nm_graph_network net);
/*
 * The nodes the picture shows: for an overlap network of more than
 * NM_GRAPH_MAX_COMMITTEES, the committees of merge clusters and then those
 * of the pairs sharing most members, up to the limit.
 */
size_t nm_graph_drawn(const nm_analysis *an, nm_graph_network net);

/*
 * Draw a network and append the picture to out. Returns 0; NM_EUSAGE
 * when the network is not drawable; NM_EIO when Graphviz could not lay
 * it out or render it (err says which step). Same analysis, same bytes.
 */
int nm_graph_draw(nm_buf *out, const nm_analysis *an, nm_graph_network net, nm_graph_format fmt,
		  nm_lang lang, nm_error *err);

/* The colours of the classes, as the pictures and their legends use them. */
extern const char *const nm_graph_class_colors[NM_CLASS_COUNT];

#endif
