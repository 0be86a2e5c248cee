/*
 * rules.c: the rule ids the loader and validation report, in the order
 * of docs/format.md section 11, errors first.
 */
#include "netmap/rules.h"

#include <string.h>

const nm_rule nm_rules[] = {
	{"yaml-syntax", "the file is not valid YAML",
	 "Most often an indentation that does not line up, a tab used for indenting, or a ':' in "
	 "an unquoted value. Look at the line given and the one before.", NM_SEV_ERROR},
	{"encoding", "the file is not UTF-8",
	 "The file holds bytes that are not UTF-8, a NUL byte, or is UTF-16. Save it again as "
	 "UTF-8.", NM_SEV_ERROR},
	{"node-type", "a value has the wrong shape",
	 "A list where a mapping belongs, or a single value where a list belongs; usually a '-' "
	 "too many or too few.", NM_SEV_ERROR},
	{"required", "a required field is missing",
	 "Actors need id, name and type; committees id, name and kind; memberships an actor and "
	 "a committee; themes written as a mapping an id.", NM_SEV_ERROR},
	{"empty", "a required field is empty", "A required field is there but holds no text.",
	 NM_SEV_ERROR},
	{"id-syntax", "an id has characters ids may not have",
	 "Ids are 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit.",
	 NM_SEV_ERROR},
	{"duplicate-id", "two records have the same id",
	 "Actors and committees share one namespace of ids. Delete one entry if they are the "
	 "same, or give one another id.", NM_SEV_ERROR},
	{"unknown-reference", "an id points nowhere",
	 "An actor, committee or theme that is not defined (or, for themes, not declared).",
	 NM_SEV_ERROR},
	{"enum", "a value is not on its fixed list",
	 "Actor types, kinds, statuses, roles and frequencies are exact English words; case "
	 "matters.", NM_SEV_ERROR},
	{"boolean", "a value is not true or false", "ad_hoc takes true, false, yes or no.",
	 NM_SEV_ERROR},
	{"unknown-key", "a key netmap does not know",
	 "Usually a typo. Keys of your own must start with x-.", NM_SEV_ERROR},
	{"date", "a date is not YYYY-MM-DD or does not exist",
	 "Dates are written YYYY-MM-DD and must exist in the calendar.", NM_SEV_ERROR},
	{"version", "the data is marked for another format version",
	 "This netmap reads format version 1.", NM_SEV_ERROR},
	{"parent-cycle", "committees are each other's parents",
	 "Remove the parent of the committee that is really the top.", NM_SEV_ERROR},
	{"alias-budget", "aliases expand to too much",
	 "YAML aliases may not make a small file grow without bound.", NM_SEV_ERROR},
	{"alias", "an alias refers to no anchor", "Define the anchor (&name) before its alias.",
	 NM_SEV_ERROR},
	{"nesting", "lists and mappings nested too deep",
	 "Nesting is limited; netmap's data never needs it this deep.", NM_SEV_ERROR},
	{"duplicate-key", "the same key twice in one mapping",
	 "A mapping may hold each key once; keep the right one.", NM_SEV_ERROR},
	{"tag", "a YAML tag outside an x- key", "Tags such as !!binary are not supported.",
	 NM_SEV_ERROR},
	{"merge-key", "a YAML merge key", "Merge keys ('<<') are not supported; write the keys out.",
	 NM_SEV_ERROR},
	{"null-item", "an empty item in a list", "A list item must not be null: remove the '-'.",
	 NM_SEV_ERROR},
	{"duplicate-theme", "one theme declared twice", "Declare each theme id once.",
	 NM_SEV_ERROR},
	{"duplicate-settings", "a second settings block",
	 "Keep one settings block for the whole dataset.", NM_SEV_ERROR},
	{"settings-range", "a setting out of its range",
	 "Ratios are decimals from 0 to 1; counts and days whole numbers of at least 0.",
	 NM_SEV_ERROR},
	{"ambiguous-name", "a name that several records have",
	 "A spreadsheet cell may name an actor, committee or theme instead of giving its id, "
	 "but this name belongs to several records: give the id instead.", NM_SEV_ERROR},
	/* Spreadsheets (contract section 6). */
	{"no-table", "a workbook or CSV file holds no table",
	 "Name each sheet (or CSV file) after its table: Akteure, Gremien, Mitgliedschaften, "
	 "Themen, Einstellungen, Besetzung, or actors, committees, memberships, themes, "
	 "settings, matrix.", NM_SEV_ERROR},
	{"no-header-row", "a table has data but no header row",
	 "Put a row of column headers (Name, Art, ...) above the data.", NM_SEV_ERROR},
	{"missing-column", "a required column is missing",
	 "Actors need Name and Art; committees Name and Art; memberships Akteur and Gremium; "
	 "themes ID or Bezeichnung; settings Einstellung and Wert.", NM_SEV_ERROR},
	{"duplicate-column", "one field under two headers",
	 "Keep one column per field (ID and Kürzel are the same field).", NM_SEV_ERROR},
	{"derive-id", "no id can be made from a name",
	 "The name has no letters or digits to make an id from: give the row an id.",
	 NM_SEV_ERROR},
	{"cell-error", "a cell holds an error or no saved value",
	 "A formula gives an error (#REF!, #DIV/0!) or was saved without its value: fix the "
	 "formula, or type the value.", NM_SEV_ERROR},
	{"matrix-mark", "a mark in the matrix is not understood",
	 "Mark a membership with x (or ja, 1) or a role (Vorsitz, Gast, ...); leave the cell "
	 "empty for none.", NM_SEV_ERROR},
	{"merge-budget", "too many merged cells",
	 "A merged range covers more cells than netmap reads; unmerge the cells.", NM_SEV_ERROR},
	{"csv-quote", "a quote in a CSV file is not closed or is followed by text",
	 "A quoted cell ends with a quote right before the delimiter or the line end; a "
	 "quote inside the cell is written twice.", NM_SEV_ERROR},
	{"csv-encoding", "a CSV file is not in a readable encoding",
	 "Save it as CSV UTF-8.", NM_SEV_ERROR},
	{"csv-nul", "a CSV file holds a NUL byte",
	 "The file is binary or UTF-16 without a byte-order mark: save it as CSV UTF-8.",
	 NM_SEV_ERROR},
	{"csv-sep", "the sep= line of a CSV file is not understood",
	 "Write sep=; or sep=, alone on the first line, or leave the line out.", NM_SEV_ERROR},
	{"not-a-workbook", "the file is not the spreadsheet its name says",
	 "An old .xls file, or a file renamed: save it from your spreadsheet program as .xlsx "
	 "or .ods.", NM_SEV_ERROR},
	{"not-a-spreadsheet", "the file is not the spreadsheet its name says",
	 "An old .xls file, or a file renamed: save it from your spreadsheet program as .xlsx "
	 "or .ods.", NM_SEV_ERROR},
	{"encrypted-workbook", "the workbook is protected with a password",
	 "Save it without a password; netmap cannot read encrypted files.", NM_SEV_ERROR},
	{"damaged-archive", "the workbook's archive is damaged or cut short",
	 "Open it in your spreadsheet program and save it again.", NM_SEV_ERROR},
	{"missing-content", "a part of the workbook is missing",
	 "Open it in your spreadsheet program and save it again.", NM_SEV_ERROR},
	{"bad-xml", "a part of the workbook is not valid XML",
	 "Open it in your spreadsheet program and save it again.", NM_SEV_ERROR},
	{"xml-doctype", "the workbook declares XML entities or a DTD",
	 "netmap never expands entities or loads a DTD: save the file from your spreadsheet "
	 "program.", NM_SEV_ERROR},
	{"zip-bomb", "the workbook unpacks to more than netmap reads",
	 "Over 1 GiB of unpacked data: split the workbook.", NM_SEV_ERROR},
	{"too-many-entries", "the workbook holds too many parts",
	 "Over 10,000 parts in the archive: save it again from your spreadsheet program.",
	 NM_SEV_ERROR},
	{"too-many-sheets", "the workbook holds too many sheets", "Over 1,000 sheets.",
	 NM_SEV_ERROR},
	{"too-many-cells", "a sheet holds too many cells",
	 "Over 5,000,000 non-empty cells in one sheet: split the data.", NM_SEV_ERROR},
	{"too-many-columns", "a row has too many columns",
	 "Over 16,384 columns (XFD), the most a spreadsheet has.", NM_SEV_ERROR},
	{"too-many-rows", "a sheet has too many rows",
	 "Over 1,048,576 rows, the most a spreadsheet has.", NM_SEV_ERROR},
	{"too-much-text", "the workbook holds too much text", "Over 1 GiB of cell text.",
	 NM_SEV_ERROR},
	{"cell-out-of-range", "a cell lies beyond the last row or column",
	 "A cell beyond XFD1048576: save the file again from your spreadsheet program.",
	 NM_SEV_ERROR},
	{"xls-workbook", "an old Excel file (.xls) under another name",
	 "Open it in your spreadsheet program and save it as Excel workbook (.xlsx).",
	 NM_SEV_ERROR},
	{"bad-zip", "the workbook's archive is damaged or cut short",
	 "Open it in your spreadsheet program and save it again.", NM_SEV_ERROR},
	{"bad-workbook", "a part of the workbook is missing or wrong",
	 "Open it in your spreadsheet program and save it again.", NM_SEV_ERROR},
	{"bad-cell-ref", "a cell reference in the workbook is not understood",
	 "The file was not written by a spreadsheet program: save it again from one.",
	 NM_SEV_ERROR},
	{"xml-dtd", "the workbook declares XML entities or a DTD",
	 "netmap never expands entities or loads a DTD: save the file from your spreadsheet "
	 "program.", NM_SEV_ERROR},
	{"xml-too-big", "one XML tag of the workbook is too large", "Over 16 MiB in one tag.",
	 NM_SEV_ERROR},
	{"xml-too-deep", "the workbook's XML is nested too deeply", "Over 256 levels.",
	 NM_SEV_ERROR},
	{"too-many-merges", "the workbook has too many merged ranges",
	 "Unmerge cells, or split the workbook.", NM_SEV_ERROR},
	{"too-many-strings", "the workbook has too many texts",
	 "Over 16,777,216 shared strings: split the workbook.", NM_SEV_ERROR},
	{"cell-too-long", "a cell holds too much text", "Over 1 MiB of text in one cell.",
	 NM_SEV_ERROR},
	{"role-conflict", "one pair has two different written roles",
	 "netmap uses the stronger role; correct the other place.", NM_SEV_WARNING},
	{"dissolved-members", "a dissolved committee still has members",
	 "Remove its memberships, or set the right status.", NM_SEV_WARNING},
	{"empty-committee", "an active committee has no members",
	 "Add its members, or set status dormant or dissolved.", NM_SEV_WARNING},
	{"last-met-future", "last_met is after today",
	 "Usually a typo in the year, or the date of the next meeting.", NM_SEV_WARNING},
	{"ends-before-founded", "the planned end is before the founding date",
	 "Correct ends or founded.", NM_SEV_WARNING},
	{"not-read", "a file that looks like data is not read",
	 "Old .xls files, .numbers, .json and .yaml.txt files are not read: save or rename "
	 "them as .xlsx, .ods, .csv or .yaml.", NM_SEV_WARNING},
	{"unknown-column", "a column netmap does not know is not read",
	 "Columns of your own are fine; a typo in a header (Mitgleider) drops its data. Start "
	 "headers of your own with x- to say so.", NM_SEV_WARNING},
	{"no-header", "data under an empty header, or right of the last one, is not read",
	 "Give the column a header, or move the data.", NM_SEV_WARNING},
	{"table-name", "a sheet name holds a table name without being one",
	 "Name the sheet after its table alone or followed by a space or '-' (Gremien 2026), "
	 "or start it with x- to keep it out.", NM_SEV_WARNING},
};

const size_t nm_nrules = sizeof(nm_rules) / sizeof(nm_rules[0]);

const nm_rule *nm_rule_find(const char *id)
{
	for (size_t i = 0; i < nm_nrules; i++)
		if (strcmp(nm_rules[i].id, id) == 0)
			return &nm_rules[i];
	return NULL;
}
