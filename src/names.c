/*
 * names.c: duplicate actor records (contract 3.5).
 *
 * Names and contacts are normalised by names_norm.c; this file finds the
 * pairs.
 *
 * same_name and same_contact group equal keys by hashing and sorting, so
 * every pair of a group is found. similar_name is the part that could be
 * quadratic and is not. Words one typo apart are linked (found through a
 * shared one-deletion variant, not by comparing all words), and the linked
 * words form "typo components". Two names can only be similar when their
 * words' components are the same in order, or become so once two adjacent
 * words of the longer name are read as the one word the other has there.
 * Names are grouped by that key, and only names of one group are aligned
 * word by word, so the search finds every similar pair at any threshold
 * (docs/duplicates.md has the argument for coordinators).
 *
 * With several jobs, normalising and aligning run on ranges of records,
 * each range into its own list, joined in range order (par.h): the lists
 * are those of one thread, element for element.
 */
#include "netmap/names.h"
#include "netmap/sort.h"

#include "par.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "names_text.h"

const char *const nm_dup_reason_names[NM_DUP_COUNT] = {
	"same_name",
	"same_contact",
	"similar_name",
};

/* A name shorter than this (in code points) is never similar_name. */
#define MIN_SIMILAR_NAME 8
/* A typo is only recognised in words at least this long (code points). */
#define MIN_TYPO_WORD 5
#define NO_ALIGN UINT32_MAX

/* ------------------------------------------------------------------ */
/* The similar_name measure                                           */

/* A word of a normalised name. */
typedef struct wref {
	const char *s;
	uint32_t len; /* bytes */
	uint32_t ncp; /* code points */
} wref;

static bool word_eq(const wref *x, const wref *y)
{
	return x->len == y->len && (x->s == y->s || memcmp(x->s, y->s, x->len) == 0);
}

/* Bytes of the common prefix of x and y, in whole code points. */
static size_t common_prefix(const wref *x, const wref *y)
{
	size_t i = 0;

	while (i < x->len && i < y->len) {
		size_t n = seq_len((unsigned char)x->s[i]);
		if (i + n > y->len || memcmp(x->s + i, y->s + i, n) != 0)
			break;
		i += n;
	}
	return i;
}

/*
 * Whether x and y (different words) are one typo apart: a code point more
 * or less, or two adjacent different code points swapped; no digit takes
 * part and both words have at least MIN_TYPO_WORD code points.
 */
static bool one_typo(const wref *x, const wref *y)
{
	size_t k;

	if (x->ncp < MIN_TYPO_WORD || y->ncp < MIN_TYPO_WORD)
		return false;
	if (x->ncp == y->ncp + 1 || y->ncp == x->ncp + 1) {
		const wref *l = x->ncp > y->ncp ? x : y, *s = l == x ? y : x;
		size_t n;

		k = common_prefix(l, s);
		n = seq_len((unsigned char)l->s[k]);
		return !is_digit(decode_at(l->s + k, l->len - k)) && l->len - k - n == s->len - k &&
		       memcmp(l->s + k + n, s->s + k, s->len - k) == 0;
	}
	if (x->ncp == y->ncp && x->len == y->len) {
		size_t na, nb;

		k = common_prefix(x, y);
		if (k == x->len)
			return false;
		na = seq_len((unsigned char)x->s[k]);
		nb = seq_len((unsigned char)y->s[k]);
		if (k + na + nb > x->len || memcmp(x->s + k + na, y->s + k, nb) != 0 ||
		    memcmp(y->s + k + nb, x->s + k, na) != 0 ||
		    memcmp(x->s + k + na + nb, y->s + k + na + nb, x->len - k - na - nb) != 0)
			return false;
		return !is_digit(decode_at(x->s + k, na)) && !is_digit(decode_at(y->s + k, nb));
	}
	return false;
}

/* The cost of aligning word x with word y: 0, 1 (a typo) or NO_ALIGN. */
static uint32_t step_cost(const wref *x, const wref *y)
{
	if (word_eq(x, y))
		return 0;
	return one_typo(x, y) ? 1 : NO_ALIGN;
}

static uint32_t add_cost(uint32_t a, uint32_t b)
{
	return a == NO_ALIGN || b == NO_ALIGN ? NO_ALIGN : a + b;
}

/* Whether the word w is p and q written together. */
static bool joined(const wref *p, const wref *q, const wref *w)
{
	return p->len + q->len == w->len && memcmp(w->s, p->s, p->len) == 0 &&
	       memcmp(w->s + p->len, q->s, q->len) == 0;
}

/*
 * The fewest typos that turn the words a[0..m) into b[0..n): word by word
 * in order, each pair equal or one typo apart, with at most one pair of
 * adjacent words written as one word on the other side. NO_ALIGN if none.
 */
