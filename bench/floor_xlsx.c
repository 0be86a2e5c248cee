/*
 * floor_xlsx.c: the floor of reading a workbook. It opens an .xlsx (or
 * .ods) file with libzip, inflates every worksheet and the shared strings
 * (content.xml of an .ods) and runs expat over them with handlers that do
 * nothing: the work no reader of the file can avoid. netmap's workbook
 * reader uses the same two libraries, so `netmap validate book.xlsx`
 * divided by this is what netmap adds.
 *
 *   netmap_floor_xlsx FILE...
 */
#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	(void)ud;
	(void)name;
	(void)atts;
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
	(void)ud;
	(void)name;
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int len)
{
	(void)ud;
	(void)s;
	(void)len;
}

static int wanted(const char *name)
{
	return (strncmp(name, "xl/worksheets/", 14) == 0 && strstr(name, ".xml")) ||
	       strcmp(name, "xl/sharedStrings.xml") == 0 || strcmp(name, "content.xml") == 0;
}

static int parse_entry(zip_t *z, zip_int64_t i, unsigned long long *bytes)
{
	static char buf[1 << 16];
	zip_file_t *f = zip_fopen_index(z, (zip_uint64_t)i, 0);
	XML_Parser p = XML_ParserCreate(NULL);
	zip_int64_t got;
	int ok = 1;

	if (!f || !p) {
		if (f)
			zip_fclose(f);
		if (p)
			XML_ParserFree(p);
		return 0;
	}
	XML_SetElementHandler(p, on_start, on_end);
	XML_SetCharacterDataHandler(p, on_text);
	while (ok && (got = zip_fread(f, buf, sizeof(buf))) > 0) {
		*bytes += (unsigned long long)got;
		ok = XML_Parse(p, buf, (int)got, 0) == XML_STATUS_OK;
	}
	if (ok)
		ok = XML_Parse(p, buf, 0, 1) == XML_STATUS_OK;
	XML_ParserFree(p);
	zip_fclose(f);
	return ok;
}

int main(int argc, char **argv)
{
	unsigned long long bytes = 0;
	int status = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: netmap_floor_xlsx FILE...\n");
		return 2;
	}
	for (int a = 1; a < argc; a++) {
		int err = 0;
		zip_t *z = zip_open(argv[a], ZIP_RDONLY, &err);
		zip_int64_t n;

		if (!z) {
			fprintf(stderr, "netmap_floor_xlsx: cannot open '%s' (libzip error %d)\n",
				argv[a], err);
			status = 2;
			continue;
		}
		n = zip_get_num_entries(z, 0);
		for (zip_int64_t i = 0; i < n; i++) {
			const char *name = zip_get_name(z, (zip_uint64_t)i, 0);
			if (name && wanted(name) && !parse_entry(z, i, &bytes)) {
				fprintf(stderr, "netmap_floor_xlsx: '%s' in '%s' is not XML\n",
					name, argv[a]);
				status = 1;
			}
		}
		zip_close(z);
	}
	printf("%llu bytes of XML\n", bytes);
	return status;
}
