/*
 * report_json.c: the machine-readable report of contract section 4. The
 * field order is fixed and every list comes from the analysis already in
 * its contract order, so the same data, today and settings give the same
 * bytes. Ratios are computed from exact counts and rounded only here.
 */
#include "netmap/report.h"
#include "netmap/diff.h"
#include "netmap/json.h"

#include <stdlib.h>
#include <string.h>

static void ratio(nm_buf *b, nm_ratio r)
{
	char s[32];

	nm_ratio_format(r, s, sizeof(s));
	nm_buf_puts(b, s);
	if (r.num % r.den == 0)
		nm_buf_puts(b, ".0");
}

/* Every setting of nm_setting_defs in its order; coordinators as the analysis resolved them. */
static void settings(nm_buf *b, const nm_settings *s, const nm_analysis *an)
{
	nm_buf_puts(b, "  \"settings\": {");
	for (size_t i = 0; i < NM_SETTINGS_N; i++) {
		const nm_setting_def *d = &nm_setting_defs[i];
		const char *names[NM_TYPE_COUNT];
		size_t n;

		if (i)
			nm_buf_puts(b, ", ");
		nm_json_str(b, d->name);
		nm_buf_puts(b, ": ");
		switch (d->kind) {
		case NM_SETTING_RATIO:
			ratio(b, nm_setting_ratio(s, d));
			break;
		case NM_SETTING_COUNT:
			nm_buf_printf(b, "%u", nm_setting_number(s, d));
			break;
		case NM_SETTING_TYPES:
			n = nm_type_names_sorted(nm_setting_number(s, d), names);
			nm_buf_putc(b, '[');
			for (size_t k = 0; k < n; k++) {
				if (k)
					nm_buf_puts(b, ", ");
				nm_json_str(b, names[k]);
			}
			nm_buf_putc(b, ']');
			break;
		case NM_SETTING_IDS:
			nm_buf_putc(b, '[');
			for (size_t k = 0; k < an->ncoordinators; k++) {
				if (k)
					nm_buf_puts(b, ", ");
				nm_json_str(b, an->ds->actors[an->coordinators[k]].id);
			}
			nm_buf_putc(b, ']');
			break;
		}
	}
	nm_buf_puts(b, "},\n");
}

static void id_list(nm_buf *b, const uint32_t *idx, size_t n, const void *records, size_t size)
{
	nm_buf_putc(b, '[');
	for (size_t i = 0; i < n; i++) {
		const char *id;
		memcpy((void *)&id, (const char *)records + (size_t)idx[i] * size, sizeof(id));
		if (i)
			nm_buf_puts(b, ", ");
		nm_json_str(b, id);
	}
	nm_buf_putc(b, ']');
}

#define ACTOR_IDS(b, ds, idx, n) id_list((b), (idx), (n), (ds)->actors, sizeof(nm_actor))
#define COMMITTEE_IDS(b, ds, idx, n) \
	id_list((b), (idx), (n), (ds)->committees, sizeof(nm_committee))
#define THEME_IDS(b, ds, idx, n) id_list((b), (idx), (n), (ds)->themes, sizeof(nm_theme))

static void overlaps(nm_buf *b, const nm_analysis *an)
{
	const nm_dataset *ds = an->ds;

	nm_buf_puts(b, "  \"overlaps\": [");
	for (size_t i = 0; i < an->noverlaps; i++) {
		const nm_overlap *o = &an->overlaps[i];
		uint32_t uni = o->size_a + o->size_b - o->shared;
		uint32_t small = o->size_a < o->size_b ? o->size_a : o->size_b;

		nm_buf_puts(b, i ? ",\n    " : "\n    ");
		nm_buf_puts(b, "{\"a\": ");
		nm_json_str(b, ds->committees[o->a].id);
		nm_buf_puts(b, ", \"b\": ");
		nm_json_str(b, ds->committees[o->b].id);
		nm_buf_puts(b, ", \"class\": ");
		nm_json_str(b, nm_class_names[o->cls]);
		nm_buf_printf(b, ", \"shared\": %u, \"jaccard\": ", o->shared);
		nm_json_fraction(b, o->shared, uni);
		nm_buf_puts(b, ", \"containment\": ");
		nm_json_fraction(b, o->shared, small);
		nm_buf_puts(b, ", \"theme_jaccard\": ");
		nm_json_fraction(b, o->themes_shared, o->themes_union);
		nm_buf_puts(b, ", \"shared_members\": ");
		ACTOR_IDS(b, ds, o->shared_members, o->shared);
		nm_buf_puts(b, ", \"shared_themes\": ");
		THEME_IDS(b, ds, o->shared_themes, o->themes_shared);
		nm_buf_puts(b, ", \"inside\": ");
		nm_json_str(b, o->inside == NM_NONE ? NULL : ds->committees[o->inside].id);
		nm_buf_putc(b, '}');
	}
	nm_buf_puts(b, an->noverlaps ? "\n  ],\n" : "],\n");
}

