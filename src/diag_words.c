/*
 * diag_words.c: the German of the problems the loader and validation
 * find, for `--lang de` (contract 2.7: the words `error:` and `warning:`,
 * rule ids and JSON keys stay English, and so do the JSON, SARIF, GitLab
 * and GitHub formats, which are read by programs). A problem is added
 * with its English format (nm_diags_vadd); when this table has that
 * format, the German one is filled with the same arguments, so both take
 * the same conversions in the same order (test_diag_words checks every
 * row). Values quoted from the data stay as they are.
 */
#include "diag_words.h"

#include <string.h>

static const char *const words[][2] = {
	/* the loader: encoding and YAML */
	{"UTF-16 is not supported; save the file as UTF-8",
	 "UTF-16 wird nicht gelesen; die Datei als UTF-8 speichern"},
	{"NUL byte in file", "NUL-Byte in der Datei"},
	{"invalid UTF-8 byte 0x%02x: the file seems to be saved as Windows-1252 (Western "
	 "European; this byte would be '%s'); save it as UTF-8 (in your editor: Save As, "
	 "encoding UTF-8)",
	 "ungültiges UTF-8-Byte 0x%02x: die Datei scheint als Windows-1252 gespeichert "
	 "(westeuropäisch; dieses Byte wäre '%s'); als UTF-8 speichern (im Editor: Speichern "
	 "unter, Kodierung UTF-8)"},
	{"invalid UTF-8 byte 0x%02x", "ungültiges UTF-8-Byte 0x%02x"},
	{"duplicate key '%s', first at line %u, column %u",
	 "Schlüssel '%s' doppelt, zuerst in Zeile %u, Spalte %u"},
	{"complex keys (a mapping or list as a key) are not supported",
	 "zusammengesetzte Schlüssel (eine Zuordnung oder Liste als Schlüssel) werden nicht "
	 "gelesen"},
	{"nesting deeper than %d levels", "tiefer verschachtelt als %d Ebenen"},
	{"NUL character in a value (written as an escape)",
	 "NUL-Zeichen in einem Wert (als Escape geschrieben)"},
	{"alias '*%s' refers to no anchor", "Alias '*%s' verweist auf keinen Anker"},
	{"aliases expand to more than %u nodes", "Aliase ergeben mehr als %u Knoten"},
	{"YAML syntax error: %s %s%s", "YAML-Syntaxfehler: %s %s%s"},
	{"YAML syntax error: %s%s", "YAML-Syntaxfehler: %s%s"},
	{"YAML merge keys ('<<') are not supported",
	 "YAML-Merge-Schlüssel ('<<') werden nicht gelesen"},
	{"tags are not supported outside x- keys: '!!%s'",
	 "Tags gibt es nur unter x-Schlüsseln: '!!%s'"},
	{"tags are not supported outside x- keys: '%s'",
	 "Tags gibt es nur unter x-Schlüsseln: '%s'"},
	/* validation: shapes and fields */
	{"expected a text for '%s', found %s", "für '%s' wird ein Text erwartet, gefunden: %s"},
	{"expected a list for '%s', found %s", "für '%s' wird eine Liste erwartet, gefunden: %s"},
	{"a list item must not be null", "ein Listeneintrag darf nicht leer (null) sein"},
	{"invalid date '%s': write it as %s (YYYY-MM-DD)",
	 "ungültiges Datum '%s': als %s schreiben (JJJJ-MM-TT)"},
	{"invalid date '%s': dates are YYYY-MM-DD and must exist in the calendar",
	 "ungültiges Datum '%s': Daten werden JJJJ-MM-TT geschrieben und müssen im Kalender "
	 "vorkommen"},
	{"'%s' must be true or false (or yes/no), not '%s'",
	 "'%s' muss true oder false (oder yes/no) sein, nicht '%s'"},
	{"duplicate id '%s'%s, first defined at %s", "ID '%s'%s doppelt, zuerst vergeben in %s"},
	{"%s is missing required field 'actor'", "%s: Pflichtfeld 'actor' fehlt"},
	{"%s is missing required field 'committee'", "%s: Pflichtfeld 'committee' fehlt"},
	{"%s is missing required field 'id'", "%s: Pflichtfeld 'id' fehlt"},
	{"%s is missing required field 'name'", "%s: Pflichtfeld 'name' fehlt"},
	{"actor is missing required field 'type'", "Akteur: Pflichtfeld 'type' fehlt"},
	{"committee is missing required field 'kind'", "Gremium: Pflichtfeld 'kind' fehlt"},
	{"theme is missing required field 'id'", "Thema: Pflichtfeld 'id' fehlt"},
	{"unknown key '%s' in %s", "unbekannter Schlüssel '%s' (in: %s)"},
	{"unknown key '%s' in %s; did you mean '%s'?",
	 "unbekannter Schlüssel '%s' (in: %s); meinten Sie '%s'?"},
	{"unknown %s '%s'", "%s '%s' ist unbekannt"},
	{"unknown %s '%s'; did you mean '%s'?", "%s '%s' ist unbekannt; meinten Sie '%s'?"},
	{"unknown %s '%s'; write '%s' (%s)", "%s '%s' ist unbekannt; '%s' schreiben (%s)"},
	{"unknown %s '%s' ('%s' is %s)", "%s '%s' ist unbekannt ('%s' ist %s)"},
	{"unknown theme '%s'", "Thema '%s' ist unbekannt"},
	{"unknown theme '%s'; did you mean '%s'?", "Thema '%s' ist unbekannt; meinten Sie '%s'?"},
	{"expected an id or a mapping for a membership, found a list",
	 "für eine Mitgliedschaft wird eine ID oder eine Zuordnung erwartet, gefunden: eine "
	 "Liste"},
	{"'name' must not be empty", "'name' darf nicht leer sein"},
	{"invalid id '%s': ids are 1-64 letters, digits, '.', '_' or '-', starting with a "
	 "letter or digit",
	 "ungültige ID '%s': IDs bestehen aus 1 bis 64 Buchstaben, Ziffern, '.', '_' oder '-' "
	 "und beginnen mit einem Buchstaben oder einer Ziffer"},
	{"expected a mapping for an actor, found %s",
	 "für einen Akteur wird eine Zuordnung erwartet, gefunden: %s"},
	{"expected a mapping for 'contact', found %s",
	 "für 'contact' wird eine Zuordnung erwartet, gefunden: %s"},
	{"expected a mapping for a committee, found %s",
	 "für ein Gremium wird eine Zuordnung erwartet, gefunden: %s"},
	{"expected a theme id or a mapping for a theme, found a list",
	 "für ein Thema wird eine Themen-ID oder eine Zuordnung erwartet, gefunden: eine Liste"},
	{"invalid theme id '%s': ids are 1-64 letters, digits, '.', '_' or '-', starting with a "
	 "letter or digit",
	 "ungültige Themen-ID '%s': IDs bestehen aus 1 bis 64 Buchstaben, Ziffern, '.', '_' "
	 "oder '-' und beginnen mit einem Buchstaben oder einer Ziffer"},
	{"theme '%s' declared twice, first at %s", "Thema '%s' doppelt angelegt, zuerst in %s"},
	{"'%s' must be a whole number of at least 0, not '%s'",
	 "'%s' muss eine ganze Zahl ab 0 sein, nicht '%s'"},
	{"'%s' must be a decimal from 0 to 1, not '%s'",
	 "'%s' muss eine Dezimalzahl von 0 bis 1 sein, nicht '%s'"},
	{"expected a mapping for 'settings', found %s",
	 "für 'settings' wird eine Zuordnung erwartet, gefunden: %s"},
	{"a second 'settings' block, first at %s", "ein zweiter 'settings'-Block, der erste in %s"},
	{"expected a mapping for a membership, found %s",
	 "für eine Mitgliedschaft wird eine Zuordnung erwartet, gefunden: %s"},
	{"expected a mapping at the top of the document, found %s",
	 "am Anfang des Dokuments wird eine Zuordnung erwartet, gefunden: %s"},
	{"unsupported format version '%s'; this netmap reads version 1",
	 "Formatversion '%s' wird nicht gelesen; dieses netmap liest Version 1"},
	{"'%s' is the name of several %s (%s); refer to one by its id",
	 "'%s' ist der Name mehrerer %s (%s); einen davon über seine ID angeben"},
	/* the table reader (spreadsheets, contract 6) */
	{"the cell holds the error value %s; fix the formula or type the value",
	 "die Zelle enthält den Fehlerwert %s; die Formel korrigieren oder den Wert eintippen"},
	{"'%s' is not a date: write the date as 2026-03-01 or 1.3.2026, or make it a date cell",
	 "'%s' ist kein Datum: das Datum als 2026-03-01 oder 1.3.2026 schreiben oder die Zelle "
	 "als Datum formatieren"},
	{"invalid date '%s': that day does not exist in the calendar",
	 "ungültiges Datum '%s': diesen Tag gibt es im Kalender nicht"},
	{"'%s' is not a yes/no value: write ja or nein (or true/false, yes/no, wahr/falsch, x, 1/0)",
	 "'%s' ist kein Ja/Nein-Wert: ja oder nein schreiben (oder true/false, yes/no, "
	 "wahr/falsch, x, 1/0)"},
	{"the merged cells of this sheet stand for more than %u cells; the sheet is not read",
	 "die verbundenen Zellen dieses Blatts stehen für mehr als %u Zellen; das Blatt wird "
	 "nicht gelesen"},
	{"no header row found: %s; the table is not read",
	 "keine Kopfzeile gefunden: %s; die Tabelle wird nicht gelesen"},
	{"unknown column '%s', not read; did you mean '%s'?",
	 "unbekannte Spalte '%s', nicht gelesen; meinten Sie '%s'?"},
	{"unknown column '%s', not read", "unbekannte Spalte '%s', nicht gelesen"},
	{"the field '%s' has two columns, '%s' and '%s'; only the first is read",
	 "das Feld '%s' hat zwei Spalten, '%s' und '%s'; nur die erste wird gelesen"},
	{"required column '%s' is missing (in German: '%s')",
	 "die Pflichtspalte '%s' fehlt (deutsch: '%s')"},
	{"required column 'id' or 'label' is missing (in German: 'ID' or 'Bezeichnung')",
	 "die Pflichtspalte 'ID' oder 'Bezeichnung' fehlt (englisch: 'id' oder 'label')"},
	{"this column has data but no header, so it is not read; give it a header (or one "
	 "beginning with 'x-')",
	 "diese Spalte hat Daten, aber keine Überschrift, und wird darum nicht gelesen; ihr eine "
	 "Überschrift geben (oder eine, die mit 'x-' beginnt)"},
	{"no id can be derived from the %s '%s'; give the row an id",
	 "aus %s '%s' lässt sich keine ID bilden; der Zeile eine ID geben"},
	{"%s is missing required field '%s'", "%s: Pflichtfeld '%s' fehlt"},
	{"setting is missing required field 'key'", "Einstellung: Pflichtfeld 'key' fehlt"},
	{"unknown setting '%s'; did you mean '%s'?",
	 "unbekannte Einstellung '%s'; meinten Sie '%s'?"},
	{"unknown setting '%s'", "unbekannte Einstellung '%s'"},
	{"setting '%s' is given twice; only the first is read",
	 "Einstellung '%s' steht zweimal da; nur die erste wird gelesen"},
	{"setting '%s' is missing required field 'value'",
	 "Einstellung '%s': Pflichtfeld 'value' fehlt"},
	{"committee '%s' has two columns; only the first is read",
	 "Gremium '%s' hat zwei Spalten; nur die erste wird gelesen"},
	{"unknown committee '%s'; write a committee's id or exact name in the header",
	 "Gremium '%s' ist unbekannt; in die Kopfzeile die ID oder den genauen Namen eines "
	 "Gremiums schreiben"},
	{"unknown mark '%s': write x for a membership, or a role (Mitglied, Vorsitz, "
	 "Federführung, Gast; member, chair, lead, guest), or leave the cell empty",
	 "unbekannte Markierung '%s': x für eine Mitgliedschaft schreiben, oder eine Rolle "
	 "(Mitglied, Vorsitz, Federführung, Gast; member, chair, lead, guest), oder die Zelle "
	 "leer lassen"},
	{"the row has marks but no actor; write the actor's id or name here",
	 "die Zeile hat Markierungen, aber keinen Akteur; hier die ID oder den Namen des Akteurs "
	 "schreiben"},
	{"%s '%s' is not read as a table: to read it, name it '%s' alone or followed by a space, "
	 "'-', '_' or '.' (as in '%s 2026'); to keep it out without this warning, begin its name "
	 "with 'x-'",
	 "%s '%s' wird nicht als Tabelle gelesen: dafür muss der Name '%s' lauten, allein oder "
	 "gefolgt von Leerzeichen, '-', '_' oder '.' (wie '%s 2026'); ohne diese Warnung "
	 "ausgelassen wird, was mit 'x-' beginnt"},
	/* validation: warnings */
	{"conflicting roles for '%s' in '%s': '%s' here, '%s' at %s",
	 "widersprüchliche Rollen für '%s' in '%s': hier '%s', '%s' in %s"},
	{"dissolved committee '%s' still has %u membership",
	 "aufgelöstes Gremium '%s' hat noch %u Mitgliedschaft"},
	{"dissolved committee '%s' still has %u memberships",
	 "aufgelöstes Gremium '%s' hat noch %u Mitgliedschaften"},
	{"active committee '%s' has no members", "aktives Gremium '%s' hat keine Mitglieder"},
	{"last_met %s is after today (%s)", "last_met %s liegt nach heute (%s)"},
	{"ends %s is before founded %s", "ends %s liegt vor founded %s"},
};

