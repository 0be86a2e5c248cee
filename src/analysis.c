/*
 * analysis.c: the findings of contract section 3, from a validated dataset.
 *
 * Overlapping committees are the expensive part. Comparing every pair is
 * quadratic (a country's 20,000 committees make 200 million pairs), so pairs
 * are found through the members they share instead: an inverted index lists,
 * per actor, the analysed committees where it is a member (guests aside),
 * and for each committee a, walking its members' lists past a counts
 * |M(a) ∩ M(b)| for every later b that shares anyone, in a dense counter
 * array that the list of touched entries resets.
 *
 * That costs the sum, over actors, of the square of their committee counts,
 * and hub actors (a city's administration, a job centre) in thousands of
 * committees would dominate it. Actors in more committees than a limit are
 * therefore "heavy" and left out of the counting; their part of a pair's
 * count comes from intersecting the two committees' short lists of heavy
 * members. A pair that shares heavy actors only can still be classified,
 * but only when it consists mostly of them: either its jaccard reaches the
 * lower of the two jaccard thresholds, so that both committees have at
 * least that share of heavy members and prefix filtering over the heavy
 * members, rarest first, finds it; or the smaller committee has heavy
 * members only (nested), and the committees of its rarest member are the
 * candidates. Every count stays exact, and ratios are compared as fractions
 * by cross-multiplication in 64 bits, never in floating point.
 *
 * On several threads (nm_analysis_run_jobs), ranges of committees a are
 * searched apart, each worker with its own counters and cursors and each
 * range into its own list; the lists joined in range order are the list
 * one thread makes (par.h). Duplicate actor records, which need nothing
 * of the rest, are found beside it on a thread of their own.
 */
#include "netmap/analysis.h"

#include "par.h"

#include <assert.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

const char *const nm_class_names[NM_CLASS_COUNT] = {"duplicate", "nested", "overlap"};
const char *const nm_review_reason_names[NM_REVIEW_COUNT] = {
	"dormant",
	"long_running_ad_hoc",
	"overdue_ad_hoc",
	"stale",
};
const char *const nm_invite_reason_names[NM_INVITE_COUNT] = {"isolated", "missing_voice"};

/*
 * An actor in more analysed committees than the limit is heavy. Below it,
 * the square of an actor's committee count is cheap next to the work of
 * reading the memberships; the limit grows with the square root of their
 * number. Tests fix it at build time to push ordinary data through the
 * heavy path.
 */
static size_t heavy_limit(size_t nnz)
{
#ifdef NM_ANALYSIS_HEAVY_LIMIT
	(void)nnz;
	return NM_ANALYSIS_HEAVY_LIMIT;
#else
	size_t limit = 256;

	while (limit * limit < nnz)
		limit *= 2;
	return limit;
#endif
}

/* Compressed rows: row i is v[off[i]] .. v[off[i + 1] - 1]. */
typedef struct rows {
	size_t *off;
	uint32_t *v;
} rows;

static void rows_release(rows *r)
{
	free(r->off);
	free(r->v);
}

/* Everything the pair search needs, freed at the end of nm_analysis_run. */
typedef struct pairs_ctx {
	const nm_dataset *ds;
	const nm_settings *st;
	uint32_t min_shared;   /* max(min_shared, 1) */
	const uint32_t *size;  /* |M(c)| */
	rows members;          /* M(c): actor indices, ascending */
	rows comms;            /* per actor: analysed committees, non-guest, ascending */
	uint32_t *rank;        /* per actor: rank among heavy actors, or NM_NONE */
	uint32_t *heavy_actor; /* rank -> actor */
	uint32_t nheavy;
	rows heavy;           /* per committee: ranks of its heavy members, ascending */
	uint32_t *prefix;     /* per committee: heavy prefix length (0: none) */
	rows by_prefix;       /* per rank: committees with it in their prefix */
	uint32_t *tin, *tout; /* parent forest, depth-first entry and exit times */
	uint64_t *mask;       /* up to 64 heavy actors: per committee, bit per rank */
	const bool *analysed;

	nm_overlap *out;
	size_t nout;
} pairs_ctx;

/*
 * What one worker of the pair search keeps from committee to committee; a
 * worker's committees come in ascending order, so the cursors only move on.
 */
typedef struct pairs_scratch {
	uint32_t *cnt;        /* per committee b: light members shared with a */
	uint32_t *seen;       /* per committee b: a + 1 once touched from a */
	uint32_t *touched;    /* the b touched from a */
	uint32_t *rank_stamp; /* rank -> a + 1 when heavy in committee a */
	size_t *cur;          /* per actor: where a is (or comes) in its committees */
	size_t *pcur;         /* per rank: where a is (or comes) in by_prefix */
} pairs_scratch;

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

/* x/y >= r, exactly; y > 0. */
static bool ratio_at_least(uint64_t x, uint64_t y, nm_ratio r)
{
	return x * r.den >= (uint64_t)r.num * y;
}

/* a/b compared with c/d (b, d > 0): negative, 0 or positive. */
static int frac_cmp(uint64_t a, uint64_t b, uint64_t c, uint64_t d)
{
	uint64_t l = a * d, r = c * b;
	return (l > r) - (l < r);
}

/* Count the common values of two ascending arrays. */
static uint32_t count_common(const uint32_t *x, size_t nx, const uint32_t *y, size_t ny)
{
	size_t i = 0, j = 0;
	uint32_t n = 0;

	while (i < nx && j < ny) {
		if (x[i] < y[j]) {
			i++;
		} else if (x[i] > y[j]) {
			j++;
		} else {
			n++;
			i++;
			j++;
		}
	}
	return n;
}

/* The common values of two ascending arrays, in a new array of n. */
static uint32_t *common(const uint32_t *x, size_t nx, const uint32_t *y, size_t ny, uint32_t n)
{
	uint32_t *out = n ? nm_xreallocarray(NULL, n, sizeof(*out)) : NULL;
	size_t i = 0, j = 0, k = 0;

	while (i < nx && j < ny && k < n) {
		if (x[i] < y[j]) {
			i++;
		} else if (x[i] > y[j]) {
			j++;
		} else {
			out[k++] = x[i];
			i++;
			j++;
		}
	}
	assert(k == n);
	return out;
}

static bool is_ancestor(const pairs_ctx *p, uint32_t u, uint32_t v)
{
	if (u == v || p->tin[u] == NM_NONE || p->tin[v] == NM_NONE)
		return false;
	return p->tin[u] < p->tin[v] && p->tout[v] <= p->tout[u];
}

/*
 * Number the parent forest depth first, so that "u is an ancestor of v" is
 * two comparisons. Parent links are followed whatever the status.
 */
