/*
 * names.c: duplicate actor records (contract 3.5).
 *
 * Every Unicode decision (compatibility and canonical forms, case folding,
 * general categories) is utf8proc's; this file only strings its passes
 * together in the contract's order and adds the two rules the contract
 * spells out itself (the German umlauts and the legal forms).
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
 * utf8proc costs microseconds a name, so find_duplicates folds each run of
 * text between white space once and reuses it: names share most words.
 */
#include "netmap/names.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

const char *const nm_dup_reason_names[NM_DUP_COUNT] = {
	"same_name", "same_contact", "similar_name",
};

/* A name shorter than this (in code points) is never similar_name. */
#define MIN_SIMILAR_NAME 8
/* A typo is only recognised in words at least this long (code points). */
#define MIN_TYPO_WORD 5
#define NO_ALIGN UINT32_MAX

/* ------------------------------------------------------------------ */
/* Unicode helpers                                                    */

/*
 * The Unicode White_Space property: Zs, Zl, Zp and six controls; in ASCII
 * that is 09-0D and 20 (test_names checks this against utf8proc).
 */
static bool is_white_space(int32_t c)
{
	utf8proc_category_t cat;

	if (c < 0x80)
		return c == 0x20 || (c >= 0x09 && c <= 0x0d);
	if (c == 0x85)
		return true;
	cat = utf8proc_category(c);
	return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
	       cat == UTF8PROC_CATEGORY_ZP;
}

static bool is_mark(int32_t c)
{
	utf8proc_category_t cat = utf8proc_category(c);
	return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC ||
	       cat == UTF8PROC_CATEGORY_ME;
}

/* General category P: Pc, Pd, Ps, Pe, Pi, Pf, Po. */
static bool is_punctuation(int32_t c)
{
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_PC:
	case UTF8PROC_CATEGORY_PD:
	case UTF8PROC_CATEGORY_PS:
	case UTF8PROC_CATEGORY_PE:
	case UTF8PROC_CATEGORY_PI:
	case UTF8PROC_CATEGORY_PF:
	case UTF8PROC_CATEGORY_PO:
		return true;
	default:
		return false;
	}
}

static bool is_digit(int32_t c)
{
	return utf8proc_category(c) == UTF8PROC_CATEGORY_ND;
}

/* Length of the UTF-8 sequence a lead byte starts (input is valid). */
static size_t seq_len(unsigned char c)
{
	return c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
}

static int32_t decode_at(const char *s, size_t len)
{
	utf8proc_int32_t c = -1;

	utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &c);
	return c;
}

static size_t count_code_points(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return n;
}

static void put_code_point(nm_buf *b, int32_t c)
{
	utf8proc_uint8_t tmp[4];
	utf8proc_ssize_t n = utf8proc_encode_char(c, tmp);

	nm_buf_put(b, (const char *)tmp, (size_t)n);
}

/* A growable array of code points. */
typedef struct cpbuf {
	utf8proc_int32_t *v;
	size_t n, cap;
} cpbuf;

static void cpbuf_reserve(cpbuf *b, size_t need)
{
	NM_GROW(b->v, b->cap, need);
}

/* utf8proc_decompose into out, growing it until the result fits. */
static int decompose(cpbuf *out, const char *s, size_t len, utf8proc_option_t opts)
{
	utf8proc_ssize_t n;

	for (;;) {
		n = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
				       out->v, (utf8proc_ssize_t)out->cap, opts);
		if (n < 0)
			return -1;
		if ((size_t)n <= out->cap)
			break;
		cpbuf_reserve(out, (size_t)n);
	}
	out->n = (size_t)n;
	return 0;
}

