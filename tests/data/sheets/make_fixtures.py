#!/usr/bin/python3
"""Write the .xlsx fixtures of tests/test_xlsx.c (run from anywhere).

xlsx-openpyxl.xlsx and xlsx-1904.xlsx are written by openpyxl (python3-openpyxl),
which stores no cached values for formulas; xlsx-libreoffice.xlsx is the first
converted by LibreOffice (`soffice --headless --convert-to xlsx`), which
recalculates, saves the values and writes shared strings; xlsx-renamed-ods.xlsx
is the same converted to .ods by LibreOffice and named .xlsx, and
xlsx-renamed-xls.xlsx is xlsx-1904.xlsx saved by LibreOffice as an old .xls. The tests assert
exact cell values, so rerun this only to change them, and update the tests.
"""
import datetime
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HERE = os.path.dirname(os.path.abspath(__file__))


def openpyxl_book(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Akteure 2026"
    ws.append(["ID", "Name", "Anzahl", "gegründet", "aktiv", "Summe"])
    ws.append(["a1", "Caritas", 7, datetime.date(2024, 3, 1), True, "=C2*2"])
    ws.append(["a2", "Diakonie", 0.1, datetime.date(1900, 1, 1), False, '=B3&"!"'])
    ws["D4"] = datetime.date(2023, 12, 31)
    ws["D4"].number_format = "DD.MM.YYYY"
    ws["C4"] = 12.5
    ws["C4"].number_format = '0.00 "m"'
    ws["E4"] = 3
    ws["E4"].number_format = "[Red]0"
    ws["A5"] = "zusammen"
    ws.merge_cells("A5:C5")
    ws["F7"] = "weit"
    ws["B10"] = "Zeile\nzwei"
    hidden = wb.create_sheet("Versteckt")
    hidden.sheet_state = "hidden"
    hidden["A1"] = "geheim"
    very = wb.create_sheet("Gremien")
    very.sheet_state = "veryHidden"
    very["B2"] = "Runder Tisch"
    wb.save(path)


def book_1904(path):
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Mac"
    ws["A1"] = datetime.date(2024, 3, 1)
    ws["A2"] = datetime.date(1904, 1, 1)
    ws["A3"] = 5
    wb.save(path)


def main():
    openpyxl_book(os.path.join(HERE, "xlsx-openpyxl.xlsx"))
    book_1904(os.path.join(HERE, "xlsx-1904.xlsx"))
    soffice = shutil.which("soffice")
    if not soffice:
        sys.exit("soffice not found: xlsx-libreoffice.xlsx not written")
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "xlsx-libreoffice.xlsx")
        shutil.copy(os.path.join(HERE, "xlsx-openpyxl.xlsx"), src)
        out = os.path.join(tmp, "out")
        subprocess.run([soffice, "--headless", "-env:UserInstallation=file://" + tmp + "/profile",
                        "--convert-to", "xlsx", "--outdir", out, src], check=True,
                       stdout=subprocess.DEVNULL)
        shutil.copy(os.path.join(out, "xlsx-libreoffice.xlsx"), HERE)
        # An .ods file renamed .xlsx, as the reader must recognise it.
        subprocess.run([soffice, "--headless", "-env:UserInstallation=file://" + tmp + "/profile",
                        "--convert-to", "ods", "--outdir", out, src], check=True,
                       stdout=subprocess.DEVNULL)
        shutil.copy(os.path.join(out, "xlsx-libreoffice.ods"),
                    os.path.join(HERE, "xlsx-renamed-ods.xlsx"))
        # An old binary .xls file renamed .xlsx.
        subprocess.run([soffice, "--headless", "-env:UserInstallation=file://" + tmp + "/profile",
                        "--convert-to", "xls", "--outdir", out,
                        os.path.join(HERE, "xlsx-1904.xlsx")], check=True,
                       stdout=subprocess.DEVNULL)
        shutil.copy(os.path.join(out, "xlsx-1904.xls"), os.path.join(HERE, "xlsx-renamed-xls.xlsx"))


if __name__ == "__main__":
    main()
