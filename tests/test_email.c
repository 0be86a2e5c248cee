/*
 * test_email.c: the e-mail message through the real binary, parsed back
 * with Python's email package (a real MIME parser): parts and content
 * types, UTF-8 charsets, cid: references that resolve to PNG parts,
 * headers that decode to what was given, a subject with CR/LF that adds
 * no header, lines within 998 octets, the same bytes for the same store
 * and --date, and a golden message of the small dataset. The golden
 * holds the PNG bodies as "<png>": their bytes depend on a machine's
 * fonts, the rest of the message does not.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netmap/buf.h"
#include "testutil.h"

#define SRC NETMAP_SOURCE_DIR
#define GOLDEN NETMAP_TEST_DATA "/golden/"
#define SMALL "tests/data/cli/small.yaml"

#define NETMAP(...) run_in(SRC, (const char *const[]){__VA_ARGS__, NULL})

static tu_run run_in(const char *cwd, const char *const *args)
{
	tu_run r;
	tu_netmap(&r, cwd, args);
	return r;
}

/* argv: message file, expected Subject, To, From (each "-" to skip). */
static const char checker[] =
	"import sys, email, email.policy\n"
	"from email.header import decode_header, make_header\n"
	"raw = open(sys.argv[1], 'rb').read()\n"
	"for line in raw.split(b'\\n'):\n"
	"    assert len(line) <= 998, 'line too long'\n"
	"    assert b'\\r' not in line, 'CR in message'\n"
	"msg = email.message_from_bytes(raw, policy=email.policy.default)\n"
	"assert not msg.defects, msg.defects\n"
	"def dec(v): return str(make_header(decode_header(v)))\n"
	"for i, name in ((2, 'Subject'), (3, 'To'), (4, 'From')):\n"
	"    want = sys.argv[i]\n"
	"    if want != '-':\n"
	"        got = dec(msg.get(name, failobj=''))\n"
	"        assert got == want, (name, got, want)\n"
	"names = [k.lower() for k in msg.keys()]\n"
	"for h in ('subject', 'date', 'message-id', 'mime-version', 'content-type'):\n"
	"    assert names.count(h) == 1, h\n"
	"assert set(names) <= {'from', 'to', 'subject', 'date', 'message-id', 'mime-version',\n"
	"                      'content-language', 'content-type'}, names\n"
	"assert msg.get_content_type() == 'multipart/alternative'\n"
	"parts = msg.get_payload()\n"
	"assert parts[0].get_content_type() == 'text/plain'\n"
	"assert parts[0].get_content_charset() == 'utf-8'\n"
	"text = parts[0].get_content()\n"
	"assert text.startswith('netmap'), text[:40]\n"
	"rel = parts[1]\n"
	"assert rel.get_content_type() == 'multipart/related', rel.get_content_type()\n"
	"sub = rel.get_payload()\n"
	"assert sub[0].get_content_type() == 'text/html'\n"
	"assert sub[0].get_content_charset() == 'utf-8'\n"
	"html = sub[0].get_content()\n"
	"assert '<svg' not in html\n"
	"cids = {p['Content-ID'].strip('<>'): p for p in sub[1:]}\n"
	"refs = __import__('re').findall(r'src=\"cid:([^\"]+)\"', html)\n"
	"assert len(refs) == 2 and len(cids) == 2, (refs, list(cids))\n"
	"for r in refs:\n"
	"    p = cids[r]\n"
	"    assert p.get_content_type() == 'image/png'\n"
	"    assert p.get_content().startswith(b'\\x89PNG\\r\\n\\x1a\\n')\n"
	"print('ok')\n";

static void check(const char *dir, const char *message, const char *subject, const char *to,
		  const char *from)
{
	char *script = tu_path(dir, "check.py"), *file = tu_path(dir, "msg.eml");
	char *args[3] = {tu_path(dir, "subject"), tu_path(dir, "to"), tu_path(dir, "from")};
	const char *vals[3] = {subject, to, from};
	char cmd[8192];

	if (system("command -v python3 >/dev/null 2>&1") != 0)
		goto done;
	tu_write_file(script, checker);
	tu_write_file(file, message);
	for (int i = 0; i < 3; i++)
		tu_write_file(args[i], vals[i]);
	snprintf(cmd, sizeof(cmd),
		 "python3 '%s' '%s' \"$(cat '%s')\" \"$(cat '%s')\" \"$(cat '%s')\" >/dev/null",
		 script, file, args[0], args[1], args[2]);
	assert_int_equal(system(cmd), 0);
done:
	for (int i = 0; i < 3; i++)
		free(args[i]);
	free(script);
	free(file);
}

/* The header block of a message: everything before the first empty line. */
static char *headers(const char *msg)
{
	const char *end = strstr(msg, "\n\n");
	assert_non_null(end);
	return strndup(msg, (size_t)(end - msg + 1));
}

static char *scan(const char *dir, const char *path)
{
	char *db = tu_path(dir, "m.db");
	tu_run r = NETMAP("scan", "--db", db, "--today", "2026-11-26", path);
	assert_int_equal(r.status, 0);
	tu_run_release(&r);
	return db;
}

