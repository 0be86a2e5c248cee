/*
 * names_text.h: what the two halves of duplicate detection share (private
 * to names_norm.c and names.c): small UTF-8 and hashing helpers, and the
 * normaliser's working state, kept across names so buffers and the cache
 * of folded words are reused.
 */
#ifndef NETMAP_NAMES_TEXT_H
#define NETMAP_NAMES_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <utf8proc.h>

#include "netmap/buf.h"
#include "netmap/common.h"

static inline bool is_digit(int32_t c)
{
	return utf8proc_category(c) == UTF8PROC_CATEGORY_ND;
}

/* Length of the UTF-8 sequence a lead byte starts (input is valid). */
static inline size_t seq_len(unsigned char c)
{
	return c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
}

static inline int32_t decode_at(const char *s, size_t len)
{
	utf8proc_int32_t c = -1;

	utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &c);
	return c;
}

static inline size_t count_code_points(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return n;
}

/* A growable array of code points. */
typedef struct cpbuf {
	utf8proc_int32_t *v;
	size_t n, cap;
} cpbuf;

/* 64-bit FNV-1a with a final mix; only ever used to group equal keys. */
static inline uint64_t hash_bytes(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

#define HASH_SEED 0xcbf29ce484222325ULL

static inline uint64_t hash_finish(uint64_t h)
{
	h ^= h >> 30;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 27;
	h *= 0x94d049bb133111ebULL;
	return h ^ (h >> 31);
}

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
	size_t raw, rawlen; /* bytes in chunk_cache.raw */
	size_t out, outlen; /* bytes in chunk_cache.out: its words, space-separated */
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
	nm_buf tmp;  /* UTF-8 between passes */
	nm_buf text; /* the words of the name at hand, back to back */
	span *words;
	size_t nwords, capwords;
	chunk_cache cache;
	nm_buf ftext; /* the words of the legal forms */
	span *fwords;
	size_t nfwords, capfwords;
	form *forms; /* most words first, then most code points */
	size_t nforms, capforms;
} normalizer;

void nm_names_normalizer_init(normalizer *nz, bool cache);
void nm_names_normalizer_release(normalizer *nz);
/* The normalised form of name (nm_names_normalize) into out, with nz's buffers. */
void nm_names_normalize_with(normalizer *nz, const char *name, nm_buf *out);
/* The contact key of an e-mail address, folded through cp. */
void nm_names_fold_contact(const char *s, cpbuf *cp, nm_buf *out);
/* The contact key of a website, folded through cp. */
void nm_names_website_key(const char *s, cpbuf *cp, nm_buf *out);

#endif