static void number_parents(pairs_ctx *p)
{
	const nm_dataset *ds = p->ds;
	size_t nc = ds->ncommittees;
	size_t *first = nm_xcalloc(nc + 1, sizeof(*first));
	uint32_t *child = nm_xreallocarray(NULL, nc ? nc : 1, sizeof(*child));
	uint32_t *stack = nm_xreallocarray(NULL, nc ? nc : 1, sizeof(*stack));
	size_t *next = nm_xreallocarray(NULL, nc ? nc : 1, sizeof(*next));
	uint32_t clock = 0;

	p->tin = nm_xreallocarray(NULL, nc ? nc : 1, sizeof(*p->tin));
	p->tout = nm_xreallocarray(NULL, nc ? nc : 1, sizeof(*p->tout));
	for (size_t c = 0; c < nc; c++) {
		p->tin[c] = p->tout[c] = NM_NONE;
		if (ds->committees[c].parent != NM_NONE)
			first[ds->committees[c].parent + 1]++;
	}
	for (size_t c = 0; c < nc; c++)
		first[c + 1] += first[c];
	memcpy(next, first, nc * sizeof(*next));
	for (size_t c = 0; c < nc; c++) {
		uint32_t par = ds->committees[c].parent;
		if (par != NM_NONE)
			child[next[par]++] = (uint32_t)c;
	}
	for (size_t root = 0; root < nc; root++) {
		size_t depth = 0;

		if (ds->committees[root].parent != NM_NONE)
			continue;
		stack[depth++] = (uint32_t)root;
		p->tin[root] = clock++;
		next[root] = first[root];
		while (depth) {
			uint32_t u = stack[depth - 1];
			if (next[u] < first[u + 1]) {
				uint32_t v = child[next[u]++];
				p->tin[v] = clock++;
				next[v] = first[v];
				stack[depth++] = v;
			} else {
				p->tout[u] = clock++;
				depth--;
			}
		}
	}
	/* A committee in a parent cycle (invalid data) stays unnumbered. */
	free(first);
	free(child);
	free(stack);
	free(next);
}

static uint32_t popcount64(uint64_t x)
{
	x = x - ((x >> 1) & 0x5555555555555555ULL);
	x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
	x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
	return (uint32_t)((x * 0x0101010101010101ULL) >> 56);
}

/* How many of a's heavy members are also heavy members of b. */
static uint32_t heavy_common(const pairs_ctx *p, const pairs_scratch *sc, uint32_t a, uint32_t b)
{
	const uint32_t *ha = p->heavy.v + p->heavy.off[a];
	const uint32_t *hb = p->heavy.v + p->heavy.off[b];
	size_t na = p->heavy.off[a + 1] - p->heavy.off[a];
	size_t nb = p->heavy.off[b + 1] - p->heavy.off[b];
	uint32_t n = 0;

	if (na == 0 || nb == 0)
		return 0;
	if (p->mask)
		return popcount64(p->mask[a] & p->mask[b]);
	if (nb <= 8 * na) {
		/* rank_stamp marks a's heavy members during a's turn. */
		for (size_t i = 0; i < nb; i++)
			n += sc->rank_stamp[hb[i]] == a + 1;
		return n;
	}
	for (size_t i = 0; i < na; i++)
		n += bsearch(&ha[i], hb, nb, sizeof(*hb), cmp_u32) != NULL;
	return n;
}

/*
 * Could committees of sa and sb members sharing at most smax fit a class?
 * Jaccard grows with the shared count, so the bound decides for all three.
 */
static bool may_fit(const pairs_ctx *p, uint32_t sa, uint32_t sb, uint32_t smax)
{
	uint64_t uni;

	if (smax < p->min_shared)
		return false;
	if (sa != sb && smax >= (sa < sb ? sa : sb))
		return true;
	uni = (uint64_t)sa + sb - smax;
	return ratio_at_least(smax, uni, p->st->duplicate_jaccard) ||
	       ratio_at_least(smax, uni, p->st->overlap_jaccard);
}

/* Classify the pair {a, b} with s shared members; keep it in out when it has a class. */
static void consider(const pairs_ctx *p, nm_par_part *out, uint32_t a, uint32_t b, uint32_t s)
{
	const nm_settings *st = p->st;
	const nm_committee *ca, *cb;
	uint32_t lo = a < b ? a : b, hi = a < b ? b : a;
	uint32_t sa, sb, ts, tu, small, large;
	uint64_t uni;
	nm_overlap *o;
	nm_class cls;
	bool theme_ok, dup_ok, over_ok, subset;

	if (s < p->min_shared)
		return;
	ca = &p->ds->committees[lo];
	cb = &p->ds->committees[hi];
	sa = p->size[lo];
	sb = p->size[hi];
	uni = (uint64_t)sa + sb - s;
	dup_ok = ratio_at_least(s, uni, st->duplicate_jaccard);
	over_ok = ratio_at_least(s, uni, st->overlap_jaccard);
	small = sa < sb ? lo : hi;
	large = sa < sb ? hi : lo;
	subset = sa != sb && s == p->size[small];
	/* Most pairs that share members fit no class: decide before the themes. */
	if (!dup_ok && !over_ok && !subset)
		return;
	ts = count_common(ca->themes, ca->nthemes, cb->themes, cb->nthemes);
	tu = (uint32_t)(ca->nthemes + cb->nthemes) - ts;
	/* theme_jaccard is 0 when neither has a theme. */
	theme_ok = tu ? ratio_at_least(ts, tu, st->duplicate_theme_jaccard)
		      : st->duplicate_theme_jaccard.num == 0;

	if (dup_ok && theme_ok)
		cls = NM_CLASS_DUPLICATE;
	else if (subset && ts == p->ds->committees[small].nthemes && !is_ancestor(p, large, small))
		cls = NM_CLASS_NESTED;
	else if (over_ok)
		cls = NM_CLASS_OVERLAP;
	else
		return;

	nm_grow(&out->v, &out->cap, out->n + 1, sizeof(*o));
	o = (nm_overlap *)out->v + out->n++;
	memset(o, 0, sizeof(*o));
	o->a = lo;
	o->b = hi;
	o->cls = cls;
	o->shared = s;
	o->size_a = sa;
	o->size_b = sb;
	o->themes_shared = ts;
	o->themes_union = tu;
	o->inside = cls == NM_CLASS_NESTED ? small : NM_NONE;
	o->subgroup = is_ancestor(p, lo, hi) || is_ancestor(p, hi, lo);
}

