/*
 * names.c: duplicate actor records (contract 3.5).
 *
 * Every Unicode decision (compatibility and canonical forms, case folding,
 * general categories) is utf8proc's; this file only strings its passes
 * together in the contract's order and adds the two rules the contract
 * spells out itself (the German umlauts and the legal forms).
 *
 * same_name and same_contact group equal keys by hashing and sorting, so
 * every pair of a group is found.
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
 * Steps 1-5 for one run of text without white space, appending its words
 * to nz->words (a run can still hold several: NFKC turns some characters
 * into spaces). -1 when utf8proc rejects the text.
 */
static int fold_run(normalizer *nz, const char *s, size_t len)
{
	const utf8proc_option_t nfkc = UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE;
	utf8proc_ssize_t n;
	bool in_word = false;

	/* 1. NFKC, then full case folding (one code point at a time). */
	if (decompose(&nz->a, s, len, nfkc) < 0)
		return -1;
	n = utf8proc_normalize_utf32(nz->a.v, (utf8proc_ssize_t)nz->a.n, nfkc);
	if (n < 0)
		return -1;
	nz->a.n = (size_t)n;
	nz->b.n = 0;
	for (size_t i = 0; i < nz->a.n; i++) {
		for (;;) {
			size_t room = nz->b.cap - nz->b.n;
			utf8proc_ssize_t k = utf8proc_decompose_char(
				nz->a.v[i], nz->b.v + nz->b.n, (utf8proc_ssize_t)room,
				UTF8PROC_CASEFOLD, NULL);
			if (k < 0)
				return -1;
			if ((size_t)k <= room) {
				nz->b.n += (size_t)k;
				break;
			}
			cpbuf_reserve(&nz->b, nz->b.n + (size_t)k);
		}
	}

	/* 2. ä, ö, ü, ß spelled out, on the way back to UTF-8. */
	nm_buf_clear(&nz->tmp);
	for (size_t i = 0; i < nz->b.n; i++) {
		switch (nz->b.v[i]) {
		case 0xe4: nm_buf_puts(&nz->tmp, "ae"); break;
		case 0xf6: nm_buf_puts(&nz->tmp, "oe"); break;
		case 0xfc: nm_buf_puts(&nz->tmp, "ue"); break;
		case 0xdf: nm_buf_puts(&nz->tmp, "ss"); break;
		default: put_code_point(&nz->tmp, nz->b.v[i]); break;
		}
	}

	/* 3. NFD; 3-5: drop marks and punctuation, split on white space. */
	if (decompose(&nz->a, nm_buf_cstr(&nz->tmp), nz->tmp.len,
		      UTF8PROC_STABLE | UTF8PROC_DECOMPOSE) < 0)
		return -1;
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

uint32_t nm_names_similarity(const char *a, const char *b)
{
	return 0; /* similar_name follows in its own change */
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

/* same_name: every pair of actors with one non-empty normalised name. */
static void same_name_pairs(pairs *found, const nm_buf *text, const size_t *off, size_t nact)
{
	strkey *keys = nm_xcalloc(nact + 1, sizeof(strkey));
	size_t nkeys = 0;

	for (size_t i = 0; i < nact; i++)
		if (off[i + 1] > off[i])
			keys[nkeys++] = (strkey){0, nm_buf_cstr(text) + off[i],
						 off[i + 1] - off[i], (uint32_t)i};
	add_groups(found, keys, nkeys, NM_DUP_SAME_NAME, false);
	free(keys);
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

void nm_names_find_duplicates(nm_duplicate_actor **out, size_t *n,
			      const nm_dataset *ds, nm_ratio similar_threshold)
{
	size_t nact = ds->nactors, *off = nm_xcalloc(nact + 1, sizeof(size_t));
	nm_buf text = NM_BUF_INIT;
	pairs found = {NULL, 0, 0};
	size_t k = 0;

	normalize_names(ds, &text, off);
	same_name_pairs(&found, &text, off, nact);
	contact_pairs(&found, ds, true);
	contact_pairs(&found, ds, false);

	/* every pair once, with its first reason (e-mail before website), by a then b */
	if (found.n > 1)
		qsort(found.v, found.n, sizeof(*found.v), pair_cmp);
	for (size_t i = 0; i < found.n; i++)
		if (k == 0 || found.v[i].a != found.v[k - 1].a || found.v[i].b != found.v[k - 1].b)
			found.v[k++] = found.v[i];
	*out = found.v;
	*n = k;

	free(off);
	nm_buf_release(&text);
}
