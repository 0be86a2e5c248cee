/*
 * names_norm.c: the normalised forms duplicate records are found by
 * (contract 3.5): a name normalised by the contract's steps (Unicode
 * forms, case folding, umlauts, legal forms), an e-mail address and a
 * website as contact keys. names.c finds the pairs.
 *
 * Every Unicode decision (compatibility and canonical forms, case folding,
 * general categories) is utf8proc's; this file only strings its passes
 * together in the contract's order and adds the two rules the contract
 * spells out itself (the German umlauts and the legal forms).
 *
 * utf8proc costs microseconds a name, so find_duplicates folds each run of
 * text between white space once and reuses it: names share most words.
 */
#include "netmap/names.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "names_text.h"

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

static void put_code_point(nm_buf *b, int32_t c)
{
	utf8proc_uint8_t tmp[4];
	utf8proc_ssize_t n = utf8proc_encode_char(c, tmp);

	nm_buf_put(b, (const char *)tmp, (size_t)n);
}

static void cpbuf_reserve(cpbuf *b, size_t need)
{
	NM_GROW(b->v, b->cap, need);
}

/* utf8proc_decompose into out, growing it until the result fits. */
static int decompose(cpbuf *out, const char *s, size_t len, utf8proc_option_t opts)
{
	utf8proc_ssize_t n;

	for (;;) {
		n = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, out->v,
				       (utf8proc_ssize_t)out->cap, opts);
		if (n < 0)
			return -1;
		if ((size_t)n <= out->cap)
			break;
		cpbuf_reserve(out, (size_t)n);
	}
	out->n = (size_t)n;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Name normalisation (contract 3.5, steps 1-6)                       */

/*
 * The legal forms of contract 3.5 as written there; a parenthesised part
 * is optional, so a form with k of them stands for 2^k word sequences.
 */
static const char *const legal_forms[] = {
	"e.V.",
	"e. V.",
	"eV",
	"gGmbH",
	"GmbH",
	"gUG",
	"UG",
	"AG",
	"eG",
	"KdöR",
	"eingetragener Verein",
	"gemeinnützige GmbH",
	"(gemeinnützige) Gesellschaft mit beschränkter Haftung",
	"(gemeinnützige) Unternehmergesellschaft (haftungsbeschränkt)",
	"Aktiengesellschaft",
	"eingetragene Genossenschaft",
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
			/* no buffer yet: ask for the size (NULL + 0 is undefined) */
			utf8proc_ssize_t k = utf8proc_decompose_char(a->v[i],
								     b->v ? b->v + b->n : NULL,
								     (utf8proc_ssize_t)room,
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
		case 0xe4:
			nm_buf_puts(tmp, "ae");
			break;
		case 0xf6:
			nm_buf_puts(tmp, "oe");
			break;
		case 0xfc:
			nm_buf_puts(tmp, "ue");
			break;
		case 0xdf:
			nm_buf_puts(tmp, "ss");
			break;
		default:
			put_code_point(tmp, b->v[i]);
			break;
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
static const chunk *cache_find(const chunk_cache *c, uint64_t h, const char *s, size_t len,
			       size_t *slot)
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
			if (i > start &&
			    (nz->cache.nslots ? fold_run_cached(nz, s + start, i - start)
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
void nm_names_normalizer_init(normalizer *nz, bool cache)
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

void nm_names_normalizer_release(normalizer *nz)
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
void nm_names_normalize_with(normalizer *nz, const char *name, nm_buf *out)
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

	nm_names_normalizer_init(&nz, false);
	nm_names_normalize_with(&nz, name, out);
	nm_names_normalizer_release(&nz);
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
void nm_names_fold_contact(const char *s, cpbuf *cp, nm_buf *out)
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

void nm_names_website_key(const char *s, cpbuf *cp, nm_buf *out)
{
	nm_names_fold_contact(s, cp, out);
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

	nm_names_fold_contact(email, &cp, out);
	free(cp.v);
}

void nm_names_normalize_website(const char *website, nm_buf *out)
{
	cpbuf cp = {NULL, 0, 0};

	nm_names_website_key(website, &cp, out);
	free(cp.v);
}