/* The message with base64 PNG bodies replaced by "<png>". */
static char *without_png(const char *msg)
{
	nm_buf b = NM_BUF_INIT;
	const char *p = msg, *s;

	while ((s = strstr(p, "Content-Disposition: inline; filename="))) {
		const char *body = strstr(s, "\n\n"), *end;
		assert_non_null(body);
		body += 2;
		end = strstr(body, "\n\n--");
		assert_non_null(end);
		nm_buf_put(&b, p, (size_t)(body - p));
		nm_buf_puts(&b, "<png>");
		p = end;
	}
	nm_buf_puts(&b, p);
	return nm_buf_detach(&b);
}

/* A store in a scratch folder, made before a test and removed after it. */
typedef struct mail_store {
	char *dir;
	char *db;
} mail_store;

static int store_of(void **state, const char *name, const char *yaml, const char *path)
{
	mail_store *f = calloc(1, sizeof(*f));

	if (!f)
		return -1;
	f->dir = tu_tempdir(name);
	if (yaml) {
		char *file = tu_path(f->dir, "i.yaml");
		tu_write_file(file, yaml);
		f->db = scan(f->dir, file);
		free(file);
	} else {
		f->db = scan(f->dir, path);
	}
	*state = f;
	return 0;
}

/* The example town. */
static int example_store(void **state)
{
	return store_of(state, "email-parse", NULL, "data");
}

/* A dataset whose name and an actor's name hold CR/LF and a header. */
static int injecting_store(void **state)
{
	return store_of(state, "email-inject",
			"netmap: 1\ndataset: \"Ort\\r\\nBcc: evil@example.org\"\n"
			"actors:\n  - {id: a, name: \"A\\r\\nX-Evil: 1\", type: club}\n"
			"  - {id: b, name: B, type: club}\n"
			"committees:\n  - {id: c, name: C, kind: network, members: [a, b]}\n"
			"  - {id: d, name: D, kind: network, members: [a, b]}\n",
			NULL);
}

/* tests/data/cli/small.yaml */
static int small_store(void **state)
{
	return store_of(state, "email-golden", NULL, SMALL);
}

static int store_release(void **state)
{
	mail_store *f = *state;

	free(f->db);
	free(f->dir);
	free(f);
	return 0;
}

static void test_email__message_with_given_headers_parses_with_a_real_mime_parser(void **state)
{
	mail_store *f = *state;
	tu_run r = NETMAP("report", "--db", f->db, "--today", "2026-11-26", "--format", "email",
			  "--lang", "de", "--to", "Jörg Müller <jm@example.org>, b@example.org",
			  "--from", "\"Büro, Integration\" <buero@example.org>", "--subject",
			  "Wöchentliche Übersicht – Gremien und Netzwerke in Lindenau, "
			  "mit einem langen Betreff, der gefaltet werden muss",
			  "--date", "2026-11-30");

	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	assert_non_null(strstr(r.out, "\nDate: Mon, 30 Nov 2026 00:00:00 +0000\n"));
	assert_non_null(strstr(r.out, "@example.org>\nMIME-Version: 1.0\n"));
	check(f->dir, r.out,
	      "Wöchentliche Übersicht – Gremien und Netzwerke in Lindenau, mit einem langen "
	      "Betreff, der gefaltet werden muss",
	      "Jörg Müller <jm@example.org>, b@example.org",
	      "\"Büro, Integration\" <buero@example.org>");
	tu_run_release(&r);
}

static void test_email__message_without_headers_given_has_the_german_default_subject(void **state)
{
	mail_store *f = *state;
	/* the default subject, in German */
	tu_run r = NETMAP("report", "--db", f->db, "--today", "2026-11-26", "--format", "email",
			  "--lang", "de", "--date", "2026-11-30");

	assert_int_equal(r.status, 0);
	assert_null(strstr(r.out, "\nTo:"));
	assert_null(strstr(r.out, "\nFrom:"));
	check(f->dir, r.out, "netmap-Übersicht: Stadt Lindenau, 30.11.2026", "-", "-");
	tu_run_release(&r);
}

static void test_email__options_cannot_add_a_header(void **state)
{
	mail_store *f = *state;
	tu_run r = NETMAP("report", "--db", f->db, "--today", "2026-11-26", "--format", "email",
			  "--subject", "Hi\r\nBcc: evil@example.org\n\nbody", "--to",
			  "a@example.org\r\nCc: evil@example.org", "--date", "2026-11-30");
	char *head;

	assert_int_equal(r.status, 0);
	head = headers(r.out);
	assert_null(strstr(head, "\nBcc:"));
	assert_null(strstr(head, "\nCc:"));
	assert_null(strstr(head, "\nX-Evil:"));
	assert_null(strchr(r.out, '\r'));
	free(head);
	check(f->dir, r.out, "Hi  Bcc: evil@example.org  body", "-", "-");
	tu_run_release(&r);
}