/* 64-bit FNV-1a with a final mix; only ever used to group equal keys. */
static uint64_t hash_bytes(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

#define HASH_SEED 0xcbf29ce484222325ULL

static uint64_t hash_finish(uint64_t h)
{
	h ^= h >> 30;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 27;
	h *= 0x94d049bb133111ebULL;
	return h ^ (h >> 31);
}

/* ------------------------------------------------------------------ */
/* Name normalisation (contract 3.5, steps 1-6)                       */

typedef struct span {
	size_t off, len; /* bytes in a text buffer */
} span;

/* A legal form: nwords words starting at fwords[first]. */
typedef struct form {
	size_t first;
	size_t nwords;
	size_t ncp; /* code points of its words together */
} form;

/* A run of a name between white space, and the words it folds to. */
typedef struct chunk {
	uint64_t hash;
	size_t raw, rawlen;   /* bytes in chunk_cache.raw */
	size_t out, outlen;   /* bytes in chunk_cache.out: its words, space-separated */
} chunk;

/* Chunks already folded: an open-addressing table of entry indices. */
typedef struct chunk_cache {
	uint32_t *slots; /* entry index + 1, 0 for empty */
	size_t nslots;   /* a power of two */
	chunk *entries;
	size_t n, cap;
	nm_buf raw, out;
} chunk_cache;

/*
 * The working state of normalisation: scratch buffers reused from name to
 * name, a cache of folded chunks (NULL slots when not caching), and the
 * legal forms, normalised once by the same steps.
 */
typedef struct normalizer {
	cpbuf a, b;
	nm_buf tmp;    /* UTF-8 between passes */
	nm_buf text;   /* the words of the name at hand, back to back */
	span *words;
	size_t nwords, capwords;
	chunk_cache cache;
	nm_buf ftext;  /* the words of the legal forms */
	span *fwords;
	size_t nfwords, capfwords;
	form *forms;   /* most words first, then most code points */
	size_t nforms, capforms;
} normalizer;

/*
 * The legal forms of contract 3.5 as written there; a parenthesised part
 * is optional, so a form with k of them stands for 2^k word sequences.
 */
static const char *const legal_forms[] = {
	"e.V.", "e. V.", "eV", "gGmbH", "GmbH", "gUG", "UG", "AG", "eG", "KdöR",
	"eingetragener Verein", "gemeinnützige GmbH",
	"(gemeinnützige) Gesellschaft mit beschränkter Haftung",
	"(gemeinnützige) Unternehmergesellschaft (haftungsbeschränkt)",
	"Aktiengesellschaft", "eingetragene Genossenschaft",
	"Körperschaft des öffentlichen Rechts",
};

static void add_word(normalizer *nz, const char *s, size_t len)
{
	NM_GROW(nz->words, nz->capwords, nz->nwords + 1);
	nz->words[nz->nwords++] = (span){nz->text.len, len};
	nm_buf_put(&nz->text, s, len);
}

/*
 * Steps 1-3 of s into a: NFKC, then full case folding (one code point at
 * a time, through b), then the umlauts spelled out (through tmp), then
 * NFD. The combining marks are still in a: step 3 drops them as it reads.
 * -1 when utf8proc rejects the text.
 */
static int fold_1_3(cpbuf *a, cpbuf *b, nm_buf *tmp, const char *s, size_t len)
{
	const utf8proc_option_t nfkc = UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE;
	utf8proc_ssize_t n;

	/* 1. NFKC, then full case folding (one code point at a time). */
	if (decompose(a, s, len, nfkc) < 0)
		return -1;
	n = utf8proc_normalize_utf32(a->v, (utf8proc_ssize_t)a->n, nfkc);
	if (n < 0)
		return -1;
	a->n = (size_t)n;
	b->n = 0;
	for (size_t i = 0; i < a->n; i++) {
		for (;;) {
			size_t room = b->cap - b->n;
			utf8proc_ssize_t k = utf8proc_decompose_char(
				a->v[i], b->v + b->n, (utf8proc_ssize_t)room,
				UTF8PROC_CASEFOLD, NULL);
			if (k < 0)
				return -1;
			if ((size_t)k <= room) {
				b->n += (size_t)k;
				break;
			}
			cpbuf_reserve(b, b->n + (size_t)k);
		}
	}

	/* 2. ä, ö, ü, ß spelled out, on the way back to UTF-8. */
	nm_buf_clear(tmp);
	for (size_t i = 0; i < b->n; i++) {
		switch (b->v[i]) {
		case 0xe4: nm_buf_puts(tmp, "ae"); break;
		case 0xf6: nm_buf_puts(tmp, "oe"); break;
		case 0xfc: nm_buf_puts(tmp, "ue"); break;
		case 0xdf: nm_buf_puts(tmp, "ss"); break;
		default: put_code_point(tmp, b->v[i]); break;
		}
	}

	/* 3. NFD (the caller drops the marks). */
	return decompose(a, nm_buf_cstr(tmp), tmp->len, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE);
}

/*
 * Steps 1-5 for one run of text without white space, appending its words
 * to nz->words (a run can still hold several: NFKC turns some characters
 * into spaces). -1 when utf8proc rejects the text.
 */
static int fold_run(normalizer *nz, const char *s, size_t len)
{
	bool in_word = false;

	if (fold_1_3(&nz->a, &nz->b, &nz->tmp, s, len) < 0)
		return -1;
	/* 3-5: drop marks and punctuation, split on white space. */
	for (size_t i = 0; i < nz->a.n; i++) {
		int32_t c = nz->a.v[i];

		if (is_white_space(c)) {
			in_word = false;
			continue;
		}
		if (is_mark(c) || is_punctuation(c))
			continue;
		if (!in_word) {
			add_word(nz, "", 0);
			in_word = true;
		}
		put_code_point(&nz->text, c);
		nz->words[nz->nwords - 1].len = nz->text.len - nz->words[nz->nwords - 1].off;
	}
	return 0;
}

void nm_names_fold(const char *s, nm_buf *out)
{
	cpbuf a = {NULL, 0, 0}, b = {NULL, 0, 0};
	nm_buf tmp = NM_BUF_INIT;

	nm_buf_clear(out);
	nm_buf_grow(out, 1);
	cpbuf_reserve(&a, 16);
	cpbuf_reserve(&b, 16);
	if (s && fold_1_3(&a, &b, &tmp, s, strlen(s)) == 0)
		for (size_t i = 0; i < a.n; i++)
			if (!is_mark(a.v[i]))
				put_code_point(out, a.v[i]);
	free(a.v);
	free(b.v);
	nm_buf_release(&tmp);
}

/* The cached words of a run, or NULL; *slot receives where it belongs. */
static const chunk *cache_find(const chunk_cache *c, uint64_t h, const char *s,
			       size_t len, size_t *slot)
{
	size_t i = (size_t)h & (c->nslots - 1);

	for (; c->slots[i]; i = (i + 1) & (c->nslots - 1)) {
		const chunk *e = &c->entries[c->slots[i] - 1];
		if (e->hash == h && e->rawlen == len && memcmp(c->raw.ptr + e->raw, s, len) == 0)
			return e;
	}
	*slot = i;
	return NULL;
}

static void cache_grow(chunk_cache *c)
{
	size_t nslots = c->nslots ? c->nslots * 2 : 1024;

	free(c->slots);
	c->slots = nm_xcalloc(nslots, sizeof(uint32_t));
	c->nslots = nslots;
	for (size_t k = 0; k < c->n; k++) {
		size_t i = (size_t)c->entries[k].hash & (nslots - 1);
		while (c->slots[i])
			i = (i + 1) & (nslots - 1);
		c->slots[i] = (uint32_t)k + 1;
	}
}

/*
 * fold_run through the cache: names share most of their words, and utf8proc
 * is the most expensive part of the whole search.
 */
static int fold_run_cached(normalizer *nz, const char *s, size_t len)
{
	chunk_cache *c = &nz->cache;
	uint64_t h = hash_finish(hash_bytes(HASH_SEED, s, len));
	const chunk *hit;
	size_t slot = 0, first = nz->nwords;
	chunk e;

	if ((c->n + 1) * 2 > c->nslots)
		cache_grow(c);
	hit = cache_find(c, h, s, len, &slot);
	if (hit) {
		const char *p = hit->outlen ? c->out.ptr + hit->out : NULL;
		const char *end = p ? p + hit->outlen : NULL;

		while (p < end) {
			const char *sp = memchr(p, ' ', (size_t)(end - p));
			size_t wl = sp ? (size_t)(sp - p) : (size_t)(end - p);

			add_word(nz, p, wl);
			p += wl + (sp != NULL);
		}
		return 0;
	}
	if (fold_run(nz, s, len) < 0)
		return -1;
	e = (chunk){h, c->raw.len, len, c->out.len, 0};
	nm_buf_put(&c->raw, s, len);
	for (size_t i = first; i < nz->nwords; i++) {
		if (i > first)
			nm_buf_putc(&c->out, ' ');
		nm_buf_put(&c->out, nz->text.ptr + nz->words[i].off, nz->words[i].len);
	}
	e.outlen = c->out.len - e.out;
	NM_GROW(c->entries, c->cap, c->n + 1);
	c->entries[c->n++] = e;
	c->slots[slot] = (uint32_t)c->n;
	return 0;
}

/*
 * Steps 1-5 without the legal forms: the words of s into nz->words. -1 when
 * s is not valid UTF-8.
 *
 * The text is cut at white space first and each run folded on its own.
 * That gives the same words as folding the whole: every white space
 * character is a starter that neither composes nor reorders with its
 * neighbours under NFKC or NFD and stays white space through every step.
 */
static int fold_words(normalizer *nz, const char *s, size_t len)
{
	size_t i = 0, start = 0;

	nm_buf_clear(&nz->text);
	nz->nwords = 0;
	while (i <= len) {
		utf8proc_int32_t c = -1;
		utf8proc_ssize_t k = 0;

		if (i < len && (unsigned char)s[i] < 0x80) {
			c = (unsigned char)s[i];
			k = 1;
		} else if (i < len) {
			k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
					     (utf8proc_ssize_t)(len - i), &c);
			if (k < 0)
				return -1;
		}
		if (i == len || is_white_space(c)) {
			if (i > start && (nz->cache.nslots ? fold_run_cached(nz, s + start, i - start)
							   : fold_run(nz, s + start, i - start)) < 0)
				return -1;
			if (i == len)
				break;
			start = i + (size_t)k;
		}
		i += (size_t)k;
	}
	return 0;
}