static uint32_t align_words(const wref *a, size_t m, const wref *b, size_t n)
{
	uint32_t suffix_small[33], *suffix, best = NO_ALIGN, prefix = 0;

	if (n > m) {
		const wref *t = a;
		size_t tn = m;
		a = b, m = n, b = t, n = tn;
	}
	if (m == n) {
		for (size_t i = 0; i < m && prefix != NO_ALIGN; i++)
			prefix = add_cost(prefix, step_cost(&a[i], &b[i]));
		return prefix;
	}
	if (m != n + 1 || n == 0)
		return NO_ALIGN;
	/* a has one more word: a[i] a[i+1] is b[i] for one i */
	suffix = m + 1 <= sizeof(suffix_small) / sizeof(suffix_small[0])
			 ? suffix_small
			 : nm_xcalloc(m + 1, sizeof(uint32_t));
	suffix[m] = 0;
	for (size_t k = m - 1; k >= 1; k--)
		suffix[k] = add_cost(suffix[k + 1], step_cost(&a[k], &b[k - 1]));
	for (size_t i = 0; i + 1 < m && prefix != NO_ALIGN; i++) {
		if (joined(&a[i], &a[i + 1], &b[i])) {
			uint32_t c = add_cost(prefix + 1, suffix[i + 2]);
			if (c < best)
				best = c;
		}
		if (i < n)
			prefix = add_cost(prefix, step_cost(&a[i], &b[i]));
	}
	if (suffix != suffix_small)
		free(suffix);
	return best;
}

/* Whether 1 - typos/longest >= threshold, exactly. */
static bool passes(uint32_t typos, size_t longest, nm_ratio t)
{
	return typos <= longest && (uint64_t)(longest - typos) * t.den >= (uint64_t)t.num * longest;
}

static uint32_t thousandths(uint32_t typos, size_t longest)
{
	return (uint32_t)((uint64_t)(longest - typos) * 1000 / longest);
}

/* Split a normalised name of len bytes into words (free *out). */
static size_t split_name(const char *s, size_t len, wref **out)
{
	const char *end = s + len;
	size_t n = 0, cap = 0;

	*out = NULL;
	while (s < end) {
		const char *e = memchr(s, ' ', (size_t)(end - s));
		size_t wl = e ? (size_t)(e - s) : (size_t)(end - s);

		if (wl) {
			NM_GROW(*out, cap, n + 1);
			(*out)[n++] = (wref){s, (uint32_t)wl, (uint32_t)count_code_points(s, wl)};
		}
		s += wl + (e != NULL);
	}
	return n;
}

/* Typos between two normalised names (NO_ALIGN when not typo variants). */
static uint32_t name_typos(const char *a, const char *b)
{
	wref *wa, *wb;
	size_t m = split_name(a, strlen(a), &wa), n = split_name(b, strlen(b), &wb);
	uint32_t d = m && n ? align_words(wa, m, wb, n) : NO_ALIGN;

	free(wa);
	free(wb);
	return d;
}

uint32_t nm_names_similarity(const char *a, const char *b)
{
	size_t la = count_code_points(a, strlen(a)), lb = count_code_points(b, strlen(b));
	uint32_t d = name_typos(a, b);

	return d == NO_ALIGN ? 0 : thousandths(d, la > lb ? la : lb);
}

bool nm_names_similar(const char *a, const char *b, nm_ratio threshold)
{
	size_t la = count_code_points(a, strlen(a)), lb = count_code_points(b, strlen(b));
	uint32_t d;

	if (la < MIN_SIMILAR_NAME || lb < MIN_SIMILAR_NAME || strcmp(a, b) == 0)
		return false;
	d = name_typos(a, b);
	return d != NO_ALIGN && passes(d, la > lb ? la : lb, threshold);
}

/* ------------------------------------------------------------------ */
/* Grouping by sorting                                                */

/* A string to group, with a 64-bit hash of it and an id it stands for. */
typedef struct strkey {
	uint64_t key;
	const char *s;
	size_t len;
	uint32_t id;
} strkey;

/* A 64-bit key with two payloads. */
typedef struct keyed {
	uint64_t key;
	uint32_t id, aux;
} keyed;

static int strkey_cmp(const void *x, const void *y)
{
	const strkey *p = x, *q = y;
	size_t n = p->len < q->len ? p->len : q->len;
	int c = memcmp(p->s, q->s, n);

	if (c)
		return c;
	if (p->len != q->len)
		return p->len < q->len ? -1 : 1;
	return p->id < q->id ? -1 : p->id > q->id;
}

static bool strkey_eq(const strkey *p, const strkey *q)
{
	return p->key == q->key && p->len == q->len && memcmp(p->s, q->s, p->len) == 0;
}

/*
 * Sort v so that equal strings are adjacent, each group by id. Sorting by
 * the upper half of the hash is enough: equal strings have equal hashes,
 * and each run of equal upper halves is then sorted by string.
 */
