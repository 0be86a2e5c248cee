/*
 * diag_gitlab.c: the problems as a GitLab Code Quality report, the JSON
 * list that a job's `artifacts: reports: codequality` hands to the merge
 * request widget. GitLab tells new problems from old ones by fingerprint,
 * so a fingerprint leaves the line out (diag_out.h says what it holds).
 */
#include "netmap/arena.h"
#include "netmap/common.h"
#include "netmap/diag_out.h"
#include "netmap/json.h"
#include "netmap/strmap.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void sha256_hex(const nm_buf *in, char out[65])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int len = 0;

	EVP_Digest(in->ptr, in->len, md, &len, EVP_sha256(), NULL);
	for (unsigned int i = 0; i < len && i < 32; i++)
		snprintf(out + 2 * i, 3, "%02x", md[i]);
	out[64] = '\0';
}

void nm_diags_gitlab(nm_buf *b, const nm_diags *d, const char *cwd)
{
	nm_strmap seen; /* digest of rule, path, message -> index in counts */
	nm_arena keys = NM_ARENA_INIT;
	uint32_t *counts = NULL; /* problems so far with that digest */
	size_t ncounts = 0, cap = 0;
	nm_buf key = NM_BUF_INIT;

	nm_strmap_init(&seen);
	nm_buf_putc(b, '[');
	for (size_t i = 0; i < d->n; i++) {
		const nm_diag *x = &d->items[i];
		const char *path = nm_diag_relpath(d->files[x->file], cwd);
		const char *rule = x->rule ? x->rule : "netmap";
		char digest[65], fingerprint[65];
		uint32_t slot;

		nm_buf_clear(&key);
		nm_buf_puts(&key, rule);
		nm_buf_putc(&key, '\n');
		nm_buf_puts(&key, path);
		nm_buf_putc(&key, '\n');
		nm_buf_puts(&key, x->message);
		sha256_hex(&key, digest);
		NM_GROW(counts, cap, ncounts + 1);
		slot = nm_strmap_get(&seen, digest);
		if (slot == UINT32_MAX) {
			slot = nm_strmap_put(&seen, nm_arena_strdup(&keys, digest),
					     (uint32_t)ncounts);
			counts[ncounts++] = 0;
		}
		nm_buf_printf(&key, "\n%u", counts[slot]++);
		sha256_hex(&key, fingerprint);

		nm_buf_puts(b, i ? ",\n  {\"description\": " : "\n  {\"description\": ");
		{
			nm_buf msg = NM_BUF_INIT;
			nm_diags_message(d, x, &msg); /* "Akteure!C7: ..." in a sheet */
			nm_json_str(b, msg.ptr);
			nm_buf_release(&msg);
		}
		nm_buf_puts(b, ", \"check_name\": ");
		nm_json_str(b, rule);
		nm_buf_printf(b,
			      ", \"fingerprint\": \"%s\", \"severity\": \"%s\", "
			      "\"location\": {\"path\": ",
			      fingerprint, x->severity == NM_SEV_ERROR ? "major" : "minor");
		nm_json_str(b, path);
		nm_buf_printf(b, ", \"lines\": {\"begin\": %u}}}", x->line ? x->line : 1);
	}
	nm_buf_puts(b, d->n ? "\n]\n" : "]\n");
	nm_buf_release(&key);
	free(counts);
	nm_strmap_release(&seen);
	nm_arena_release(&keys);
}
