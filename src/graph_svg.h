/*
 * graph_svg.h: what graph.c hands to the SVG writer (graph_svg.c) once
 * Graphviz has laid a network out: node centres and sizes in SVG points
 * (y grows downwards) and the edges between them. The writer draws the
 * picture itself, so that every label can be placed where it cannot be
 * misread and every element can carry a hover title and a link.
 */
#ifndef NETMAP_GRAPH_SVG_H
#define NETMAP_GRAPH_SVG_H

#include <stddef.h>
#include <stdint.h>

#include "netmap/analysis.h"
#include "netmap/buf.h"
#include "netmap/graph.h"
#include "netmap/i18n.h"

/* Font sizes and the width estimate of a character, in points. */
#define NM_GRAPH_FONT 10.0           /* overlap labels, actors */
#define NM_GRAPH_FONT_COMMITTEE 12.0 /* committees in the map */
#define NM_GRAPH_LINE 1.25           /* line height, in font sizes */
/*
 * A conservative width of one character in font sizes: wider than the
 * average letter of Helvetica, Arial or Liberation Sans (about 0.52).
 */
#define NM_GRAPH_CHAR_WIDTH 0.62

typedef struct nm_gnode {
	char kind;        /* 'c' committee, 'a' actor */
	uint32_t index;   /* committee or actor index */
	double x, y;      /* centre */
	double w, h;      /* width and height (a circle's diameter) */
	const char *fill; /* a static colour */
} nm_gnode;

typedef struct nm_gedge {
	size_t a, b;   /* node positions in the layout */
	uint32_t item; /* overlaps: index into an->overlaps; map: membership */
} nm_gedge;

typedef struct nm_glayout {
	nm_gnode *nodes;
	size_t nnodes;
	nm_gedge *edges;
	size_t nedges;
} nm_glayout;

/*
 * A picture label: s cleaned (control, bidi control and C1 characters
 * dropped, broken UTF-8 as U+FFFD), cut at 60 characters and wrapped at
 * 22, lines separated by '\n'. With graphviz set, backslashes are
 * doubled, '&' written as "&amp;" and lines separated by "\n" escapes,
 * as Graphviz reads labels. Returns the number of lines; *longest gets
 * the characters of the longest line.
 */
size_t nm_graph_label(nm_buf *b, const char *s, bool graphviz, size_t *longest);

/* The box a label of that many lines and characters needs at a font size. */
double nm_graph_text_width(size_t chars, double font);
double nm_graph_text_height(size_t lines, double font);

struct nm_trend;
struct GVC_s;

/* The process's one Graphviz context (graph.c), or NULL. */
struct GVC_s *nm_graph_gvc(void);

/*
 * The chart of how the network changed (trend.h) as PNG bytes, for the
 * e-mail: Graphviz draws points, lines and text at positions given here
 * (the nop engine, like neato -n). Returns 0 or NM_EIO.
 */
int nm_graph_trend_png(nm_buf *out, const struct nm_trend *t, nm_lang lang, nm_error *err);

/* Write the picture of a laid-out network as one <svg> element. */
void nm_graph_svg_write(nm_buf *out, const nm_analysis *an, nm_graph_network net,
			const nm_glayout *lay, nm_lang lang);

#endif