/* Build the heavy lists, prefixes and the prefix index. */
static void index_heavy(pairs_ctx *p, const bool *analysed)
{
	const nm_dataset *ds = p->ds;
	const nm_settings *st = p->st;
	size_t na = ds->nactors, nc = ds->ncommittees, nnz = 0, limit;
	nm_ratio tmin;
	size_t *fill;

	for (size_t x = 0; x < na; x++)
		nnz += p->comms.off[x + 1] - p->comms.off[x];
	limit = heavy_limit(nnz);

	/* Heavy actors ranked by committee count, rarest first, then index. */
	p->rank = nm_xreallocarray(NULL, na ? na : 1, sizeof(*p->rank));
	p->heavy_actor = nm_xreallocarray(NULL, na ? na : 1, sizeof(*p->heavy_actor));
	p->nheavy = 0;
	for (size_t x = 0; x < na; x++) {
		p->rank[x] = NM_NONE;
		if (p->comms.off[x + 1] - p->comms.off[x] > limit)
			p->heavy_actor[p->nheavy++] = (uint32_t)x;
	}
	for (uint32_t i = 1; i < p->nheavy; i++) { /* few: insertion sort */
		uint32_t x = p->heavy_actor[i], j = i;
		size_t dx = p->comms.off[x + 1] - p->comms.off[x];
		while (j > 0) {
			uint32_t y = p->heavy_actor[j - 1];
			size_t dy = p->comms.off[y + 1] - p->comms.off[y];
			if (dy < dx || (dy == dx && y < x))
				break;
			p->heavy_actor[j] = y;
			j--;
		}
		p->heavy_actor[j] = x;
	}
	for (uint32_t r = 0; r < p->nheavy; r++)
		p->rank[p->heavy_actor[r]] = r;

	/* Per committee, the ranks of its heavy members, ascending. */
	p->heavy.off = nm_xcalloc(nc + 1, sizeof(*p->heavy.off));
	for (size_t c = 0; c < nc; c++) {
		size_t n = 0;
		for (size_t i = p->members.off[c]; i < p->members.off[c + 1]; i++)
			n += p->rank[p->members.v[i]] != NM_NONE;
		p->heavy.off[c + 1] = p->heavy.off[c] + n;
	}
	p->heavy.v = nm_xreallocarray(NULL, p->heavy.off[nc] ? p->heavy.off[nc] : 1,
				      sizeof(*p->heavy.v));
	for (size_t c = 0; c < nc; c++) {
		size_t k = p->heavy.off[c];
		for (size_t i = p->members.off[c]; i < p->members.off[c + 1]; i++)
			if (p->rank[p->members.v[i]] != NM_NONE)
				p->heavy.v[k++] = p->rank[p->members.v[i]];
		qsort(p->heavy.v + p->heavy.off[c], k - p->heavy.off[c], sizeof(*p->heavy.v),
		      cmp_u32);
	}

	if (p->nheavy && p->nheavy <= 64) {
		p->mask = nm_xcalloc(nc ? nc : 1, sizeof(*p->mask));
		for (size_t c = 0; c < nc; c++)
			for (size_t i = p->heavy.off[c]; i < p->heavy.off[c + 1]; i++)
				p->mask[c] |= 1ULL << p->heavy.v[i];
	}

	/*
	 * A pair sharing heavy actors only, with jaccard >= t, shares at least
	 * alpha(c) = max(min_shared, ceil(t |M(c)|)) of them for either
	 * committee c. Then the first |H(c)| - alpha(c) + 1 heavy members of
	 * each (rarest first) have one in common: only those are indexed.
	 */
	tmin = frac_cmp(st->duplicate_jaccard.num, st->duplicate_jaccard.den,
			st->overlap_jaccard.num, st->overlap_jaccard.den) < 0
		       ? st->duplicate_jaccard
		       : st->overlap_jaccard;
	p->prefix = nm_xcalloc(nc ? nc : 1, sizeof(*p->prefix));
	p->by_prefix.off = nm_xcalloc((size_t)p->nheavy + 1, sizeof(*p->by_prefix.off));
	for (size_t c = 0; c < nc; c++) {
		uint64_t nh = p->heavy.off[c + 1] - p->heavy.off[c];
		uint64_t alpha = ((uint64_t)tmin.num * p->size[c] + tmin.den - 1) / tmin.den;

		if (!analysed[c] || nh == 0)
			continue;
		if (alpha < p->min_shared)
			alpha = p->min_shared;
		if (nh >= alpha) {
			p->prefix[c] = (uint32_t)(nh - alpha + 1);
			for (uint32_t j = 0; j < p->prefix[c]; j++)
				p->by_prefix.off[p->heavy.v[p->heavy.off[c] + j] + 1]++;
		}
	}
	for (uint32_t r = 0; r < p->nheavy; r++)
		p->by_prefix.off[r + 1] += p->by_prefix.off[r];
	p->by_prefix.v = nm_xreallocarray(NULL,
					  p->by_prefix.off[p->nheavy] ? p->by_prefix.off[p->nheavy]
								      : 1,
					  sizeof(*p->by_prefix.v));
	fill = nm_xreallocarray(NULL, (size_t)p->nheavy + 1, sizeof(*fill));
	memcpy(fill, p->by_prefix.off, ((size_t)p->nheavy + 1) * sizeof(*fill));
	for (size_t c = 0; c < nc; c++)
		for (uint32_t j = 0; j < p->prefix[c]; j++)
			p->by_prefix.v[fill[p->heavy.v[p->heavy.off[c] + j]]++] = (uint32_t)c;
	free(fill);
}

static int cmp_overlap(const void *x, const void *y)
{
	const nm_overlap *a = x, *b = y;
	int c;

	if (a->cls != b->cls)
		return a->cls < b->cls ? -1 : 1;
	/* jaccard descending, exactly */
	c = frac_cmp(b->shared, (uint64_t)b->size_a + b->size_b - b->shared, a->shared,
		     (uint64_t)a->size_a + a->size_b - a->shared);
	if (c)
		return c;
	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	return (a->b > b->b) - (a->b < b->b);
}

/*
 * The pairs {a, b}, a < b, of the committees a of one range, into out;
 * sc holds the worker's counters and cursors.
 */