/* Order of legal forms: most words, most code points, then bytes. */
static int form_cmp(const normalizer *nz, const form *x, const form *y)
{
	if (x->nwords != y->nwords)
		return x->nwords > y->nwords ? -1 : 1;
	if (x->ncp != y->ncp)
		return x->ncp > y->ncp ? -1 : 1;
	for (size_t i = 0; i < x->nwords; i++) {
		const span *p = &nz->fwords[x->first + i], *q = &nz->fwords[y->first + i];
		size_t n = p->len < q->len ? p->len : q->len;
		int c = memcmp(nz->ftext.ptr + p->off, nz->ftext.ptr + q->off, n);

		if (c)
			return c;
		if (p->len != q->len)
			return p->len < q->len ? -1 : 1;
	}
	return 0;
}

/* Add one variant of a legal form (already stripped of parentheses). */
static void add_form(normalizer *nz, const char *variant, size_t len)
{
	form f;
	size_t pos;

	if (fold_words(nz, variant, len) < 0 || nz->nwords == 0)
		return;
	f.first = nz->nfwords;
	f.nwords = nz->nwords;
	f.ncp = 0;
	for (size_t i = 0; i < nz->nwords; i++) {
		const span *w = &nz->words[i];

		NM_GROW(nz->fwords, nz->capfwords, nz->nfwords + 1);
		nz->fwords[nz->nfwords++] = (span){nz->ftext.len, w->len};
		nm_buf_put(&nz->ftext, nz->text.ptr + w->off, w->len);
		f.ncp += count_code_points(nz->text.ptr + w->off, w->len);
	}
	/* insertion into the sorted list; a duplicate ("e.V." and "eV") is dropped */
	pos = nz->nforms;
	for (size_t i = 0; i < nz->nforms; i++) {
		int c = form_cmp(nz, &f, &nz->forms[i]);
		if (c == 0)
			return;
		if (c < 0) {
			pos = i;
			break;
		}
	}
	NM_GROW(nz->forms, nz->capforms, nz->nforms + 1);
	memmove(nz->forms + pos + 1, nz->forms + pos, (nz->nforms - pos) * sizeof(form));
	nz->forms[pos] = f;
	nz->nforms++;
}

