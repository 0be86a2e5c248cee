/*
 * fuzz_sheets.c: arbitrary bytes as a spreadsheet through the whole
 * reading path: a reader (the first byte chooses CSV, .ods or .xlsx), the
 * table reader (tables, headers, cells, the matrix) and validation.
 * Whatever the bytes, netmap must neither crash, leak, hang nor grow
 * without bound; every problem must name the file or one of its sheets.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "netmap/validate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = {"Akteure.csv", "book.ods", "book.xlsx"};
	nm_diags d;
	nm_loader *ld;
	nm_validator *v;
	nm_dataset *ds = NULL;
	nm_doc *docs;
	size_t ndocs;
	nm_date today = 20783; /* 2026-11-26 */

	if (size < 1)
		return 0;
	nm_diags_init(&d);
	ld = nm_loader_new(&d);
	v = nm_validator_new(&d, today);
	nm_loader_parse_buffer(ld, names[data[0] % 3], (const char *)data + 1, size - 1, &docs,
			       &ndocs);
	for (size_t i = 0; i < ndocs; i++)
		nm_validator_add_doc(v, &docs[i]);
	nm_loader_read_matrices(ld, nm_validator_knows_committee, v, &docs, &ndocs);
	for (size_t i = 0; i < ndocs; i++)
		nm_validator_add_doc(v, &docs[i]);
	nm_loader_free(ld);
	nm_validator_finish(v, &ds);
	nm_validator_free(v);
	for (size_t i = 0; i < d.n; i++)
		if (d.book[d.items[i].file] != 0 || !d.items[i].message[0])
			abort();
	nm_dataset_free(ds);
	nm_diags_release(&d);
	return 0;
}
