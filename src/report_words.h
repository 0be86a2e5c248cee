/*
 * report_words.h: the vocabulary of the overview, shared by the report
 * document and the writers (private to the report writers).
 */
#ifndef NETMAP_REPORT_WORDS_H
#define NETMAP_REPORT_WORDS_H

#include <stddef.h>

#include "netmap/i18n.h"

/* en in lang: from the writer's own table, else the shared one, else en. */
const char *nm_report_tr(const nm_msg *own, size_t n, nm_lang lang, const char *en)
#if defined(__GNUC__)
	__attribute__((format_arg(4)))
#endif
	;

#endif