static void pairs_from(const pairs_ctx *p, pairs_scratch *sc, nm_par_part *out, uint32_t from,
		       uint32_t to)
{
	const bool *analysed = p->analysed;
	uint32_t *cnt = sc->cnt, *seen = sc->seen, *touched = sc->touched;

	for (uint32_t a = from; a < to; a++) {
		size_t ntouched = 0;
		size_t h0 = p->heavy.off[a], nh = p->heavy.off[a + 1] - h0;

		if (!analysed[a] || p->size[a] == 0)
			continue;
		for (size_t j = 0; j < nh; j++)
			sc->rank_stamp[p->heavy.v[h0 + j]] = a + 1;

		/* Light members: count shared members with every later b. */
		for (size_t i = p->members.off[a]; i < p->members.off[a + 1]; i++) {
			uint32_t x = p->members.v[i];
			size_t pos, end = p->comms.off[x + 1];

			if (p->rank[x] != NM_NONE)
				continue;
			/* Past the committees of x that other workers took. */
			for (pos = sc->cur[x]; p->comms.v[pos] < a; pos++)
				;
			assert(p->comms.v[pos] == a);
			sc->cur[x] = pos + 1;
			for (size_t j = pos + 1; j < end; j++) {
				uint32_t b = p->comms.v[j];
				if (cnt[b]++ == 0)
					touched[ntouched++] = b;
			}
		}
		/* Later b sharing heavy actors only, with a jaccard that may fit. */
		for (uint32_t j = 0; j < p->prefix[a]; j++) {
			uint32_t r = p->heavy.v[h0 + j];
			size_t pos, end = p->by_prefix.off[r + 1];

			for (pos = sc->pcur[r]; p->by_prefix.v[pos] < a; pos++)
				;
			assert(p->by_prefix.v[pos] == a);
			sc->pcur[r] = pos + 1;
			for (size_t i = pos + 1; i < end; i++) {
				uint32_t b = p->by_prefix.v[i];
				if (cnt[b] == 0 && seen[b] != a + 1) {
					seen[b] = a + 1;
					touched[ntouched++] = b;
				}
			}
		}
		/* a of heavy members only: any larger b may hold it (nested). */
		if (nh && nh == p->size[a] && nh >= p->min_shared) {
			uint32_t x = p->heavy_actor[p->heavy.v[h0]];
			for (size_t i = p->comms.off[x]; i < p->comms.off[x + 1]; i++) {
				uint32_t b = p->comms.v[i];
				if (p->size[b] > p->size[a] && cnt[b] == 0 && seen[b] != a + 1) {
					seen[b] = a + 1;
					touched[ntouched++] = b;
				}
			}
		}
		for (size_t i = 0; i < ntouched; i++) {
			uint32_t b = touched[i], light = cnt[b];
			size_t hb = p->heavy.off[b + 1] - p->heavy.off[b];

			cnt[b] = 0;
			/* Most pairs fail even if they shared every heavy member. */
			if (may_fit(p, p->size[a], p->size[b],
				    light + (uint32_t)(nh < hb ? nh : hb)))
				consider(p, out, a, b, light + heavy_common(p, sc, a, b));
		}
	}
}

static void scratch_init(pairs_scratch *sc, const pairs_ctx *p)
{
	size_t nc = p->ds->ncommittees, na = p->ds->nactors;

	sc->cnt = nm_xcalloc(nc ? nc : 1, sizeof(*sc->cnt));
	sc->seen = nm_xcalloc(nc ? nc : 1, sizeof(*sc->seen));
	sc->touched = nm_xreallocarray(NULL, nc ? nc : 1, sizeof(*sc->touched));
	sc->rank_stamp = nm_xcalloc(p->nheavy ? p->nheavy : 1, sizeof(*sc->rank_stamp));
	sc->cur = nm_xreallocarray(NULL, na ? na : 1, sizeof(*sc->cur));
	sc->pcur = nm_xreallocarray(NULL, (size_t)p->nheavy + 1, sizeof(*sc->pcur));
	memcpy(sc->cur, p->comms.off, na * sizeof(*sc->cur));
	memcpy(sc->pcur, p->by_prefix.off, (size_t)p->nheavy * sizeof(*sc->pcur));
}

static void scratch_release(pairs_scratch *sc)
{
	free(sc->cnt);
	free(sc->seen);
	free(sc->touched);
	free(sc->rank_stamp);
	free(sc->cur);
	free(sc->pcur);
}

/* The pair search on several threads: ranges of a, one output each. */
typedef struct pairs_job {
	const pairs_ctx *p;
	pairs_scratch *scratch; /* one per worker */
	nm_par_part *parts;     /* one per range */
	const size_t *bounds;   /* range i: committees bounds[i] .. bounds[i + 1] - 1 */
} pairs_job;

static void pairs_chunk(void *ctx, size_t chunk, unsigned worker)
{
	const pairs_job *job = ctx;

	pairs_from(job->p, &job->scratch[worker], &job->parts[chunk], (uint32_t)job->bounds[chunk],
		   (uint32_t)job->bounds[chunk + 1]);
}

/*
 * Ranges of committees of about equal work for the pair search: a's share
 * is its members and, per light member, the later committees it is in.
 */
static void pairs_ranges(const pairs_ctx *p, size_t *bounds, size_t k)
{
	size_t nc = p->ds->ncommittees, na = p->ds->nactors;
	uint64_t *cum = nm_xcalloc(nc + 1, sizeof(*cum));

	for (size_t x = 0; x < na; x++) {
		size_t lo = p->comms.off[x], hi = p->comms.off[x + 1];
		if (p->rank[x] != NM_NONE)
			continue;
		for (size_t j = lo; j < hi; j++)
			cum[p->comms.v[j] + 1] += hi - j;
	}
	for (size_t c = 0; c < nc; c++)
		cum[c + 1] += cum[c] + 1;
	nm_par_split(bounds, k, cum, nc);
	free(cum);
}

/*
 * Every classified pair of analysed committees (contract 3.1), on jobs
 * threads. Each range of committees a finds its pairs into its own part,
 * and the parts joined in range order are the list one thread finds for
 * all a in order; so is everything after.
 */
static void find_overlaps(pairs_ctx *p, const bool *analysed, unsigned jobs)
{
	const nm_dataset *ds = p->ds;
	size_t nc = ds->ncommittees, k, nranges;
	unsigned nworkers;
	pairs_scratch *scratch;
	nm_par_part *parts;
	size_t *bounds;
	pairs_job job;

	p->analysed = analysed;
	index_heavy(p, analysed);
	/* Several ranges per worker, so that a busy or slow one holds up little. */
	nranges = jobs > 1 && nc > 1 ? (size_t)jobs * 8 : 1;
	if (nranges > nc)
		nranges = nc ? nc : 1;
	nworkers = nm_par_workers(jobs, nranges);
	bounds = nm_xcalloc(nranges + 1, sizeof(*bounds));
	if (nranges > 1)
		pairs_ranges(p, bounds, nranges);
	else
		bounds[1] = nc;
	scratch = nm_xcalloc(nworkers, sizeof(*scratch));
	for (unsigned w = 0; w < nworkers; w++)
		scratch_init(&scratch[w], p);
	parts = nm_xcalloc(nranges, sizeof(*parts));
	job.p = p;
	job.scratch = scratch;
	job.parts = parts;
	job.bounds = bounds;
	nm_par_run(jobs, nranges, pairs_chunk, &job);
	nm_par_join((void **)&p->out, &p->nout, parts, nranges, sizeof(*p->out));
	for (unsigned w = 0; w < nworkers; w++)
		scratch_release(&scratch[w]);
	free(scratch);
	free(parts);
	free(bounds);

	/* A nested pair found from its later committee may be found twice. */
	if (p->nout)
		qsort(p->out, p->nout, sizeof(*p->out), cmp_overlap);
	k = 0;
	for (size_t i = 0; i < p->nout; i++) {
		if (k && p->out[k - 1].a == p->out[i].a && p->out[k - 1].b == p->out[i].b)
			continue;
		p->out[k++] = p->out[i];
	}
	p->nout = k;
	for (size_t i = 0; i < p->nout; i++) {
		nm_overlap *o = &p->out[i];
		const nm_committee *ca = &ds->committees[o->a], *cb = &ds->committees[o->b];
		o->shared_members = common(p->members.v + p->members.off[o->a], o->size_a,
					   p->members.v + p->members.off[o->b], o->size_b,
					   o->shared);
		o->shared_themes = common(ca->themes, ca->nthemes, cb->themes, cb->nthemes,
					  o->themes_shared);
	}
}

