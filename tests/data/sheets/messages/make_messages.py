#!/usr/bin/python3
"""Write the workbooks whose messages tests/test_sheets_cli.c checks
(expected.txt): one mistake of each common kind a coordinator makes.
    /usr/bin/python3 make_messages.py
"""
import openpyxl

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Akteure"
ws.append(["Name", "Art", "Themen", "Mitgleider"])   # a misspelt header
ws.append(["Caritas Nord", "Wohlfartsverband", "Sprache", ""])  # a misspelt label
ws.append(["Caritas Nord", "Verband", "Sprache", ""])  # the same name twice
ws.append(["VHS", "Bildungsträger", "Sprache", ""])
g = wb.create_sheet("Gremien")
g.append(["Name", "Art", "Federführung", "zuletzt getagt", "ad hoc"])
g.append(["AK Sprache", "Arbeitskreis", "Volkshochschule", "2026-13-01", "vielleicht"])
b = wb.create_sheet("Besetzung")
b.append(["Akteur", "AK Sprache"])
b.append(["VHS", "?"])
b.append(["Caritas Nord", "x"])
wb.create_sheet("Gremienbesetzung")["A1"] = "alt"
wb.save("liste.xlsx")

empty = openpyxl.Workbook()
empty.active.title = "Tabelle1"
empty.active["A1"] = "Name"
empty.save("leer.xlsx")

with open("Akteure.csv", "w", encoding="utf-8") as f:
    f.write('Name;Art\n"Caritas;Verband\n')
with open("alt.xlsx", "wb") as f:   # an old .xls under a new name
    f.write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