static void test_email__dataset_name_cannot_add_a_header_through_the_default_subject(void **state)
{
	mail_store *f = *state;
	/* the default subject carries the dataset's name, CR/LF made spaces */
	tu_run r = NETMAP("report", "--db", f->db, "--today", "2026-11-26", "--format", "email",
			  "--date", "2026-11-30");
	char *head = headers(r.out);

	assert_null(strstr(head, "\nBcc:"));
	free(head);
	check(f->dir, r.out, "netmap overview: Ort  Bcc: evil@example.org, 2026-11-30", "-", "-");
	tu_run_release(&r);
}

/* The English message of f's store dated date. */
static tu_run message_of(const mail_store *f, const char *date)
{
	return NETMAP("report", "--db", f->db, "--today", "2026-11-26", "--format", "email",
		      "--lang", "en", "--to", "team@example.org", "--from", "netmap@example.org",
		      "--date", date);
}

static void test_email__same_store_and_date_give_the_same_bytes(void **state)
{
	tu_run a = message_of(*state, "2026-11-30");
	tu_run b = message_of(*state, "2026-11-30");

	assert_int_equal(a.status, 0);
	assert_string_equal(a.out, b.out);
	tu_run_release(&a);
	tu_run_release(&b);
}

static void test_email__another_date_gives_another_message_and_message_id(void **state)
{
	tu_run a = message_of(*state, "2026-11-30");
	tu_run c = message_of(*state, "2026-12-07");

	assert_int_equal(a.status, 0);
	assert_string_not_equal(a.out, c.out);
	/* another date, another Message-ID */
	assert_string_not_equal(strstr(a.out, "Message-ID:"), strstr(c.out, "Message-ID:"));
	tu_run_release(&a);
	tu_run_release(&c);
}

static void test_email__message_of_the_small_data_is_golden(void **state)
{
	tu_run a = message_of(*state, "2026-11-30");
	char *msg;

	assert_int_equal(a.status, 0);
	msg = without_png(a.out);
	tu_assert_golden(msg, GOLDEN "small-en.eml");
	free(msg);
	tu_run_release(&a);
}

/* With several snapshots, the chart of how the network changed travels as a third PNG. */
static void test_email__several_snapshots_add_the_chart_as_a_png_part(void **state)
{
	char *dir = tu_tempdir("email-trend");
	char *db = tu_path(dir, "t.db"), *file = tu_path(dir, "t.eml");
	static const char *const days[] = {"2026-10-01", "2026-11-01"};
	static const char *const data[] = {"tests/data/history/v1", "tests/data/history/v2"};
	char cmd[4096];
	tu_run r;

	(void)state;
	for (int i = 0; i < 2; i++) {
		r = NETMAP("scan", "--db", db, "--today", days[i], data[i]);
		assert_int_equal(r.status, 0);
		tu_run_release(&r);
	}
	r = NETMAP("report", "--db", db, "--today", "2026-11-26", "--format", "email", "--lang",
		   "en", "--date", "2026-11-30");
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "Content-ID: <trend."));
	assert_non_null(strstr(r.out, "filename=\"trend.png\""));
	if (system("command -v python3 >/dev/null 2>&1") == 0) {
		tu_write_file(file, r.out);
		snprintf(
			cmd, sizeof(cmd),
			"python3 -c 'import sys, email, email.policy, re\n"
			"m = email.message_from_bytes(open(sys.argv[1], \"rb\").read(), "
			"policy=email.policy.default)\n"
			"rel = m.get_payload()[1].get_payload()\n"
			"html = rel[0].get_content()\n"
			"refs = re.findall(r\"src=\\\"cid:([^\\\"]+)\\\"\", html)\n"
			"cids = {p[\"Content-ID\"].strip(\"<>\") for p in rel[1:]}\n"
			"assert len(refs) == 3 and set(refs) == cids, (refs, cids)\n"
			"assert html.index(\"id=\\\"trend\\\"\") < html.index(\"id=\\\"summary\\\"\")\n"
			"' '%s'",
			file);
		assert_int_equal(system(cmd), 0);
	}
	tu_run_release(&r);
	free(file);
	free(db);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
			test_email__message_with_given_headers_parses_with_a_real_mime_parser,
			example_store, store_release),
		cmocka_unit_test_setup_teardown(
			test_email__message_without_headers_given_has_the_german_default_subject,
			example_store, store_release),
		cmocka_unit_test_setup_teardown(test_email__options_cannot_add_a_header,
						injecting_store, store_release),
		cmocka_unit_test_setup_teardown(
			test_email__dataset_name_cannot_add_a_header_through_the_default_subject,
			injecting_store, store_release),
		cmocka_unit_test_setup_teardown(test_email__same_store_and_date_give_the_same_bytes,
						small_store, store_release),
		cmocka_unit_test_setup_teardown(
			test_email__another_date_gives_another_message_and_message_id, small_store,
			store_release),
		cmocka_unit_test_setup_teardown(test_email__message_of_the_small_data_is_golden,
						small_store, store_release),
		cmocka_unit_test(test_email__several_snapshots_add_the_chart_as_a_png_part),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