/* Clusters: connected components of the duplicate pairs. */
static uint32_t find_root(uint32_t *up, uint32_t x)
{
	while (up[x] != x) {
		up[x] = up[up[x]];
		x = up[x];
	}
	return x;
}

static void find_clusters(nm_analysis *an)
{
	size_t nc = an->ds->ncommittees, cap = 0;
	uint32_t *up = nm_xreallocarray(NULL, nc ? nc : 1, sizeof(*up));
	uint32_t *size = nm_xcalloc(nc ? nc : 1, sizeof(*size));
	uint32_t *slot = nm_xreallocarray(NULL, nc ? nc : 1, sizeof(*slot));

	for (size_t c = 0; c < nc; c++) {
		up[c] = (uint32_t)c;
		slot[c] = NM_NONE;
	}
	for (size_t i = 0; i < an->noverlaps; i++) {
		uint32_t x, y;
		if (an->overlaps[i].cls != NM_CLASS_DUPLICATE)
			continue;
		x = find_root(up, an->overlaps[i].a);
		y = find_root(up, an->overlaps[i].b);
		if (x != y)
			up[x > y ? x : y] = x < y ? x : y;
	}
	for (size_t c = 0; c < nc; c++)
		size[find_root(up, (uint32_t)c)]++;
	/* Ascending c: clusters appear by their first id, members ascending. */
	for (size_t c = 0; c < nc; c++) {
		uint32_t r = find_root(up, (uint32_t)c);
		nm_cluster *cl;
		if (size[r] < 2)
			continue;
		if (slot[r] == NM_NONE) {
			NM_GROW(an->clusters, cap, an->nclusters + 1);
			slot[r] = (uint32_t)an->nclusters;
			cl = &an->clusters[an->nclusters++];
			cl->committees = nm_xreallocarray(NULL, size[r], sizeof(uint32_t));
			cl->n = 0;
		}
		cl = &an->clusters[slot[r]];
		cl->committees[cl->n++] = (uint32_t)c;
	}
	free(up);
	free(size);
	free(slot);
}

static int cmp_load(const void *x, const void *y)
{
	const nm_load *a = x, *b = y;
	if (a->committees != b->committees)
		return a->committees > b->committees ? -1 : 1;
	return (a->actor > b->actor) - (a->actor < b->actor);
}

/* Load (3.2) and isolated actors (3.4): every membership, guests included. */
static void find_load(nm_analysis *an, const bool *analysed)
{
	const nm_dataset *ds = an->ds;
	nm_load *all = nm_xcalloc(ds->nactors ? ds->nactors : 1, sizeof(*all));

	for (size_t i = 0; i < ds->nmemberships; i++) {
		const nm_membership *m = &ds->memberships[i];
		nm_load *l = &all[m->actor];
		if (!analysed[m->committee])
			continue;
		l->committees++;
		l->meetings += nm_freq_meetings[ds->committees[m->committee].meets];
		l->guest += m->role == NM_ROLE_GUEST;
	}
	an->load = nm_xreallocarray(NULL, ds->nactors ? ds->nactors : 1, sizeof(*an->load));
	an->isolated_actors = nm_xreallocarray(NULL, ds->nactors ? ds->nactors : 1,
					       sizeof(*an->isolated_actors));
	for (size_t x = 0; x < ds->nactors; x++) {
		if (all[x].committees == 0) {
			an->isolated_actors[an->nisolated_actors++] = (uint32_t)x;
			continue;
		}
		all[x].actor = (uint32_t)x;
		/* Coordinators sit everywhere by office (7.1). */
		all[x].overloaded = all[x].committees > an->settings.max_load &&
				    !nm_analysis_is_coordinator(an, (uint32_t)x);
		an->load[an->nload++] = all[x];
	}
	qsort(an->load, an->nload, sizeof(*an->load), cmp_load);
	free(all);
}

/* Committees to review (3.3), by committee, then reason (enum order). */
static void find_review(nm_analysis *an)
{
	const nm_dataset *ds = an->ds;
	const nm_settings *st = &an->settings;
	size_t cap = 0;
	int64_t today = an->today;

	for (size_t c = 0; c < ds->ncommittees; c++) {
		const nm_committee *cm = &ds->committees[c];
		int64_t days[NM_REVIEW_COUNT] = {0};
		bool hit[NM_REVIEW_COUNT] = {false};

		if (cm->status == NM_STATUS_DISSOLVED)
			continue;
		hit[NM_REVIEW_DORMANT] = cm->status == NM_STATUS_DORMANT;
		days[NM_REVIEW_DORMANT] = 0;
		if (cm->status == NM_STATUS_ACTIVE && cm->last_met != NM_DATE_NONE) {
			days[NM_REVIEW_STALE] = today - cm->last_met;
			hit[NM_REVIEW_STALE] = days[NM_REVIEW_STALE] > (int64_t)st->stale_days;
		}
		if (cm->ad_hoc && cm->ends != NM_DATE_NONE) {
			days[NM_REVIEW_OVERDUE_AD_HOC] = today - cm->ends;
			hit[NM_REVIEW_OVERDUE_AD_HOC] = cm->ends < today;
		}
		if (cm->ad_hoc && cm->ends == NM_DATE_NONE && cm->founded != NM_DATE_NONE) {
			days[NM_REVIEW_LONG_RUNNING_AD_HOC] = today - cm->founded;
			hit[NM_REVIEW_LONG_RUNNING_AD_HOC] = days[NM_REVIEW_LONG_RUNNING_AD_HOC] >
							     (int64_t)st->ad_hoc_days;
		}
		for (int r = 0; r < NM_REVIEW_COUNT; r++) {
			nm_review *rv;
			if (!hit[r])
				continue;
			NM_GROW(an->review, cap, an->nreview + 1);
			rv = &an->review[an->nreview++];
			rv->committee = (uint32_t)c;
			rv->reason = (nm_review_reason)r;
			rv->days = (int32_t)days[r];
		}
	}
}

/* Actor types in byte order of their names (missing_voices is so ordered). */
static void types_by_name(nm_actor_type order[NM_TYPE_COUNT])
{
	for (int i = 0; i < NM_TYPE_COUNT; i++) {
		int j = i;
		while (j > 0 &&
		       strcmp(nm_actor_type_names[order[j - 1]], nm_actor_type_names[i]) > 0) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = (nm_actor_type)i;
	}
}

