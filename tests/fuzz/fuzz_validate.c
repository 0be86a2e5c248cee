/*
 * fuzz_validate.c: arbitrary bytes through the loader and validation, as
 * one file. Whatever the bytes, netmap must neither crash, leak, hang nor
 * grow without bound; every problem must name a place in the file.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "netmap/validate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	nm_diags d;
	nm_loader *ld;
	nm_validator *v;
	nm_dataset *ds = NULL;
	nm_doc *docs;
	size_t ndocs;
	nm_date today = 20783; /* 2026-11-26 */

	nm_diags_init(&d);
	ld = nm_loader_new(&d);
	v = nm_validator_new(&d, today);
	nm_loader_parse_buffer(ld, "fuzz.yaml", (const char *)data, size, &docs, &ndocs);
	for (size_t i = 0; i < ndocs; i++)
		nm_validator_add_doc(v, &docs[i]);
	nm_loader_free(ld);
	nm_validator_finish(v, &ds);
	nm_validator_free(v);
	for (size_t i = 0; i < d.n; i++)
		if (d.items[i].file != 0 || !d.items[i].message[0])
			abort();
	nm_dataset_free(ds);
	nm_diags_release(&d);
	return 0;
}