/* Expand the optional parts of every legal form and normalise them. */
static void build_forms(normalizer *nz)
{
	nm_buf variant = NM_BUF_INIT;

	for (size_t i = 0; i < sizeof(legal_forms) / sizeof(legal_forms[0]); i++) {
		const char *raw = legal_forms[i];
		unsigned groups = 0;

		for (const char *p = raw; *p; p++)
			groups += *p == '(';
		for (unsigned mask = 0; mask < (1u << groups); mask++) {
			unsigned g = 0;
			bool keep = true;

			nm_buf_clear(&variant);
			for (const char *p = raw; *p; p++) {
				if (*p == '(') {
					keep = (mask >> g++) & 1;
				} else if (*p == ')') {
					keep = true;
				} else if (keep) {
					nm_buf_putc(&variant, *p);
				}
			}
			add_form(nz, nm_buf_cstr(&variant), variant.len);
		}
	}
	nm_buf_release(&variant);
}

/* cache: whether to remember folded runs (worth it for many names). */
static void normalizer_init(normalizer *nz, bool cache)
{
	memset(nz, 0, sizeof(*nz));
	nm_buf_init(&nz->tmp);
	nm_buf_init(&nz->text);
	nm_buf_init(&nz->cache.raw);
	nm_buf_init(&nz->cache.out);
	nm_buf_init(&nz->ftext);
	build_forms(nz);
	if (cache)
		cache_grow(&nz->cache);
}

static void normalizer_release(normalizer *nz)
{
	free(nz->a.v);
	free(nz->b.v);
	nm_buf_release(&nz->tmp);
	nm_buf_release(&nz->text);
	nm_buf_release(&nz->ftext);
	free(nz->words);
	free(nz->cache.slots);
	free(nz->cache.entries);
	nm_buf_release(&nz->cache.raw);
	nm_buf_release(&nz->cache.out);
	free(nz->fwords);
	free(nz->forms);
}