/*
 * Gaps (3.4) other than isolated actors. members holds M(c); single holds
 * M(c) without coordinators, for single-type committees (7.1).
 */
static void find_gaps(nm_analysis *an, const bool *analysed, const rows *members,
		      const rows *single)
{
	const nm_dataset *ds = an->ds;
	size_t nt = ds->nthemes, nc = ds->ncommittees;
	size_t *first = nm_xcalloc(nt + 1, sizeof(*first));
	size_t *fill;
	uint32_t *by_theme, *stamp;
	unsigned char *type; /* actor types, compact: read once per membership */
	bool *used_by_actor = nm_xcalloc(nt ? nt : 1, sizeof(*used_by_actor));
	size_t type_count[NM_TYPE_COUNT] = {0};
	nm_actor_type order[NM_TYPE_COUNT];
	size_t cap = 0;

	/* Analysed committees per theme. */
	for (size_t c = 0; c < nc; c++)
		if (analysed[c])
			for (size_t j = 0; j < ds->committees[c].nthemes; j++)
				first[ds->committees[c].themes[j] + 1]++;
	for (size_t t = 0; t < nt; t++)
		first[t + 1] += first[t];
	by_theme = nm_xreallocarray(NULL, first[nt] ? first[nt] : 1, sizeof(*by_theme));
	fill = nm_xreallocarray(NULL, nt + 1, sizeof(*fill));
	memcpy(fill, first, (nt + 1) * sizeof(*fill));
	for (size_t c = 0; c < nc; c++)
		if (analysed[c])
			for (size_t j = 0; j < ds->committees[c].nthemes; j++)
				by_theme[fill[ds->committees[c].themes[j]]++] = (uint32_t)c;

	/* Coverage: distinct actors of each type in M(c) of the theme's committees. */
	an->coverage = nm_xcalloc(nt * NM_TYPE_COUNT + 1, sizeof(*an->coverage));
	stamp = nm_xcalloc(ds->nactors ? ds->nactors : 1, sizeof(*stamp));
	type = nm_xreallocarray(NULL, ds->nactors ? ds->nactors : 1, sizeof(*type));
	for (size_t x = 0; x < ds->nactors; x++)
		type[x] = (unsigned char)ds->actors[x].type;
	for (size_t t = 0; t < nt; t++) {
		uint32_t *cov = an->coverage + t * NM_TYPE_COUNT;
		for (size_t i = first[t]; i < first[t + 1]; i++) {
			uint32_t c = by_theme[i];
			for (size_t j = members->off[c]; j < members->off[c + 1]; j++) {
				uint32_t x = members->v[j];
				if (stamp[x] == t + 1)
					continue;
				stamp[x] = (uint32_t)t + 1;
				cov[type[x]]++;
			}
		}
	}

	/* Uncovered: declared themes, or with none declared those of actors. */
	for (size_t x = 0; x < ds->nactors; x++) {
		type_count[ds->actors[x].type]++;
		for (size_t j = 0; j < ds->actors[x].nthemes; j++)
			used_by_actor[ds->actors[x].themes[j]] = true;
	}
	an->uncovered_themes = nm_xreallocarray(NULL, nt ? nt : 1, sizeof(*an->uncovered_themes));
	for (size_t t = 0; t < nt; t++)
		if ((ds->themes_declared || used_by_actor[t]) && first[t] == first[t + 1])
			an->uncovered_themes[an->nuncovered_themes++] = (uint32_t)t;

	/* Missing voices: on themes some analysed committee has. */
	types_by_name(order);
	for (size_t t = 0; t < nt; t++) {
		if (first[t] == first[t + 1])
			continue;
		for (int i = 0; i < NM_TYPE_COUNT; i++) {
			nm_actor_type ty = order[i];
			nm_missing_voice *mv;
			if (!(an->settings.voices & (1u << ty)) || type_count[ty] == 0 ||
			    an->coverage[t * NM_TYPE_COUNT + ty] != 0)
				continue;
			NM_GROW(an->missing_voices, cap, an->nmissing_voices + 1);
			mv = &an->missing_voices[an->nmissing_voices++];
			mv->theme = (uint32_t)t;
			mv->type = ty;
		}
	}

	/* Single type: |M(c)| >= 3, all of one type. */
	an->single_type_committees = nm_xreallocarray(NULL, nc ? nc : 1,
						      sizeof(*an->single_type_committees));
	an->single_types = nm_xreallocarray(NULL, nc ? nc : 1, sizeof(*an->single_types));
	for (size_t c = 0; c < nc; c++) {
		size_t lo = single->off[c], hi = single->off[c + 1];
		nm_actor_type ty;
		bool same = true;
		if (!analysed[c] || hi - lo < 3)
			continue;
		ty = (nm_actor_type)type[single->v[lo]];
		for (size_t j = lo + 1; j < hi && same; j++)
			same = type[single->v[j]] == ty;
		if (!same)
			continue;
		an->single_types[an->nsingle_type_committees] = ty;
		an->single_type_committees[an->nsingle_type_committees++] = (uint32_t)c;
	}

	free(first);
	free(fill);
	free(by_theme);
	free(stamp);
	free(type);
	free(used_by_actor);
}

/*
 * M(c) per committee and, per actor, the analysed committees it is a member
 * of; actors marked in skip (may be NULL) left out.
 */
static void index_members(pairs_ctx *p, const bool *analysed, const bool *skip, uint32_t *size)
{
	const nm_dataset *ds = p->ds;
	size_t nc = ds->ncommittees, na = ds->nactors;
	size_t *fill;

	p->members.off = nm_xcalloc(nc + 1, sizeof(*p->members.off));
	p->comms.off = nm_xcalloc(na + 1, sizeof(*p->comms.off));
	for (size_t i = 0; i < ds->nmemberships; i++) {
		const nm_membership *m = &ds->memberships[i];
		assert(m->committee < nc && m->actor < na);
		if (!analysed[m->committee] || m->role == NM_ROLE_GUEST || (skip && skip[m->actor]))
			continue;
		p->members.off[m->committee + 1]++;
		p->comms.off[m->actor + 1]++;
	}
	for (size_t c = 0; c < nc; c++) {
		size[c] = (uint32_t)p->members.off[c + 1];
		p->members.off[c + 1] += p->members.off[c];
	}
	for (size_t x = 0; x < na; x++)
		p->comms.off[x + 1] += p->comms.off[x];
	p->members.v = nm_xreallocarray(NULL, p->members.off[nc] ? p->members.off[nc] : 1,
					sizeof(*p->members.v));
	p->comms.v = nm_xreallocarray(NULL, p->comms.off[na] ? p->comms.off[na] : 1,
				      sizeof(*p->comms.v));
	fill = nm_xreallocarray(NULL, na + 1, sizeof(*fill));
	memcpy(fill, p->comms.off, (na + 1) * sizeof(*fill));
	/* Memberships are sorted by (committee, actor): both come out ascending. */
	for (size_t i = 0, k = 0; i < ds->nmemberships; i++) {
		const nm_membership *m = &ds->memberships[i];
		if (!analysed[m->committee] || m->role == NM_ROLE_GUEST || (skip && skip[m->actor]))
			continue;
		p->members.v[k++] = m->actor;
		p->comms.v[fill[m->actor]++] = m->committee;
	}
	free(fill);
}