static void clusters(nm_buf *b, const nm_analysis *an)
{
	nm_buf_puts(b, "  \"clusters\": [");
	for (size_t i = 0; i < an->nclusters; i++) {
		nm_buf_puts(b, i ? ",\n    " : "\n    ");
		nm_buf_puts(b, "{\"committees\": ");
		COMMITTEE_IDS(b, an->ds, an->clusters[i].committees, an->clusters[i].n);
		nm_buf_putc(b, '}');
	}
	nm_buf_puts(b, an->nclusters ? "\n  ],\n" : "],\n");
}

static void load(nm_buf *b, const nm_analysis *an)
{
	nm_buf_puts(b, "  \"load\": [");
	for (size_t i = 0; i < an->nload; i++) {
		const nm_load *l = &an->load[i];
		nm_buf_puts(b, i ? ",\n    " : "\n    ");
		nm_buf_puts(b, "{\"actor\": ");
		nm_json_str(b, an->ds->actors[l->actor].id);
		nm_buf_printf(b,
			      ", \"committees\": %u, \"meetings_per_year\": %u, "
			      "\"overloaded\": %s}",
			      l->committees, l->meetings, l->overloaded ? "true" : "false");
	}
	nm_buf_puts(b, an->nload ? "\n  ],\n" : "],\n");
}

static void review(nm_buf *b, const nm_analysis *an)
{
	nm_buf_puts(b, "  \"review\": [");
	for (size_t i = 0; i < an->nreview; i++) {
		const nm_review *r = &an->review[i];
		nm_buf_puts(b, i ? ",\n    " : "\n    ");
		nm_buf_puts(b, "{\"committee\": ");
		nm_json_str(b, an->ds->committees[r->committee].id);
		nm_buf_puts(b, ", \"reason\": ");
		nm_json_str(b, nm_review_reason_names[r->reason]);
		nm_buf_putc(b, '}');
	}
	nm_buf_puts(b, an->nreview ? "\n  ],\n" : "],\n");
}

static void gaps(nm_buf *b, const nm_analysis *an)
{
	const nm_dataset *ds = an->ds;
	const char *types[NM_TYPE_COUNT];
	int order[NM_TYPE_COUNT];

	/* Coverage keys in byte order of the type names. */
	nm_type_names_sorted((1u << NM_TYPE_COUNT) - 1, types);
	for (int k = 0; k < NM_TYPE_COUNT; k++)
		order[k] = nm_enum_lookup(nm_actor_type_names, NM_TYPE_COUNT, types[k]);

	nm_buf_puts(b, "  \"gaps\": {\n    \"uncovered_themes\": ");
	THEME_IDS(b, ds, an->uncovered_themes, an->nuncovered_themes);
	nm_buf_puts(b, ",\n    \"isolated_actors\": ");
	ACTOR_IDS(b, ds, an->isolated_actors, an->nisolated_actors);
	nm_buf_puts(b, ",\n    \"single_type_committees\": ");
	COMMITTEE_IDS(b, ds, an->single_type_committees, an->nsingle_type_committees);
	nm_buf_puts(b, ",\n    \"coverage\": {");
	for (size_t th = 0; th < ds->nthemes; th++) {
		nm_buf_puts(b, th ? ",\n      " : "\n      ");
		nm_json_str(b, ds->themes[th].id);
		nm_buf_puts(b, ": {");
		for (int k = 0; k < NM_TYPE_COUNT; k++) {
			if (k)
				nm_buf_puts(b, ", ");
			nm_json_str(b, types[k]);
			nm_buf_printf(b, ": %u",
				      an->coverage[th * NM_TYPE_COUNT + (size_t)order[k]]);
		}
		nm_buf_putc(b, '}');
	}
	nm_buf_puts(b, ds->nthemes ? "\n    },\n" : "},\n");
	nm_buf_puts(b, "    \"missing_voices\": [");
	for (size_t i = 0; i < an->nmissing_voices; i++) {
		const nm_missing_voice *m = &an->missing_voices[i];
		nm_buf_puts(b, i ? ",\n      " : "\n      ");
		nm_buf_puts(b, "{\"theme\": ");
		nm_json_str(b, ds->themes[m->theme].id);
		nm_buf_puts(b, ", \"type\": ");
		nm_json_str(b, nm_actor_type_names[m->type]);
		nm_buf_putc(b, '}');
	}
	nm_buf_puts(b, an->nmissing_voices ? "\n    ]\n  },\n" : "]\n  },\n");
}