static void group_strings(strkey *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		v[i].key = hash_finish(hash_bytes(HASH_SEED, v[i].s, v[i].len));
	nm_sort_by_key(v, n, sizeof(*v), 32);
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && v[j].key >> 32 == v[i].key >> 32; j++)
			;
		if (j - i > 1)
			qsort(v + i, j - i, sizeof(*v), strkey_cmp);
	}
}

/* ------------------------------------------------------------------ */
/* Collecting pairs                                                   */

typedef struct pairs {
	nm_duplicate_actor *v;
	size_t n, cap;
} pairs;

static void add_pair(pairs *p, uint32_t a, uint32_t b, nm_dup_reason reason, bool by_email,
		     uint32_t similarity)
{
	NM_GROW(p->v, p->cap, p->n + 1);
	p->v[p->n++] = (nm_duplicate_actor){a < b ? a : b, a < b ? b : a, reason, by_email,
					    similarity};
}

/* Every pair of ids within each group of equal strings of v. */
static void add_groups(pairs *p, strkey *v, size_t n, nm_dup_reason reason, bool by_email)
{
	group_strings(v, n);
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && strkey_eq(&v[j], &v[i]); j++)
			;
		for (size_t x = i; x < j; x++)
			for (size_t y = x + 1; y < j; y++)
				add_pair(p, v[x].id, v[y].id, reason, by_email, 0);
	}
}

static int pair_cmp(const void *x, const void *y)
{
	const nm_duplicate_actor *p = x, *q = y;

	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	if (p->b != q->b)
		return p->b < q->b ? -1 : 1;
	if (p->reason != q->reason)
		return p->reason < q->reason ? -1 : 1;
	return (int)q->by_email - (int)p->by_email;
}

/* ------------------------------------------------------------------ */
/* similar_name over the distinct names                               */

/* A distinct normalised name and the actors (ascending) who bear it. */
typedef struct dname {
	const char *s;
	size_t len, ncp;
	uint32_t first_actor, nactors; /* in the actor list of the groups */
	uint32_t first_word, nwords;   /* in the word occurrences */
} dname;

/* A distinct word of the eligible names. */
typedef struct word {
	const char *s;
	uint32_t len, ncp;
	uint32_t comp; /* union-find parent, then its typo component */
	uint64_t hash;
} word;

/* A similar pair of distinct names, x < y. */
typedef struct name_pair {
	uint64_t key; /* x << 32 | y, for sorting */
	uint32_t typos, longest;
} name_pair;

typedef struct similar_search {
	dname *names;
	size_t nnames;
	const uint32_t *eligible; /* names long enough to be similar */
	size_t neligible;
	word *words;
	size_t nwords;
	uint32_t *slots; /* open addressing over words: word id + 1, 0 empty */
	size_t nslots;   /* a power of two */
	uint32_t *occ;   /* word id of each word occurrence */
	wref *occref;    /* the same words, for aligning */
	nm_ratio threshold;
	name_pair *found;
	size_t nfound;
} similar_search;

/* Align the names x and y and keep the pair in found when it is similar_name. */
static void check_pair(const similar_search *ss, nm_par_part *found, uint32_t x, uint32_t y)
{
	const dname *p = &ss->names[x], *q = &ss->names[y];
	size_t longest = p->ncp > q->ncp ? p->ncp : q->ncp;
	size_t diff = p->ncp > q->ncp ? p->ncp - q->ncp : q->ncp - p->ncp;
	uint32_t d;

	if (x == y || !passes((uint32_t)diff, longest, ss->threshold))
		return; /* each typo changes the length by at most one */
	d = align_words(&ss->occref[p->first_word], p->nwords, &ss->occref[q->first_word],
			q->nwords);
	if (d == NO_ALIGN || d == 0 || !passes(d, longest, ss->threshold))
		return;
	if (x > y) {
		uint32_t t = x;
		x = y, y = t;
	}
	nm_grow(&found->v, &found->cap, found->n + 1, sizeof(name_pair));
	((name_pair *)found->v)[found->n++] = (name_pair){(uint64_t)x << 32 | y, d,
							  (uint32_t)longest};
}

static uint64_t word_hash(const char *s, size_t len)
{
	return hash_finish(hash_bytes(HASH_SEED, s, len));
}

/* The id of the word s in the word table, or NM_NONE; *slot: where it goes. */
static uint32_t find_word_slot(const similar_search *ss, const char *s, size_t len, uint64_t h,
			       size_t *slot)
{
	size_t mask = ss->nslots - 1, i = (size_t)h & mask;

	for (; ss->slots[i]; i = (i + 1) & mask) {
		const word *w = &ss->words[ss->slots[i] - 1];
		if (w->hash == h && w->len == len && memcmp(w->s, s, len) == 0)
			return ss->slots[i] - 1;
	}
	*slot = i;
	return NM_NONE;
}