/* The number of name words the form f covers from word at, or 0. */
static size_t form_at(const normalizer *nz, const form *f, size_t at)
{
	if (f->nwords > nz->nwords - at)
		return 0;
	for (size_t i = 0; i < f->nwords; i++) {
		const span *w = &nz->words[at + i], *fw = &nz->fwords[f->first + i];

		if (w->len != fw->len ||
		    memcmp(nz->text.ptr + w->off, nz->ftext.ptr + fw->off, w->len) != 0)
			return 0;
	}
	return f->nwords;
}

/*
 * Steps 1-6 into out. Legal forms are dropped in one pass from left to
 * right: where one or more forms start, the longest of them is dropped.
 */
static void normalize(normalizer *nz, const char *name, nm_buf *out)
{
	bool first = true;

	nm_buf_clear(out);
	if (!name || fold_words(nz, name, strlen(name)) < 0)
		return;
	for (size_t i = 0; i < nz->nwords;) {
		size_t skip = 0;

		for (size_t f = 0; f < nz->nforms && !skip; f++)
			skip = form_at(nz, &nz->forms[f], i);
		if (skip) {
			i += skip;
			continue;
		}
		if (!first)
			nm_buf_putc(out, ' ');
		nm_buf_put(out, nz->text.ptr + nz->words[i].off, nz->words[i].len);
		first = false;
		i++;
	}
}

void nm_names_normalize(const char *name, nm_buf *out)
{
	normalizer nz;

	normalizer_init(&nz, false);
	normalize(&nz, name, out);
	normalizer_release(&nz);
}

/* ------------------------------------------------------------------ */
/* Contact data                                                       */

/*
 * ASCII text trimmed and case folded: for ASCII, NFC changes nothing, full
 * case folding maps exactly A-Z to a-z and White_Space is 09-0D and 20
 * (test_names checks all three against utf8proc). Most addresses and
 * websites are ASCII, and this is many times faster than utf8proc.
 */
static void fold_ascii(const char *s, size_t len, nm_buf *out)
{
	size_t lo = 0;

	while (lo < len && is_white_space((unsigned char)s[lo]))
		lo++;
	while (len > lo && is_white_space((unsigned char)s[len - 1]))
		len--;
	nm_buf_grow(out, len - lo);
	for (size_t i = lo; i < len; i++)
		out->ptr[out->len++] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
	out->ptr[out->len] = '\0';
}

/*
 * A contact value trimmed of white space, NFC and case folded. Text that
 * is not valid UTF-8 (which validation rejects) is folded as bytes.
 */
static void fold_contact(const char *s, cpbuf *cp, nm_buf *out)
{
	const utf8proc_option_t opts = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD;
	size_t len = s ? strlen(s) : 0, lo = 0, hi;
	utf8proc_ssize_t n;
	bool ascii = true;

	nm_buf_clear(out);
	for (size_t i = 0; i < len && ascii; i++)
		ascii = (unsigned char)s[i] < 0x80;
	if (ascii || decompose(cp, s, len, opts) < 0 ||
	    (n = utf8proc_normalize_utf32(cp->v, (utf8proc_ssize_t)cp->n, opts)) < 0) {
		fold_ascii(s ? s : "", len, out);
		return;
	}
	hi = (size_t)n;
	while (lo < hi && is_white_space(cp->v[lo]))
		lo++;
	while (hi > lo && is_white_space(cp->v[hi - 1]))
		hi--;
	for (size_t i = lo; i < hi; i++)
		put_code_point(out, cp->v[i]);
}

static void strip_prefix(nm_buf *b, const char *prefix)
{
	size_t n = strlen(prefix);

	if (b->len >= n && memcmp(b->ptr, prefix, n) == 0) {
		memmove(b->ptr, b->ptr + n, b->len - n + 1);
		b->len -= n;
	}
}

static void website_key(const char *s, cpbuf *cp, nm_buf *out)
{
	fold_contact(s, cp, out);
	if (out->len == 0)
		return;
	if (out->len >= 8 && memcmp(out->ptr, "https://", 8) == 0)
		strip_prefix(out, "https://");
	else
		strip_prefix(out, "http://");
	strip_prefix(out, "www.");
	if (out->len && out->ptr[out->len - 1] == '/')
		out->ptr[--out->len] = '\0';
}

void nm_names_normalize_email(const char *email, nm_buf *out)
{
	cpbuf cp = {NULL, 0, 0};

	fold_contact(email, &cp, out);
	free(cp.v);
}

