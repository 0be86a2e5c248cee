#!/usr/bin/python3
"""Write musterstadt.xlsx: a coordinator's workbook as a spreadsheet program
would hold it (German headers and labels, names instead of ids, a title
line above the header, dates as date cells and as text, a matrix of who
sits where). musterstadt/ holds the same data in YAML; the CLI tests check
that both scan to the same report. Run with Debian's python3-openpyxl:
    /usr/bin/python3 make_workbook.py
LibreOffice makes the .ods copy:
    soffice --headless --convert-to ods musterstadt.xlsx
"""
import datetime
import openpyxl

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Akteure"
ws["A1"] = "Akteursliste Musterstadt (Stand Dezember 2026)"
ws.append([])
ws.append(["Name", "Art", "Themen", "Stadtteil", "Bemerkung"])
actors = [
    ("Caritasverband Musterstadt e.V.", "Wohlfahrtsverband", "Sprache; Beratung", "Nord", None),
    ("Volkshochschule Musterstadt", "Bildungsträger", "Sprache", "Mitte", None),
    ("Jobcenter Musterstadt", "Jobcenter", "Arbeit", None, None),
    ("Türkisch-Deutscher Elternverein e.V.", "Migrantenorganisation", "Schule, Sprache", "Nord", None),
    ("Sprachpaten Musterstadt", "Ehrenamt", "Sprache", None, "trifft sich dienstags"),
    ("Stadt Musterstadt – Bildungskoordination", "Verwaltung", "Sprache, Schule, Arbeit", "Mitte", None),
    ("Handwerkskammer", "Kammer", "Arbeit", None, None),
    ("Moscheegemeinde Nord", "Religionsgemeinschaft", "Beratung", "Nord", None),
]
for a in actors:
    ws.append(list(a))
ws.append(["", "", "", "", ""])  # an empty template row: skipped

g = wb.create_sheet("Gremien")
g.append(["Name", "Art", "Themen", "Federführung", "Status", "gegründet",
          "zuletzt getagt", "Turnus", "ad hoc"])
g.append(["Arbeitskreis Sprache", "Arbeitskreis", "Sprache",
          "Stadt Musterstadt – Bildungskoordination", "aktiv", "01.09.2016",
          datetime.date(2026, 11, 10), "monatlich", "nein"])
g.append(["Netzwerk Sprachförderung", "Netzwerk", "Sprache", "Volkshochschule Musterstadt",
          "aktiv", datetime.date(2019, 5, 1), datetime.date(2026, 10, 8), "vierteljährlich", None])
g.append(["Runder Tisch Ausbildung", "Runder Tisch", "Arbeit", "Jobcenter Musterstadt",
          "ruhend", None, datetime.date(2024, 3, 1), "halbjährlich", None])
g.append(["AG Schulstart 2023", "Arbeitsgruppe", "Schule", None, "aktiv",
          datetime.date(2023, 2, 1), "15.6.2026", "unregelmäßig", "ja"])
for row in g.iter_rows(min_row=2):
    for c in row:
        if isinstance(c.value, datetime.date):
            c.number_format = "DD.MM.YYYY"

t = wb.create_sheet("Themen")
t.append(["Bezeichnung"])
for label in ["Sprache", "Beratung", "Arbeit", "Schule"]:
    t.append([label])

b = wb.create_sheet("Besetzung")
committees = ["Arbeitskreis Sprache", "Netzwerk Sprachförderung",
              "Runder Tisch Ausbildung", "AG Schulstart 2023"]
b.append(["Akteur"] + committees + ["x-Notiz"])
marks = [
    ("Caritasverband Musterstadt e.V.", ["x", "x", None, None]),
    ("Volkshochschule Musterstadt", ["Vorsitz", "x", None, "Gast"]),
    ("Jobcenter Musterstadt", ["x", "x", "x", None]),
    ("Türkisch-Deutscher Elternverein e.V.", [None, None, None, "x"]),
    ("Sprachpaten Musterstadt", ["x", None, None, None]),
    ("Stadt Musterstadt – Bildungskoordination", ["x", "x", "x", "x"]),
    ("Handwerkskammer", [None, None, "x", "nein"]),
]
for name, m in marks:
    b.append([name] + m + [None])

s = wb.create_sheet("Einstellungen")
s.append(["Einstellung", "Wert"])
s.append(["dataset", "Musterstadt"])
s.append(["Max Load", 3])
s.append(["duplicate jaccard", "0,6"])

n = wb.create_sheet("Notizen")  # not a table: not read
n["A1"] = "Offene Fragen für die Steuerungsgruppe"

wb.save("musterstadt.xlsx")

# The same tables as CSV files, as Excel's "CSV UTF-8" writes them: a
# byte-order mark, semicolons, dates as text.
import csv
import os

os.makedirs("musterstadt-csv", exist_ok=True)
for sheet in ["Akteure", "Gremien", "Themen", "Besetzung", "Einstellungen"]:
    with open(os.path.join("musterstadt-csv", sheet + ".csv"), "w", encoding="utf-8-sig",
              newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\r\n")
        for row in wb[sheet].iter_rows(values_only=True):
            w.writerow(["" if v is None else
                        v.strftime("%d.%m.%Y") if isinstance(v, datetime.date) else v
                        for v in row])