static uint32_t find_word(const similar_search *ss, const char *s, size_t len)
{
	size_t slot;

	return find_word_slot(ss, s, len, word_hash(s, len), &slot);
}

/* Intern the words of the eligible names: words, slots, occ, occref. */
static void intern_words(similar_search *ss)
{
	size_t nocc = 0, capocc = 0, capwords = 0;

	for (size_t e = 0; e < ss->neligible; e++) {
		dname *nm = &ss->names[ss->eligible[e]];
		const char *p = nm->s, *end = nm->s + nm->len;

		nm->first_word = (uint32_t)nocc;
		while (p < end) {
			const char *sp = memchr(p, ' ', (size_t)(end - p));
			size_t len = sp ? (size_t)(sp - p) : (size_t)(end - p);
			uint64_t h = word_hash(p, len);
			size_t slot = 0;
			uint32_t id = find_word_slot(ss, p, len, h, &slot);

			if (id == NM_NONE) {
				id = (uint32_t)ss->nwords;
				NM_GROW(ss->words, capwords, ss->nwords + 1);
				ss->words[ss->nwords++] = (word){
					p, (uint32_t)len, (uint32_t)count_code_points(p, len), id,
					h};
				ss->slots[slot] = id + 1;
				if (ss->nwords * 2 > ss->nslots) {
					/* rehash into twice the slots */
					free(ss->slots);
					ss->nslots *= 2;
					ss->slots = nm_xcalloc(ss->nslots, sizeof(uint32_t));
					for (uint32_t w = 0; w < ss->nwords; w++) {
						size_t i = (size_t)ss->words[w].hash &
							   (ss->nslots - 1);
						while (ss->slots[i])
							i = (i + 1) & (ss->nslots - 1);
						ss->slots[i] = w + 1;
					}
				}
			}
			NM_GROW(ss->occ, capocc, nocc + 1);
			ss->occ[nocc++] = id;
			p += len + (sp != NULL);
		}
		nm->nwords = (uint32_t)(nocc - nm->first_word);
	}
	/* the same words as wref, one pointer per distinct word */
	ss->occref = nm_xcalloc(nocc ? nocc : 1, sizeof(wref));
	for (size_t i = 0; i < nocc; i++) {
		const word *w = &ss->words[ss->occ[i]];
		ss->occref[i] = (wref){w->s, w->len, w->ncp};
	}
}

static uint32_t find_root(word *words, uint32_t w)
{
	while (words[w].comp != w) {
		words[w].comp = words[words[w].comp].comp;
		w = words[w].comp;
	}
	return w;
}

static void unite(word *words, uint32_t a, uint32_t b)
{
	a = find_root(words, a);
	b = find_root(words, b);
	if (a != b)
		words[a > b ? a : b].comp = a < b ? a : b;
}

/*
 * Polynomial hashes mod 2^64: sum of v[j] * B^(n-1-j) over a sequence v of
 * n values. The hash of a sequence with one element left out, or with two
 * replaced by one, follows from prefix hashes and powers of B in constant
 * time, so the variants of a long word or name cost no more than its
 * length. Equal sequences have equal hashes; unequal ones rarely do, and
 * then only cost a comparison.
 */
#define POLY_BASE 0x9e3779b97f4a7c15ULL

static uint64_t poly_key(uint64_t poly, size_t n)
{
	return hash_finish(poly + (uint64_t)n * 0xd6e8feb86659fd93ULL);
}

/* pw[0 .. n] receive the powers of POLY_BASE (pw grows as needed). */
/* cap grows through NM_GROW, which clang-tidy does not see. */
static void poly_powers(uint64_t **pw, size_t *cap, // NOLINT(readability-non-const-parameter)
			size_t n)
{
	NM_GROW(*pw, *cap, n + 1);
	(*pw)[0] = 1;
	for (size_t i = 1; i <= n; i++)
		(*pw)[i] = (*pw)[i - 1] * POLY_BASE;
}

/*
 * The typo components: the connected components of the graph whose edges
 * join words one typo apart. Two such words share a one-deletion variant
 * (the shorter word itself, or the word without the first of two swapped
 * code points), so only words sharing a variant's hash are compared.
 */
