/*
 * names.h: duplicate actor records (contract 3.5). Organisation names are
 * normalised with utf8proc (NFKC, case folding, decomposition) and the
 * German rules of the contract, then compared for equality (same_name) and
 * closeness (similar_name); contact e-mail addresses and websites are
 * compared after their own normalisation (same_contact).
 *
 * docs/duplicates.md explains the rules to coordinators, including the
 * exact definition of similar_name and why its search finds every pair.
 */
#ifndef NETMAP_NAMES_H
#define NETMAP_NAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "netmap/buf.h"
#include "netmap/model.h"

/* The reasons, in the order in which the first that holds is reported. */
typedef enum nm_dup_reason {
	NM_DUP_SAME_NAME,
	NM_DUP_SAME_CONTACT,
	NM_DUP_SIMILAR_NAME,
	NM_DUP_COUNT
} nm_dup_reason;

extern const char *const nm_dup_reason_names[NM_DUP_COUNT];

typedef struct nm_duplicate_actor {
	uint32_t a, b; /* actor indices, a < b */
	nm_dup_reason reason;
	bool by_email;       /* same_contact: e-mail (true) or website;
				 e-mail when both are shared */
	uint32_t similarity; /* similar_name: the measure in thousandths,
				 rounded down; 0 for the other reasons */
} nm_duplicate_actor;

/*
 * Normalise an organisation name by steps 1-6 of contract 3.5 into out
 * (which is cleared first): words of the result are separated by single
 * spaces. Legal forms are dropped in one pass from left to right; where
 * several start at a word, the longest (most words, then most code points)
 * is dropped. NULL or invalid UTF-8 normalises to nothing (""). Each call
 * prepares the legal forms anew (some microseconds); for many names,
 * nm_names_find_duplicates shares that work and caches repeated words.
 */
void nm_names_normalize(const char *name, nm_buf *out);

/*
 * Steps 1-3 of contract 3.5 into out (cleared first): NFKC and full case
 * folding, ä/ö/ü/ß spelled out, then NFD without combining marks. White
 * space and punctuation are kept. NULL or invalid UTF-8 gives "". The
 * table reader derives ids from names with it (6.4).
 */
void nm_names_fold(const char *s, nm_buf *out);

/*
 * The keys same_contact compares, into out (cleared first): trimmed of
 * Unicode white space, NFC and case folded; a website also loses a leading
 * "http://" or "https://", then "www.", then one trailing "/". An empty
 * key never matches. NULL gives "".
 */
void nm_names_normalize_email(const char *email, nm_buf *out);
void nm_names_normalize_website(const char *website, nm_buf *out);

/*
 * The similar_name measure of two normalised names, in thousandths
 * (rounded down): 1 - typos / code points of the longer name, where typos
 * is the fewest typos that turn one name into the other by the rules of
 * docs/duplicates.md. 1000 for equal non-empty names; 0 when either is
 * empty or they are not typo variants of each other at all.
 */
uint32_t nm_names_similarity(const char *a, const char *b);

/*
 * Whether two different normalised names are similar_name at threshold:
 * both at least 8 code points long, typo variants of each other, and
 * 1 - typos / code points of the longer >= threshold, compared exactly.
 */
bool nm_names_similar(const char *a, const char *b, nm_ratio threshold);

/*
 * Find every duplicate actor pair of ds (a sorted, validated dataset), each
 * once with its first reason (same_name, same_contact, similar_name),
 * ordered by a, then b. *out receives the array (free with free(); NULL
 * when *n is 0). Names are similar_name at similar_threshold.
 */
void nm_names_find_duplicates(nm_duplicate_actor **out, size_t *n, const nm_dataset *ds,
			      nm_ratio similar_threshold);
/*
 * The same on up to jobs threads (0 or 1: the calling thread alone, no
 * thread created): names and contacts are normalised, and candidate
 * names aligned, by ranges of records, each range into its own list, and
 * the lists put together in range order, so the result is the same for
 * every jobs.
 */
void nm_names_find_duplicates_jobs(nm_duplicate_actor **out, size_t *n, const nm_dataset *ds,
				   nm_ratio similar_threshold, unsigned jobs);

#endif