void nm_names_normalize_website(const char *website, nm_buf *out)
{
	cpbuf cp = {NULL, 0, 0};

	website_key(website, &cp, out);
	free(cp.v);
}

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
		return !is_digit(decode_at(l->s + k, l->len - k)) &&
		       l->len - k - n == s->len - k &&
		       memcmp(l->s + k + n, s->s + k, s->len - k) == 0;
	}
	if (x->ncp == y->ncp && x->len == y->len) {
		size_t na, nb;

		k = common_prefix(x, y);
		if (k == x->len)
			return false;
		na = seq_len((unsigned char)x->s[k]);
		nb = seq_len((unsigned char)y->s[k]);
		if (k + na + nb > x->len ||
		    memcmp(x->s + k + na, y->s + k, nb) != 0 ||
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
		 ? suffix_small : nm_xcalloc(m + 1, sizeof(uint32_t));
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
	return typos <= longest &&
	       (uint64_t)(longest - typos) * t.den >= (uint64_t)t.num * longest;
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

/*
 * Stable LSD radix sort on bits from_bit..63 of the 64-bit key at the start
 * of each element: the groupings below sort up to millions of keys, where
 * qsort's comparisons would dominate the running time.
 */
static void radix_sort(void *base, size_t n, size_t size, unsigned from_bit)
{
	unsigned char *v = base, *tmp;
	size_t *count;

	if (n < 2)
		return;
	if (n < 256) {
		/* Few items: a stable insertion sort beats clearing 65,536 counters. */
		unsigned char *item = nm_xmalloc(size);
		for (size_t i = 1; i < n; i++) {
			uint64_t ki, kj;
			size_t j = i;
			memcpy(item, v + i * size, size);
			memcpy(&ki, item, sizeof(ki));
			while (j > 0) {
				memcpy(&kj, v + (j - 1) * size, sizeof(kj));
				if ((kj >> from_bit) <= (ki >> from_bit))
					break;
				memcpy(v + j * size, v + (j - 1) * size, size);
				j--;
			}
			memcpy(v + j * size, item, size);
		}
		free(item);
		return;
	}
	tmp = nm_xreallocarray(NULL, n, size);
	count = nm_xcalloc(65536, sizeof(size_t));
	for (unsigned shift = from_bit; shift < 64; shift += 16) {
		size_t sum = 0;
		uint64_t k;

		memset(count, 0, 65536 * sizeof(size_t));
		for (size_t i = 0; i < n; i++) {
			memcpy(&k, v + i * size, sizeof(k));
			count[(k >> shift) & 0xffff]++;
		}
		if (count[(k >> shift) & 0xffff] == n)
			continue; /* every key has this digit */
		for (size_t d = 0; d < 65536; d++) {
			size_t c = count[d];
			count[d] = sum;
			sum += c;
		}
		for (size_t i = 0; i < n; i++) {
			memcpy(&k, v + i * size, sizeof(k));
			memcpy(tmp + count[(k >> shift) & 0xffff]++ * size, v + i * size, size);
		}
		memcpy(v, tmp, n * size);
	}
	free(count);
	free(tmp);
}

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
	radix_sort(v, n, sizeof(*v), 32);
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

static void add_pair(pairs *p, uint32_t a, uint32_t b, nm_dup_reason reason,
		     bool by_email, uint32_t similarity)
{
	NM_GROW(p->v, p->cap, p->n + 1);
	p->v[p->n++] = (nm_duplicate_actor){
		a < b ? a : b, a < b ? b : a, reason, by_email, similarity};
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
	uint32_t *occ;  /* word id of each word occurrence */
	wref *occref;   /* the same words, for aligning */
	nm_ratio threshold;
	name_pair *found;
	size_t nfound, capfound;
} similar_search;

/* Align the names x and y and keep the pair when it is similar_name. */
static void check_pair(similar_search *ss, uint32_t x, uint32_t y)
{
	const dname *p = &ss->names[x], *q = &ss->names[y];
	size_t longest = p->ncp > q->ncp ? p->ncp : q->ncp;
	size_t diff = p->ncp > q->ncp ? p->ncp - q->ncp : q->ncp - p->ncp;
	uint32_t d;

	if (x == y || !passes((uint32_t)diff, longest, ss->threshold))
		return; /* each typo changes the length by at most one */
	d = align_words(&ss->occref[p->first_word], p->nwords,
			&ss->occref[q->first_word], q->nwords);
	if (d == NO_ALIGN || d == 0 || !passes(d, longest, ss->threshold))
		return;
	if (x > y) {
		uint32_t t = x;
		x = y, y = t;
	}
	NM_GROW(ss->found, ss->capfound, ss->nfound + 1);
	ss->found[ss->nfound++] = (name_pair){(uint64_t)x << 32 | y, d, (uint32_t)longest};
}

static uint64_t word_hash(const char *s, size_t len)
{
	return hash_finish(hash_bytes(HASH_SEED, s, len));
}

/* The id of the word s in the word table, or NM_NONE; *slot: where it goes. */
static uint32_t find_word_slot(const similar_search *ss, const char *s, size_t len,
			       uint64_t h, size_t *slot)
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
					p, (uint32_t)len, (uint32_t)count_code_points(p, len), id, h};
				ss->slots[slot] = id + 1;
				if (ss->nwords * 2 > ss->nslots) {
					/* rehash into twice the slots */
					free(ss->slots);
					ss->nslots *= 2;
					ss->slots = nm_xcalloc(ss->nslots, sizeof(uint32_t));
					for (uint32_t w = 0; w < ss->nwords; w++) {
						size_t i = (size_t)ss->words[w].hash & (ss->nslots - 1);
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
					poly_key(pre[k] * pw[rest] + (pre[len] - pre[k + n] * pw[rest]),
						 len - n),
					(uint32_t)i, 0};
		}
	}
	free(pre);
	free(pw);
	radix_sort(keys, nkeys, sizeof(*keys), 0);
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