/* The messages' own words that fill a %s, and the German said in their place. */
static const char *const own_words[][2] = {
	{"a list", "eine Liste"},
	{"a mapping", "eine Zuordnung"},
	{"a text", "ein Text"},
	{"actor", "Akteur"},
	{"actors", "Akteure"},
	{"an actor", "ein Akteur"},
	{"committee", "Gremium"},
	{"committees", "Gremien"},
	{"a committee", "ein Gremium"},
	{"membership", "Mitgliedschaft"},
	{"theme", "Thema"},
	{"themes", "Themen"},
	{"the document", "Dokument"},
	{"actor type", "Akteurstyp"},
	{"kind", "Gremienart"},
	{"status", "Status"},
	{"frequency", "Turnus"},
	{"role", "Rolle"},
	{"setting", "Einstellung"},
	{"name", "dem Namen"},
	{"label", "der Bezeichnung"},
	{"sheet", "Blatt"},
	{"file", "Datei"},
	{"no row holds a known column header such as 'Name' or 'name'",
	 "keine Zeile enthält eine bekannte Spaltenüberschrift wie 'Name' oder 'name'"},
	{"no row holds a known column header such as 'Akteur' or 'actor'",
	 "keine Zeile enthält eine bekannte Spaltenüberschrift wie 'Akteur' oder 'actor'"},
	{"no row holds a known column header such as 'ID' or 'id'",
	 "keine Zeile enthält eine bekannte Spaltenüberschrift wie 'ID' oder 'id'"},
	{"no row holds a known column header such as 'Einstellung' or 'key'",
	 "keine Zeile enthält eine bekannte Spaltenüberschrift wie 'Einstellung' oder 'key'"},
	{"no row names a committee (by id or name) to the right of its first cell",
	 "keine Zeile nennt rechts von ihrer ersten Zelle ein Gremium (mit ID oder Namen)"},
	{" (made from the name; give the row an id)",
	 " (aus dem Namen gebildet; der Zeile eine ID geben)"},
};

const char *nm_diag_word_de(const char *word)
{
	for (size_t i = 0; word && i < sizeof(own_words) / sizeof(own_words[0]); i++)
		if (strcmp(own_words[i][0], word) == 0)
			return own_words[i][1];
	return NULL;
}

const char *nm_diag_words_de(const char *en)
{
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(words[i][0], en) == 0)
			return words[i][1];
	return NULL;
}

size_t nm_diag_words_count(void)
{
	return sizeof(words) / sizeof(words[0]);
}

const char *nm_diag_words_at(size_t i, int de)
{
	return i < sizeof(words) / sizeof(words[0]) ? words[i][de ? 1 : 0] : NULL;
}