bool nm_analysis_is_coordinator(const nm_analysis *an, uint32_t x)
{
	return an && an->ncoordinators &&
	       bsearch(&x, an->coordinators, an->ncoordinators, sizeof(x), cmp_u32) != NULL;
}

/* The actors the settings name as coordinators, ascending, each once. */
static void find_coordinators(nm_analysis *an)
{
	const nm_dataset *ds = an->ds;
	char id[256];
	size_t pos = 0, cap = 0, k = 0;

	while (nm_settings_next_coordinator(&an->settings, &pos, id, sizeof(id))) {
		uint32_t x = nm_dataset_find_actor(ds, id);
		if (x == NM_NONE)
			continue;
		NM_GROW(an->coordinators, cap, an->ncoordinators + 1);
		an->coordinators[an->ncoordinators++] = x;
	}
	if (an->ncoordinators)
		qsort(an->coordinators, an->ncoordinators, sizeof(*an->coordinators), cmp_u32);
	for (size_t i = 0; i < an->ncoordinators; i++)
		if (k == 0 || an->coordinators[k - 1] != an->coordinators[i])
			an->coordinators[k++] = an->coordinators[i];
	an->ncoordinators = k;
}

/*
 * Invitations (7.2). The host of a theme is its active committee with the
 * most members (M(c), coordinators included), the smallest id on a tie.
 * Walking actors, then their themes, in order gives the list's order; at
 * one actor and theme "isolated" comes before "missing_voice".
 */
static void find_invitations(nm_analysis *an)
{
	const nm_dataset *ds = an->ds;
	size_t nt = ds->nthemes, cap = 0, iso = 0;
	uint32_t *host = nm_xreallocarray(NULL, nt ? nt : 1, sizeof(*host));
	uint32_t *missing = nm_xcalloc(nt ? nt : 1, sizeof(*missing)); /* type bits */

	for (size_t t = 0; t < nt; t++)
		host[t] = NM_NONE;
	for (size_t c = 0; c < ds->ncommittees; c++) {
		const nm_committee *cm = &ds->committees[c];
		if (cm->status != NM_STATUS_ACTIVE)
			continue;
		for (size_t j = 0; j < cm->nthemes; j++) {
			uint32_t t = cm->themes[j];
			/* Ascending c: only a strictly larger one takes over. */
			if (host[t] == NM_NONE || an->member_count[c] > an->member_count[host[t]])
				host[t] = (uint32_t)c;
		}
	}
	for (size_t i = 0; i < an->nmissing_voices; i++)
		missing[an->missing_voices[i].theme] |= 1u << an->missing_voices[i].type;
	for (size_t x = 0; x < ds->nactors; x++) {
		const nm_actor *a = &ds->actors[x];
		bool isolated;

		while (iso < an->nisolated_actors && an->isolated_actors[iso] < x)
			iso++;
		isolated = iso < an->nisolated_actors && an->isolated_actors[iso] == x;
		for (size_t j = 0; j < a->nthemes; j++) {
			uint32_t t = a->themes[j];
			bool why[NM_INVITE_COUNT];

			if (host[t] == NM_NONE)
				continue;
			why[NM_INVITE_ISOLATED] = isolated;
			why[NM_INVITE_MISSING_VOICE] = (missing[t] >> a->type) & 1u;
			for (int r = 0; r < NM_INVITE_COUNT; r++) {
				nm_invitation *inv;
				if (!why[r])
					continue;
				NM_GROW(an->invitations, cap, an->ninvitations + 1);
				inv = &an->invitations[an->ninvitations++];
				inv->actor = (uint32_t)x;
				inv->committee = host[t];
				inv->theme = t;
				inv->reason = (nm_invite_reason)r;
			}
		}
	}
	free(host);
	free(missing);
}

/* Merge proposals (7.3): one per cluster, from M(c) with coordinators. */
static void find_merge_proposals(nm_analysis *an, const rows *members)
{
	const nm_dataset *ds = an->ds;
	uint32_t *stamp, *theme_stamp;

	if (an->nclusters == 0)
		return;
	stamp = nm_xcalloc(ds->nactors ? ds->nactors : 1, sizeof(*stamp));
	theme_stamp = nm_xcalloc(ds->nthemes ? ds->nthemes : 1, sizeof(*theme_stamp));
	an->merge_proposals = nm_xcalloc(an->nclusters, sizeof(*an->merge_proposals));
	an->nmerge_proposals = an->nclusters;
	for (size_t i = 0; i < an->nclusters; i++) {
		const nm_cluster *cl = &an->clusters[i];
		nm_merge_proposal *mp = &an->merge_proposals[i];
		size_t nthemes = 0, k = 0;

		mp->cluster = (uint32_t)i;
		mp->meets = NM_FREQ_NONE;
		for (size_t j = 0; j < cl->n; j++) {
			const nm_committee *cm = &ds->committees[cl->committees[j]];
			uint32_t c = cl->committees[j];

			mp->seats_before += an->member_count[c];
			mp->member_meetings_before += (uint64_t)an->member_count[c] *
						      nm_freq_meetings[cm->meets];
			if (cm->meets != NM_FREQ_NONE &&
			    (mp->meets == NM_FREQ_NONE ||
			     nm_freq_meetings[cm->meets] > nm_freq_meetings[mp->meets]))
				mp->meets = cm->meets;
			for (size_t m = members->off[c]; m < members->off[c + 1]; m++) {
				uint32_t x = members->v[m];
				if (stamp[x] != i + 1) {
					stamp[x] = (uint32_t)i + 1;
					mp->members++;
				}
			}
			for (size_t t = 0; t < cm->nthemes; t++)
				if (theme_stamp[cm->themes[t]] != i + 1) {
					theme_stamp[cm->themes[t]] = (uint32_t)i + 1;
					nthemes++;
				}
		}
		mp->seats_after = mp->members;
		mp->member_meetings_after = (uint64_t)mp->members * nm_freq_meetings[mp->meets];
		mp->themes = nm_xreallocarray(NULL, nthemes ? nthemes : 1, sizeof(*mp->themes));
		for (size_t t = 0; t < ds->nthemes && k < nthemes; t++)
			if (theme_stamp[t] == i + 1)
				mp->themes[k++] = (uint32_t)t;
		mp->nthemes = k;
	}
	free(stamp);
	free(theme_stamp);
}