/*
 * Two names whose words are pairwise equal or one typo apart have the same
 * typo key, since words one typo apart are in one component; with one join
 * the name with more words has, for that join, the key of the other. So
 * only names sharing a key are aligned (docs/duplicates.md).
 */
static void find_similar(similar_search *ss)
{
	keyed *keys = nm_xcalloc(ss->neligible ? ss->neligible : 1, sizeof(keyed));
	uint64_t *pre = NULL, *pw = NULL;
	size_t n = ss->neligible, cappre = 0, cappw = 0;
	nm_buf joined = NM_BUF_INIT;

	intern_words(ss);
	typo_components(ss);

	for (size_t e = 0; e < n; e++) {
		const dname *nm = &ss->names[ss->eligible[e]];
		uint64_t poly = 0;

		for (uint32_t i = 0; i < nm->nwords; i++)
			poly = poly * POLY_BASE + comp_value(ss->words[ss->occ[nm->first_word + i]].comp);
		keys[e] = (keyed){poly_key(poly, nm->nwords), ss->eligible[e], 0};
	}
	radix_sort(keys, n, sizeof(*keys), 0);
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && keys[j].key == keys[i].key; j++)
			;
		for (size_t x = i; x < j; x++)
			for (size_t y = x + 1; y < j; y++)
				check_pair(ss, keys[x].id, keys[y].id);
	}

	/* a space too many: words i and i + 1 as the one word they make */
	for (size_t e = 0; e < n; e++) {
		const dname *nm = &ss->names[ss->eligible[e]];
		size_t m = nm->nwords;

		if (m < 2)
			continue;
		NM_GROW(pre, cappre, m + 1);
		poly_powers(&pw, &cappw, m);
		pre[0] = 0;
		for (size_t i = 0; i < m; i++)
			pre[i + 1] = pre[i] * POLY_BASE +
				     comp_value(ss->words[ss->occ[nm->first_word + i]].comp);
		for (size_t i = 0; i + 1 < m; i++) {
			const wref *p = &ss->occref[nm->first_word + i], *q = p + 1;
			uint32_t w;
			uint64_t h;
			size_t lo = 0, hi = n;

			nm_buf_clear(&joined);
			nm_buf_put(&joined, p->s, p->len);
			nm_buf_put(&joined, q->s, q->len);
			w = find_word(ss, joined.ptr, joined.len);
			if (w == NM_NONE)
				continue; /* no name has this word */
			h = poly_key(pre[i] * pw[m - 1 - i] +
				     comp_value(ss->words[w].comp) * pw[m - 2 - i] +
				     (pre[m] - pre[i + 2] * pw[m - 2 - i]), m - 1);
			while (lo < hi) {
				size_t mid = lo + (hi - lo) / 2;
				if (keys[mid].key < h)
					lo = mid + 1;
				else
					hi = mid;
			}
			for (; lo < n && keys[lo].key == h; lo++)
				check_pair(ss, ss->eligible[e], keys[lo].id);
		}
	}
	free(keys);
	free(pre);
	free(pw);
	nm_buf_release(&joined);
}

/* ------------------------------------------------------------------ */

/* The normalised names of all actors: name i is text[off[i] .. off[i+1]). */
static void normalize_names(const nm_dataset *ds, nm_buf *text, size_t *off)
{
	normalizer nz;
	nm_buf one = NM_BUF_INIT;

	normalizer_init(&nz, true);
	for (size_t i = 0; i < ds->nactors; i++) {
		off[i] = text->len;
		normalize(&nz, ds->actors[i].name, &one);
		nm_buf_put(text, nm_buf_cstr(&one), one.len);
	}
	off[ds->nactors] = text->len;
	normalizer_release(&nz);
	nm_buf_release(&one);
}

