/*
 * cmd_forget.c: `netmap forget ACTOR`, a data-protection request: erase one
 * actor's contact data (person, e-mail, phone) from every snapshot of the
 * store, and say what was erased. The actor's other fields are no personal
 * data and stay, so that history still adds up.
 */
#include "cli.h"

#include "netmap/store.h"

int cmd_forget(int argc, char **argv)
{
	cli_opts o;
	nm_store *store = NULL;
	nm_buf out = NM_BUF_INIT;
	nm_error err;
	unsigned erased = 0;
	int rc, status = EXIT_OK;

	rc = cli_parse(&o, "forget", OPT_DB, argc, argv);
	if (rc)
		return cli_parse_exit(rc);
	if (o.nargs != 1)
		return cli_usage_error("forget",
				       o.nargs ? "name one actor, not %d"
					       : "name the actor whose personal data to erase",
				       o.nargs),
		       EXIT_TROUBLE;

	nm_error_clear(&err);
	/* A write open would create a store where none is: check it exists. */
	if ((rc = nm_store_open(&store, o.db, NM_STORE_READ, &err)) == NM_OK) {
		nm_store_close(store);
		store = NULL;
		rc = nm_store_open(&store, o.db, NM_STORE_WRITE, &err);
	}
	if (rc == NM_OK)
		rc = nm_store_erase_contact(store, o.args[0], &erased, &err);
	nm_store_close(store);
	if (rc != NM_OK) {
		cli_error("%s", err.message);
		return EXIT_TROUBLE;
	}
	if (erased) {
		const char *names[] = {"contact person", "e-mail", "phone"};
		int n = 0, total = !!(erased & NM_CONTACT_PERSON) + !!(erased & NM_CONTACT_EMAIL) +
				   !!(erased & NM_CONTACT_PHONE);

		nm_buf_puts(&out, "erased the ");
		for (int i = 0; i < 3; i++) {
			if (!(erased & (1u << i)))
				continue;
			n++;
			nm_buf_puts(&out, n == 1 ? "" : n == total ? " and " : ", ");
			nm_buf_puts(&out, names[i]);
		}
		nm_buf_puts(&out, " of actor '");
	} else {
		nm_buf_puts(&out, "no contact data was kept for actor '");
	}
	cli_visible(&out, o.args[0]);
	nm_buf_puts(&out, erased ? "' from every snapshot\n" : "'; nothing to erase\n");
	if (!cli_write_stdout(&out))
		status = EXIT_TROUBLE;
	nm_buf_release(&out);
	return status;
}