static void typo_components(similar_search *ss)
{
	keyed *keys = NULL;
	uint64_t *pre = NULL, *pw = NULL;
	size_t nkeys = 0, cap = 0, cappre = 0, cappw = 0;

	for (size_t i = 0; i < ss->nwords; i++) {
		const word *w = &ss->words[i];
		size_t len = w->len;

		if (w->ncp < MIN_TYPO_WORD)
			continue;
		NM_GROW(keys, cap, nkeys + w->ncp + 1);
		NM_GROW(pre, cappre, len + 1);
		poly_powers(&pw, &cappw, len);
		pre[0] = 0;
		for (size_t j = 0; j < len; j++)
			pre[j + 1] = pre[j] * POLY_BASE + (unsigned char)w->s[j];
		keys[nkeys++] = (keyed){poly_key(pre[len], len), (uint32_t)i, 0};
		for (size_t k = 0; k < len; k += seq_len((unsigned char)w->s[k])) {
			size_t n = seq_len((unsigned char)w->s[k]), rest = len - k - n;

			if (!is_digit(decode_at(w->s + k, len - k)))
				keys[nkeys++] = (keyed){
					poly_key(pre[k] * pw[rest] +
							 (pre[len] - pre[k + n] * pw[rest]),
						 len - n),
					(uint32_t)i, 0};
		}
	}
	free(pre);
	free(pw);
	nm_sort_by_key(keys, nkeys, sizeof(*keys), 0);
	for (size_t i = 0, j; i < nkeys; i = j) {
		for (j = i + 1; j < nkeys && keys[j].key == keys[i].key; j++)
			;
		for (size_t u = i; u < j; u++) {
			const word *a = &ss->words[keys[u].id];
			wref ra = {a->s, a->len, a->ncp};

			if (u > i && keys[u].id == keys[u - 1].id)
				continue; /* a word's own keys are adjacent: aaaaa */
			for (size_t v = u + 1; v < j; v++) {
				const word *b = &ss->words[keys[v].id];
				wref rb = {b->s, b->len, b->ncp};

				if (keys[v].id != keys[v - 1].id && keys[u].id != keys[v].id &&
				    one_typo(&ra, &rb))
					unite(ss->words, keys[u].id, keys[v].id);
			}
		}
	}
	free(keys);
	for (uint32_t w = 0; w < ss->nwords; w++)
		ss->words[w].comp = find_root(ss->words, w);
}

/* The value a typo component adds to a name's polynomial hash. */
static uint64_t comp_value(uint32_t comp)
{
	return hash_finish((uint64_t)comp + 1);
}

/* A worker's scratch for the joins: prefix hashes, powers, the joined word. */
typedef struct join_scratch {
	uint64_t *pre, *pw;
	size_t cappre, cappw;
	nm_buf joined;
} join_scratch;

/* The similar search on several threads: ranges of the sorted keys. */
typedef struct similar_job {
	const similar_search *ss;
	const keyed *keys;     /* the eligible names by typo key */
	size_t nranges;        /* chunks 0 .. nranges - 1: groups of equal keys;
				  nranges .. 2 nranges - 1: the joins of names */
	const size_t *bounds;  /* range i: keys or eligible names bounds[i] .. bounds[i + 1] - 1 */
	join_scratch *scratch; /* one per worker */
	nm_par_part *parts;    /* one per chunk */
} similar_job;

/* Every pair of names within each group of equal keys that starts in from .. to - 1. */
static void same_key_pairs(const similar_job *job, nm_par_part *found, size_t from, size_t to)
{
	const keyed *keys = job->keys;
	size_t n = job->ss->neligible, i = from, j;

	while (i > 0 && i < to && keys[i].key == keys[i - 1].key)
		i++; /* that group belongs to the range before */
	for (; i < to; i = j) {
		for (j = i + 1; j < n && keys[j].key == keys[i].key; j++)
			;
		for (size_t x = i; x < j; x++)
			for (size_t y = x + 1; y < j; y++)
				check_pair(job->ss, found, keys[x].id, keys[y].id);
	}
}

/* A space too many: words i and i + 1 of names from .. to - 1 as the one word they make. */
static void joined_pairs(const similar_job *job, join_scratch *sc, nm_par_part *found, size_t from,
			 size_t to)
{
	const similar_search *ss = job->ss;
	const keyed *keys = job->keys;
	size_t n = ss->neligible;

	for (size_t e = from; e < to; e++) {
		const dname *nm = &ss->names[ss->eligible[e]];
		size_t m = nm->nwords;
		uint64_t *pre, *pw;

		if (m < 2)
			continue;
		NM_GROW(sc->pre, sc->cappre, m + 1);
		poly_powers(&sc->pw, &sc->cappw, m);
		pre = sc->pre;
		pw = sc->pw;
		pre[0] = 0;
		for (size_t i = 0; i < m; i++)
			pre[i + 1] = pre[i] * POLY_BASE +
				     comp_value(ss->words[ss->occ[nm->first_word + i]].comp);
		for (size_t i = 0; i + 1 < m; i++) {
			const wref *p = &ss->occref[nm->first_word + i], *q = p + 1;
			uint32_t w;
			uint64_t h;
			size_t lo = 0, hi = n;

			nm_buf_clear(&sc->joined);
			nm_buf_put(&sc->joined, p->s, p->len);
			nm_buf_put(&sc->joined, q->s, q->len);
			w = find_word(ss, sc->joined.ptr, sc->joined.len);
			if (w == NM_NONE)
				continue; /* no name has this word */
			h = poly_key(pre[i] * pw[m - 1 - i] +
					     comp_value(ss->words[w].comp) * pw[m - 2 - i] +
					     (pre[m] - pre[i + 2] * pw[m - 2 - i]),
				     m - 1);
			while (lo < hi) {
				size_t mid = lo + (hi - lo) / 2;
				if (keys[mid].key < h)
					lo = mid + 1;
				else
					hi = mid;
			}
			for (; lo < n && keys[lo].key == h; lo++)
				check_pair(ss, found, ss->eligible[e], keys[lo].id);
		}
	}
}