static void duplicate_actors(nm_buf *b, const nm_analysis *an)
{
	nm_buf_puts(b, "  \"duplicate_actors\": [");
	for (size_t i = 0; i < an->nduplicate_actors; i++) {
		const nm_duplicate_actor *d = &an->duplicate_actors[i];
		nm_buf_puts(b, i ? ",\n    " : "\n    ");
		nm_buf_puts(b, "{\"a\": ");
		nm_json_str(b, an->ds->actors[d->a].id);
		nm_buf_puts(b, ", \"b\": ");
		nm_json_str(b, an->ds->actors[d->b].id);
		nm_buf_puts(b, ", \"reason\": ");
		nm_json_str(b, nm_dup_reason_names[d->reason]);
		nm_buf_putc(b, '}');
	}
	nm_buf_puts(b, an->nduplicate_actors ? "\n  ]" : "]");
}

/* Contract 7.2: after the fields of section 4. */
static void invitations(nm_buf *b, const nm_analysis *an)
{
	const nm_dataset *ds = an->ds;

	nm_buf_puts(b, ",\n  \"invitations\": [");
	for (size_t i = 0; i < an->ninvitations; i++) {
		const nm_invitation *v = &an->invitations[i];
		nm_buf_puts(b, i ? ",\n    " : "\n    ");
		nm_buf_puts(b, "{\"actor\": ");
		nm_json_str(b, ds->actors[v->actor].id);
		nm_buf_puts(b, ", \"committee\": ");
		nm_json_str(b, ds->committees[v->committee].id);
		nm_buf_puts(b, ", \"theme\": ");
		nm_json_str(b, ds->themes[v->theme].id);
		nm_buf_puts(b, ", \"reason\": ");
		nm_json_str(b, nm_invite_reason_names[v->reason]);
		nm_buf_putc(b, '}');
	}
	nm_buf_puts(b, an->ninvitations ? "\n  ]" : "]");
}

/* Contract 7.3. */
static void merge_proposals(nm_buf *b, const nm_analysis *an)
{
	const nm_dataset *ds = an->ds;

	nm_buf_puts(b, ",\n  \"merge_proposals\": [");
	for (size_t i = 0; i < an->nmerge_proposals; i++) {
		const nm_merge_proposal *m = &an->merge_proposals[i];
		const nm_cluster *cl = &an->clusters[m->cluster];
		nm_buf_puts(b, i ? ",\n    " : "\n    ");
		nm_buf_puts(b, "{\"committees\": ");
		COMMITTEE_IDS(b, ds, cl->committees, cl->n);
		nm_buf_printf(b, ", \"members\": %u, \"themes\": ", m->members);
		THEME_IDS(b, ds, m->themes, m->nthemes);
		nm_buf_printf(b, ", \"seats_before\": %u, \"seats_after\": %u, \"meets\": ",
			      m->seats_before, m->seats_after);
		nm_json_str(b, m->meets == NM_FREQ_NONE ? NULL : nm_freq_names[m->meets]);
		nm_buf_printf(b,
			      ", \"member_meetings_before\": %llu, "
			      "\"member_meetings_after\": %llu}",
			      (unsigned long long)m->member_meetings_before,
			      (unsigned long long)m->member_meetings_after);
	}
	nm_buf_puts(b, an->nmerge_proposals ? "\n  ]" : "]");
}

void nm_report_json(nm_buf *b, const nm_analysis *an, const nm_report_opts *opts)
{
	const nm_dataset *ds = an->ds;
	char today[11];

	nm_date_format(an->today, today);
	nm_buf_printf(b, "{\n  \"netmap\": {\"version\": \"%s\", \"format\": %d},\n",
		      NETMAP_VERSION, NETMAP_FORMAT);
	nm_buf_puts(b, "  \"dataset\": ");
	nm_json_str(b, ds->name);
	nm_buf_printf(b, ",\n  \"today\": \"%s\",\n", today);
	settings(b, &an->settings, an);
	nm_buf_printf(b,
		      "  \"summary\": {\"actors\": %zu, \"committees\": %zu, "
		      "\"analysed_committees\": %zu, \"memberships\": %zu, \"themes\": %zu},\n",
		      ds->nactors, ds->ncommittees, an->analysed_committees, ds->nmemberships,
		      ds->nthemes);
	overlaps(b, an);
	clusters(b, an);
	load(b, an);
	review(b, an);
	gaps(b, an);
	duplicate_actors(b, an);
	invitations(b, an);
	merge_proposals(b, an);
	if (opts && opts->since) {
		/* report --since: what changed, after the fields of contract 4. */
		nm_buf_puts(b, ",\n  \"changes\": ");
		nm_diff_write_json(b, opts->since);
	}
	nm_buf_puts(b, "\n}\n");
}