/* Analysed committees without themes, meets or last_met (hints). */
static void count_thin(nm_analysis *an, const bool *analysed)
{
	const nm_dataset *ds = an->ds;

	for (size_t c = 0; c < ds->ncommittees; c++) {
		if (!analysed[c])
			continue;
		an->without_themes += ds->committees[c].nthemes == 0;
		an->without_meets += ds->committees[c].meets == NM_FREQ_NONE;
		an->without_last_met += ds->committees[c].last_met == NM_DATE_NONE;
	}
}

static bool ratio_valid(nm_ratio r)
{
	return r.den != 0 && r.num <= r.den;
}

/* Duplicate actor records, on a thread of their own beside the rest. */
typedef struct names_job {
	nm_analysis *an;
	unsigned jobs;
} names_job;

static void *find_duplicate_actors(void *arg)
{
	const names_job *job = arg;
	nm_analysis *an = job->an;

	nm_names_find_duplicates_jobs(&an->duplicate_actors, &an->nduplicate_actors, an->ds,
				      an->settings.similar_name, job->jobs);
	return NULL;
}

int nm_analysis_run(nm_analysis **out, const nm_dataset *ds, const nm_settings *settings,
		    nm_date today, nm_error *err)
{
	return nm_analysis_run_jobs(out, ds, settings, today, 1, err);
}

int nm_analysis_run_jobs(nm_analysis **out, const nm_dataset *ds, const nm_settings *settings,
			 nm_date today, unsigned jobs, nm_error *err)
{
	nm_analysis *an;
	pairs_ctx p, all;
	const rows *full = &p.members; /* M(c) with coordinators */
	bool *analysed, *skip = NULL;
	uint32_t *pair_size = NULL;
	names_job names;
	pthread_t names_thread;
	bool names_threaded = false;

	if (!out || !ds || !settings)
		return nm_error_set(err, NM_EUSAGE, "analysis needs a dataset and settings");
	if (today == NM_DATE_NONE)
		return nm_error_set(err, NM_EUSAGE, "analysis needs a today");
	if (!ratio_valid(settings->duplicate_jaccard) ||
	    !ratio_valid(settings->duplicate_theme_jaccard) ||
	    !ratio_valid(settings->overlap_jaccard) || !ratio_valid(settings->similar_name))
		return nm_error_set(err, NM_EUSAGE,
				    "analysis settings hold a ratio outside [0, 1]");

	an = nm_xcalloc(1, sizeof(*an));
	an->ds = ds;
	nm_settings_copy(&an->settings, settings);
	an->today = today;
	find_coordinators(an);
	/*
	 * Duplicate actor records need nothing of the rest: with more than one
	 * job they are found beside it, on half the jobs, and joined before
	 * the result is handed out; whichever finishes first, the result is
	 * the same. (On two cores that is one thread each, which does less
	 * work than splitting both: each worker folds the words it meets.)
	 */
	names.an = an;
	names.jobs = jobs > 1 ? jobs / 2 : 1;
	if (jobs > 1)
		names_threaded = pthread_create(&names_thread, NULL, find_duplicate_actors,
						&names) == 0;
	if (names_threaded)
		jobs -= names.jobs;
	else
		names.jobs = jobs;
	an->member_count = nm_xcalloc(ds->ncommittees ? ds->ncommittees : 1,
				      sizeof(*an->member_count));
	analysed = nm_xcalloc(ds->ncommittees ? ds->ncommittees : 1, sizeof(*analysed));
	for (size_t c = 0; c < ds->ncommittees; c++) {
		analysed[c] = ds->committees[c].status != NM_STATUS_DISSOLVED;
		an->analysed_committees += analysed[c];
	}

	memset(&p, 0, sizeof(p));
	memset(&all, 0, sizeof(all));
	p.ds = ds;
	p.st = &an->settings;
	p.min_shared = settings->min_shared ? settings->min_shared : 1;
	p.size = an->member_count;
	index_members(&p, analysed, NULL, an->member_count);
	if (an->ncoordinators) {
		/* Overlaps, clusters, single type: M(c) without coordinators (7.1). */
		all = p;
		memset(&p.members, 0, sizeof(p.members));
		memset(&p.comms, 0, sizeof(p.comms));
		skip = nm_xcalloc(ds->nactors ? ds->nactors : 1, sizeof(*skip));
		for (size_t i = 0; i < an->ncoordinators; i++)
			skip[an->coordinators[i]] = true;
		pair_size = nm_xcalloc(ds->ncommittees ? ds->ncommittees : 1, sizeof(*pair_size));
		index_members(&p, analysed, skip, pair_size);
		p.size = pair_size;
		rows_release(&all.comms);
		full = &all.members;
	}
	number_parents(&p);
	find_overlaps(&p, analysed, jobs);
	an->overlaps = p.out;
	an->noverlaps = p.nout;

	find_clusters(an);
	find_load(an, analysed);
	find_review(an);
	find_gaps(an, analysed, full, &p.members);
	find_invitations(an);
	find_merge_proposals(an, full);
	count_thin(an, analysed);
	if (names_threaded)
		pthread_join(names_thread, NULL);
	else
		find_duplicate_actors(&names);

	if (full != &p.members)
		rows_release(&all.members);
	free(skip);
	free(pair_size);
	rows_release(&p.members);
	rows_release(&p.comms);
	rows_release(&p.heavy);
	rows_release(&p.by_prefix);
	free(p.rank);
	free(p.heavy_actor);
	free(p.prefix);
	free(p.tin);
	free(p.tout);
	free(p.mask);
	free(analysed);
	*out = an;
	return NM_OK;
}

void nm_analysis_free(nm_analysis *an)
{
	if (!an)
		return;
	for (size_t i = 0; i < an->noverlaps; i++) {
		free(an->overlaps[i].shared_members);
		free(an->overlaps[i].shared_themes);
	}
	for (size_t i = 0; i < an->nclusters; i++)
		free(an->clusters[i].committees);
	for (size_t i = 0; i < an->nmerge_proposals; i++)
		free(an->merge_proposals[i].themes);
	free(an->merge_proposals);
	free(an->invitations);
	free(an->coordinators);
	nm_settings_release(&an->settings);
	free(an->member_count);
	free(an->overlaps);
	free(an->clusters);
	free(an->load);
	free(an->review);
	free(an->uncovered_themes);
	free(an->isolated_actors);
	free(an->single_type_committees);
	free(an->single_types);
	free(an->coverage);
	free(an->missing_voices);
	free(an->duplicate_actors);
	free(an);
}

size_t nm_analysis_count_class(const nm_analysis *an, nm_class cls)
{
	size_t n = 0;

	if (!an)
		return 0;
	for (size_t i = 0; i < an->noverlaps; i++)
		n += an->overlaps[i].cls == cls;
	return n;
}

size_t nm_analysis_count_overloaded(const nm_analysis *an)
{
	size_t n = 0;

	if (!an)
		return 0;
	for (size_t i = 0; i < an->nload; i++)
		n += an->load[i].overloaded;
	return n;
}