static void similar_chunk(void *ctx, size_t part, unsigned worker)
{
	const similar_job *job = ctx;
	size_t r = part % job->nranges;

	if (part < job->nranges)
		same_key_pairs(job, &job->parts[part], job->bounds[r], job->bounds[r + 1]);
	else
		joined_pairs(job, &job->scratch[worker], &job->parts[part], job->bounds[r],
			     job->bounds[r + 1]);
}

/*
 * Two names whose words are pairwise equal or one typo apart have the same
 * typo key, since words one typo apart are in one component; with one join
 * the name with more words has, for that join, the key of the other. So
 * only names sharing a key are aligned (docs/duplicates.md). The aligning
 * runs on jobs threads; the pairs of each range, put together in order of
 * the chunks, are those one thread finds in the same order.
 */
static void find_similar(similar_search *ss, unsigned jobs)
{
	keyed *keys = nm_xcalloc(ss->neligible ? ss->neligible : 1, sizeof(keyed));
	size_t n = ss->neligible, nranges, *bounds;
	unsigned nworkers;
	join_scratch *scratch;
	nm_par_part *parts;
	similar_job job;

	intern_words(ss);
	typo_components(ss);

	for (size_t e = 0; e < n; e++) {
		const dname *nm = &ss->names[ss->eligible[e]];
		uint64_t poly = 0;

		for (uint32_t i = 0; i < nm->nwords; i++)
			poly = poly * POLY_BASE +
			       comp_value(ss->words[ss->occ[nm->first_word + i]].comp);
		keys[e] = (keyed){poly_key(poly, nm->nwords), ss->eligible[e], 0};
	}
	nm_sort_by_key(keys, n, sizeof(*keys), 0);

	nranges = jobs > 1 && n > 1 ? (size_t)jobs * 4 : 1;
	if (nranges > n)
		nranges = n ? n : 1;
	nworkers = nm_par_workers(jobs, 2 * nranges);
	bounds = nm_xcalloc(nranges + 1, sizeof(*bounds));
	nm_par_split(bounds, nranges, NULL, n);
	scratch = nm_xcalloc(nworkers, sizeof(*scratch));
	parts = nm_xcalloc(2 * nranges, sizeof(*parts));
	for (unsigned w = 0; w < nworkers; w++)
		nm_buf_init(&scratch[w].joined);
	job.ss = ss;
	job.keys = keys;
	job.nranges = nranges;
	job.bounds = bounds;
	job.scratch = scratch;
	job.parts = parts;
	nm_par_run(jobs, 2 * nranges, similar_chunk, &job);
	nm_par_join((void **)&ss->found, &ss->nfound, parts, 2 * nranges, sizeof(*ss->found));
	for (unsigned w = 0; w < nworkers; w++) {
		free(scratch[w].pre);
		free(scratch[w].pw);
		nm_buf_release(&scratch[w].joined);
	}
	free(scratch);
	free(parts);
	free(bounds);
	free(keys);
}

/* ------------------------------------------------------------------ */

/* ------------------------------------------------------------------ */
/* Normalising every record, by ranges of actors                      */

/* What one range of actors gives: names and contact keys, in actor order. */
typedef struct actor_keys {
	nm_buf names;        /* the range's normalised names, back to back */
	nm_buf contacts[2];  /* e-mail keys [1], website keys [0], back to back */
	nm_par_part keys[2]; /* strkey per non-empty contact key; key holds its
				 offset in contacts until the range is done */
} actor_keys;

/* A worker's scratch, reused from actor to actor. */
typedef struct key_scratch {
	normalizer nz;
	nm_buf one;
	cpbuf cp;
} key_scratch;

typedef struct keys_job {
	const nm_dataset *ds;
	const size_t *bounds; /* range i: actors bounds[i] .. bounds[i + 1] - 1 */
	size_t *off;          /* name i: from off[i], within its range's names */
	actor_keys *ranges;
	key_scratch *scratch; /* one per worker */
} keys_job;

