/*
 * names.h: duplicate actor records (contract 3.5). Organisation names are
 * normalised with utf8proc (NFKC, case folding, decomposition) and the
 * German rules of the contract, then compared for equality (same_name) and
 * closeness (similar_name); contact e-mail addresses and websites are
 * compared after their own normalisation (same_contact).
 */
#ifndef NETMAP_NAMES_H
#define NETMAP_NAMES_H

#include "netmap/buf.h"
#include "netmap/model.h"

typedef enum nm_dup_reason {
	NM_DUP_SAME_NAME,
	NM_DUP_SAME_CONTACT,
	NM_DUP_SIMILAR_NAME,
	NM_DUP_COUNT
} nm_dup_reason;

extern const char *const nm_dup_reason_names[NM_DUP_COUNT];

typedef struct nm_duplicate_actor {
	uint32_t a, b;        /* actor indices, a < b */
	nm_dup_reason reason;
	bool by_email;        /* same_contact: e-mail (true) or website */
	uint32_t similarity;  /* similar_name: the measure in thousandths */
} nm_duplicate_actor;

/*
 * Normalise an organisation name by steps 1-6 of contract 3.5 into out
 * (which is cleared first). Invalid UTF-8 normalises to nothing.
 */
void nm_names_normalize(const char *name, nm_buf *out);

/* The similar_name measure of two normalised names, in thousandths. */
uint32_t nm_names_similarity(const char *a, const char *b);

/*
 * Find every duplicate actor pair of ds, each once with its first reason,
 * ordered by a, then b. *out (free with free()) receives the array.
 */
void nm_names_find_duplicates(nm_duplicate_actor **out, size_t *n,
			      const nm_dataset *ds, nm_ratio similar_threshold);

#endif