/*
 * Group the actors by non-empty normalised name: the distinct names into
 * *out (returns how many), their actors into actors (each name's actors
 * ascending, at first_actor), and every pair within a name as same_name.
 */
static size_t distinct_names(dname **out, uint32_t *actors, pairs *found,
			     const nm_buf *text, const size_t *off, size_t nact)
{
	strkey *keys = nm_xcalloc(nact + 1, sizeof(strkey));
	dname *names;
	size_t nkeys = 0, nnames = 0;

	for (size_t i = 0; i < nact; i++)
		if (off[i + 1] > off[i])
			keys[nkeys++] = (strkey){0, nm_buf_cstr(text) + off[i],
						 off[i + 1] - off[i], (uint32_t)i};
	group_strings(keys, nkeys);
	names = nm_xcalloc(nkeys ? nkeys : 1, sizeof(dname));
	for (size_t i = 0, j; i < nkeys; i = j) {
		for (j = i + 1; j < nkeys && strkey_eq(&keys[j], &keys[i]); j++)
			;
		names[nnames++] = (dname){keys[i].s, keys[i].len,
					  count_code_points(keys[i].s, keys[i].len),
					  (uint32_t)i, (uint32_t)(j - i), 0, 0};
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

/* same_contact pairs by e-mail address (email) or by website. */
static void contact_pairs(pairs *found, const nm_dataset *ds, bool email)
{
	size_t nact = ds->nactors, nk = 0;
	size_t *off = nm_xcalloc(nact + 1, sizeof(size_t));
	uint32_t *who = nm_xcalloc(nact + 1, sizeof(uint32_t));
	strkey *keys = nm_xcalloc(nact + 1, sizeof(strkey));
	nm_buf text = NM_BUF_INIT, one = NM_BUF_INIT;
	cpbuf cp = {NULL, 0, 0};

	for (size_t i = 0; i < nact; i++) {
		const char *v = email ? ds->actors[i].email : ds->actors[i].website;

		if (!v)
			continue;
		if (email)
			fold_contact(v, &cp, &one);
		else
			website_key(v, &cp, &one);
		if (one.len == 0)
			continue; /* an empty value never matches */
		off[nk] = text.len;
		who[nk++] = (uint32_t)i;
		nm_buf_put(&text, one.ptr, one.len);
	}
	off[nk] = text.len;
	for (size_t k = 0; k < nk; k++)
		keys[k] = (strkey){0, nm_buf_cstr(&text) + off[k], off[k + 1] - off[k], who[k]};
	add_groups(found, keys, nk, NM_DUP_SAME_CONTACT, email);
	free(keys);
	free(who);
	free(off);
	free(cp.v);
	nm_buf_release(&text);
	nm_buf_release(&one);
}

/* similar_name pairs of actors, from the similar pairs of distinct names. */
static void similar_pairs(pairs *found, dname *names, size_t nnames,
			  const uint32_t *actors, nm_ratio threshold)
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
	find_similar(&ss);

	radix_sort(ss.found, ss.nfound, sizeof(*ss.found), 0);
	for (size_t i = 0; i < ss.nfound; i++) {
		const name_pair *p = &ss.found[i];
		const dname *x = &names[p->key >> 32], *y = &names[p->key & 0xffffffffu];

		if (i > 0 && p->key == ss.found[i - 1].key)
			continue; /* found through two joins */
		for (uint32_t s = 0; s < x->nactors; s++)
			for (uint32_t t = 0; t < y->nactors; t++)
				add_pair(found, actors[x->first_actor + s],
					 actors[y->first_actor + t], NM_DUP_SIMILAR_NAME,
					 false, thousandths(p->typos, p->longest));
	}
	free(eligible);
	free(ss.found);
	free(ss.words);
	free(ss.slots);
	free(ss.occ);
	free(ss.occref);
}

void nm_names_find_duplicates(nm_duplicate_actor **out, size_t *n,
			      const nm_dataset *ds, nm_ratio similar_threshold)
{
	size_t nact = ds->nactors, *off = nm_xcalloc(nact + 1, sizeof(size_t));
	uint32_t *actors = nm_xcalloc(nact + 1, sizeof(uint32_t));
	nm_buf text = NM_BUF_INIT;
	pairs found = {NULL, 0, 0};
	dname *names = NULL;
	size_t nnames, k = 0;

	normalize_names(ds, &text, off);
	nnames = distinct_names(&names, actors, &found, &text, off, nact);
	contact_pairs(&found, ds, true);
	contact_pairs(&found, ds, false);
	similar_pairs(&found, names, nnames, actors, similar_threshold);

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