static void keys_chunk(void *ctx, size_t range, unsigned worker)
{
	const keys_job *job = ctx;
	actor_keys *r = &job->ranges[range];
	key_scratch *sc = &job->scratch[worker];

	for (size_t i = job->bounds[range]; i < job->bounds[range + 1]; i++) {
		const nm_actor *a = &job->ds->actors[i];

		job->off[i] = r->names.len;
		nm_names_normalize_with(&sc->nz, a->name, &sc->one);
		nm_buf_put(&r->names, nm_buf_cstr(&sc->one), sc->one.len);
		for (int email = 0; email < 2; email++) {
			const char *v = email ? a->email : a->website;
			nm_par_part *k = &r->keys[email];

			if (!v)
				continue;
			if (email)
				nm_names_fold_contact(v, &sc->cp, &sc->one);
			else
				nm_names_website_key(v, &sc->cp, &sc->one);
			if (sc->one.len == 0)
				continue; /* an empty value never matches */
			nm_grow(&k->v, &k->cap, k->n + 1, sizeof(strkey));
			((strkey *)k->v)[k->n++] = (strkey){r->contacts[email].len, NULL,
							    sc->one.len, (uint32_t)i};
			nm_buf_put(&r->contacts[email], sc->one.ptr, sc->one.len);
		}
	}
	/* The range's buffers are final: point the keys into them. */
	for (int email = 0; email < 2; email++) {
		strkey *k = r->keys[email].v;
		for (size_t j = 0; j < r->keys[email].n; j++) {
			k[j].s = nm_buf_cstr(&r->contacts[email]) + k[j].key;
			k[j].key = 0;
		}
	}
}

/*
 * Every actor's normalised name (name i is text[off[i] .. off[i + 1]))
 * and the non-empty contact keys (keys[1] e-mail, keys[0] website, by
 * actor, into the buffers of ranges), on jobs threads by ranges of actors.
 */
static void normalize_actors(const nm_dataset *ds, unsigned jobs, nm_buf *text, size_t *off,
			     actor_keys **ranges_out, size_t *nranges_out, strkey **keys,
			     size_t *nkeys)
{
	size_t nact = ds->nactors, nranges, *bounds;
	unsigned nworkers;
	key_scratch *scratch;
	actor_keys *ranges;
	nm_par_part *parts;
	keys_job job;

	nranges = jobs > 1 && nact > 1 ? (size_t)jobs * 4 : 1;
	if (nranges > nact)
		nranges = nact ? nact : 1;
	nworkers = nm_par_workers(jobs, nranges);
	bounds = nm_xcalloc(nranges + 1, sizeof(*bounds));
	nm_par_split(bounds, nranges, NULL, nact);
	ranges = nm_xcalloc(nranges, sizeof(*ranges));
	scratch = nm_xcalloc(nworkers, sizeof(*scratch));
	for (unsigned w = 0; w < nworkers; w++)
		nm_names_normalizer_init(&scratch[w].nz, true);
	job.ds = ds;
	job.bounds = bounds;
	job.off = off;
	job.ranges = ranges;
	job.scratch = scratch;
	nm_par_run(jobs, nranges, keys_chunk, &job);
	for (unsigned w = 0; w < nworkers; w++) {
		nm_names_normalizer_release(&scratch[w].nz);
		nm_buf_release(&scratch[w].one);
		free(scratch[w].cp.v);
	}
	free(scratch);

	/* The names in one text, in actor order. */
	for (size_t r = 0; r < nranges; r++) {
		size_t base = text->len;
		for (size_t i = bounds[r]; i < bounds[r + 1]; i++)
			off[i] += base;
		nm_buf_put(text, ranges[r].names.ptr, ranges[r].names.len);
		nm_buf_release(&ranges[r].names);
	}
	off[nact] = text->len;
	/* The contact keys of each kind in one list, in actor order. */
	parts = nm_xcalloc(nranges, sizeof(*parts));
	for (int email = 0; email < 2; email++) {
		for (size_t r = 0; r < nranges; r++)
			parts[r] = ranges[r].keys[email];
		nm_par_join((void **)&keys[email], &nkeys[email], parts, nranges, sizeof(strkey));
		for (size_t r = 0; r < nranges; r++)
			memset(&ranges[r].keys[email], 0, sizeof(ranges[r].keys[email]));
	}
	free(parts);
	free(bounds);
	*ranges_out = ranges;
	*nranges_out = nranges;
}

/*
 * Group the actors by non-empty normalised name: the distinct names into
 * *out (returns how many), their actors into actors (each name's actors
 * ascending, at first_actor), and every pair within a name as same_name.
 */
