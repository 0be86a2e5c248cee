/*
 * report_csv.h: the tables the csv writer knows. nm_report_csv() writes
 * one table a call, chosen by opts->table; it cannot fail, so the command
 * line checks the name with nm_csv_table_known() first (an unknown name
 * writes nothing).
 */
#ifndef NETMAP_REPORT_CSV_H
#define NETMAP_REPORT_CSV_H

#include <stdbool.h>

/* Whether table names a csv table (NULL: false). */
bool nm_csv_table_known(const char *table);
/* The table names, comma-separated, for usage messages (static). */
const char *nm_csv_tables(void);

#endif