static size_t distinct_names(dname **out, uint32_t *actors, pairs *found, const nm_buf *text,
			     const size_t *off, size_t nact)
{
	strkey *keys = nm_xcalloc(nact + 1, sizeof(strkey));
	dname *names;
	size_t nkeys = 0, nnames = 0;

	for (size_t i = 0; i < nact; i++)
		if (off[i + 1] > off[i])
			keys[nkeys++] = (strkey){0, nm_buf_cstr(text) + off[i], off[i + 1] - off[i],
						 (uint32_t)i};
	group_strings(keys, nkeys);
	names = nm_xcalloc(nkeys ? nkeys : 1, sizeof(dname));
	for (size_t i = 0, j; i < nkeys; i = j) {
		for (j = i + 1; j < nkeys && strkey_eq(&keys[j], &keys[i]); j++)
			;
		names[nnames++] = (dname){keys[i].s,
					  keys[i].len,
					  count_code_points(keys[i].s, keys[i].len),
					  (uint32_t)i,
					  (uint32_t)(j - i),
					  0,
					  0};
		for (size_t x = i; x < j; x++) {
			actors[x] = keys[x].id;
			for (size_t y = x + 1; y < j; y++)
				add_pair(found, keys[x].id, keys[y].id, NM_DUP_SAME_NAME, false, 0);
		}
	}
	free(keys);
	*out = names;
	return nnames;
}

/* similar_name pairs of actors, from the similar pairs of distinct names. */
static void similar_pairs(pairs *found, dname *names, size_t nnames, const uint32_t *actors,
			  nm_ratio threshold, unsigned jobs)
{
	uint32_t *eligible = nm_xcalloc(nnames ? nnames : 1, sizeof(uint32_t));
	similar_search ss;

	memset(&ss, 0, sizeof(ss));
	ss.names = names;
	ss.nnames = nnames;
	ss.threshold = threshold;
	ss.nslots = 1024;
	ss.slots = nm_xcalloc(ss.nslots, sizeof(uint32_t));
	for (size_t i = 0; i < nnames; i++)
		if (names[i].ncp >= MIN_SIMILAR_NAME)
			eligible[ss.neligible++] = (uint32_t)i;
	ss.eligible = eligible;
	find_similar(&ss, jobs);

	nm_sort_by_key(ss.found, ss.nfound, sizeof(*ss.found), 0);
	for (size_t i = 0; i < ss.nfound; i++) {
		const name_pair *p = &ss.found[i];
		const dname *x = &names[p->key >> 32], *y = &names[p->key & 0xffffffffu];

		if (i > 0 && p->key == ss.found[i - 1].key)
			continue; /* found through two joins */
		for (uint32_t s = 0; s < x->nactors; s++)
			for (uint32_t t = 0; t < y->nactors; t++)
				add_pair(found, actors[x->first_actor + s],
					 actors[y->first_actor + t], NM_DUP_SIMILAR_NAME, false,
					 thousandths(p->typos, p->longest));
	}
	free(eligible);
	free(ss.found);
	free(ss.words);
	free(ss.slots);
	free(ss.occ);
	free(ss.occref);
}

void nm_names_find_duplicates(nm_duplicate_actor **out, size_t *n, const nm_dataset *ds,
			      nm_ratio similar_threshold)
{
	nm_names_find_duplicates_jobs(out, n, ds, similar_threshold, 1);
}

void nm_names_find_duplicates_jobs(nm_duplicate_actor **out, size_t *n, const nm_dataset *ds,
				   nm_ratio similar_threshold, unsigned jobs)
{
	size_t nact = ds->nactors, *off = nm_xcalloc(nact + 1, sizeof(size_t));
	uint32_t *actors = nm_xcalloc(nact + 1, sizeof(uint32_t));
	nm_buf text = NM_BUF_INIT;
	pairs found = {NULL, 0, 0};
	dname *names = NULL;
	actor_keys *ranges;
	strkey *contacts[2];
	size_t nnames, k = 0, nranges, ncontacts[2];

	normalize_actors(ds, jobs, &text, off, &ranges, &nranges, contacts, ncontacts);
	nnames = distinct_names(&names, actors, &found, &text, off, nact);
	/* same_contact pairs by e-mail address, then by website */
	add_groups(&found, contacts[1], ncontacts[1], NM_DUP_SAME_CONTACT, true);
	add_groups(&found, contacts[0], ncontacts[0], NM_DUP_SAME_CONTACT, false);
	for (size_t r = 0; r < nranges; r++) {
		nm_buf_release(&ranges[r].contacts[0]);
		nm_buf_release(&ranges[r].contacts[1]);
	}
	free(ranges);
	free(contacts[0]);
	free(contacts[1]);
	similar_pairs(&found, names, nnames, actors, similar_threshold, jobs);

	/* every pair once, with its first reason (e-mail before website), by a then b */
	if (found.n > 1)
		qsort(found.v, found.n, sizeof(*found.v), pair_cmp);
	for (size_t i = 0; i < found.n; i++)
		if (k == 0 || found.v[i].a != found.v[k - 1].a || found.v[i].b != found.v[k - 1].b)
			found.v[k++] = found.v[i];
	*out = found.v;
	*n = k;

	free(names);
	free(actors);
	free(off);
	nm_buf_release(&text);
}
