#!/usr/bin/env python3
"""Build the .ods test files of tests/test_ods.c (run from anywhere).

The real files are made by LibreOffice: a flat OpenDocument spreadsheet
(.fods) written here is converted with `soffice --headless --convert-to`,
so what netmap reads is what LibreOffice Calc saves. The hostile files are
built with Python's zipfile, or byte by byte where a header has to lie.
Every file is small; the output is deterministic except for what
LibreOffice itself stamps into its files (dates in meta.xml).

usage: tests/data/sheets/make_ods_fixtures.py   (needs soffice on PATH)
"""
import bz2
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
MIME = b"application/vnd.oasis.opendocument.spreadsheet"

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
      'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"')

# The workbook LibreOffice converts: sheet order not alphabetical, a hidden
# sheet, merged cells, several paragraphs, text:s spaces, a comment, dates
# with and without a time, booleans, percentages, currencies, formulas
# (number, text, boolean, error results), a time, and a whole formatted
# column, which makes LibreOffice write its trailing 1048576 rows.
FODS = '''<?xml version="1.0" encoding="UTF-8"?>
<office:document %s office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
 <style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>
 <style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>
 <style:style style:name="ce1" style:family="table-cell"><style:table-cell-properties fo:background-color="#ffff00"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>
<table:table table:name="Zweite 2026" table:style-name="ta1">
 <table:table-column table:number-columns-repeated="8"/>
 <table:table-row>
  <table:table-cell office:value-type="string"><text:p>ID</text:p></table:table-cell>
  <table:table-cell office:value-type="string"><text:p>Name</text:p></table:table-cell>
  <table:table-cell office:value-type="string"><text:p>Datum</text:p></table:table-cell>
  <table:table-cell office:value-type="string"><text:p>ad hoc</text:p></table:table-cell>
  <table:table-cell office:value-type="string"><text:p>Anteil</text:p></table:table-cell>
  <table:table-cell office:value-type="string"><text:p>Betrag</text:p></table:table-cell>
  <table:table-cell office:value-type="string"><text:p>Formel</text:p></table:table-cell>
  <table:table-cell office:value-type="string"><text:p>Zeit</text:p></table:table-cell>
 </table:table-row>
 <table:table-row>
  <table:table-cell office:value-type="string"><text:p>a-1</text:p></table:table-cell>
  <table:table-cell office:value-type="string"><text:p>Verein<text:s text:c="2"/>zwei<text:tab/>Tab</text:p></table:table-cell>
  <table:table-cell office:value-type="date" office:date-value="2024-03-01"><text:p>01.03.24</text:p></table:table-cell>
  <table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>
  <table:table-cell office:value-type="percentage" office:value="0.25"><text:p>25%%</text:p></table:table-cell>
  <table:table-cell office:value-type="currency" office:currency="EUR" office:value="12.5"><text:p>12,50 EUR</text:p></table:table-cell>
  <table:table-cell table:formula="of:=[.E2]*4" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>
  <table:table-cell office:value-type="time" office:time-value="PT10H30M00S"><text:p>10:30</text:p></table:table-cell>
 </table:table-row>
 <table:table-row>
  <table:table-cell office:value-type="float" office:value="7"><text:p>7</text:p></table:table-cell>
  <table:table-cell office:value-type="string"><office:annotation><dc:creator>K</dc:creator><text:p>ein Kommentar</text:p></office:annotation><text:p>Zeile 1</text:p><text:p>Zeile <text:span>2</text:span> <text:a xlink:href="https://example.org" xmlns:xlink="http://www.w3.org/1999/xlink">Link</text:a></text:p></table:table-cell>
  <table:table-cell office:value-type="date" office:date-value="2024-12-31T18:45:00"><text:p>31.12.24 18:45</text:p></table:table-cell>
  <table:table-cell table:formula="of:=TRUE()" office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>
  <table:table-cell office:value-type="float" office:value="0.1"><text:p>0,1</text:p></table:table-cell>
  <table:table-cell office:value-type="float" office:value="-1.5E-7"><text:p>0</text:p></table:table-cell>
  <table:table-cell table:formula="of:=1/0"><text:p/></table:table-cell>
  <table:table-cell table:formula="of:=&quot;ab&quot;&amp;&quot;c&quot;"><text:p/></table:table-cell>
 </table:table-row>
 <table:table-row>
  <table:table-cell table:number-columns-spanned="3" table:number-rows-spanned="2" office:value-type="string"><text:p>Zusammengefasst</text:p></table:table-cell>
  <table:covered-table-cell table:number-columns-repeated="2"/>
  <table:table-cell table:formula="of:=[.Q99]&quot;&quot;"><text:p/></table:table-cell>
  <table:table-cell table:formula="of:=[.ZZZ1]"/>
 </table:table-row>
 <table:table-row>
  <table:covered-table-cell table:number-columns-repeated="3"/>
  <table:table-cell office:value-type="string"><text:p>unter</text:p></table:table-cell>
 </table:table-row>
 <table:table-row table:number-rows-repeated="2">
  <table:table-cell/>
  <table:table-cell office:value-type="string" table:number-columns-repeated="2"><text:p>wieder</text:p></table:table-cell>
 </table:table-row>
 <table:table-row>
  <table:table-cell table:number-columns-repeated="3"/>
  <table:table-cell table:style-name="ce1"/>
 </table:table-row>
</table:table>
<table:table table:name="Erste" table:style-name="ta2">
 <table:table-row><table:table-cell office:value-type="string"><text:p>versteckt</text:p></table:table-cell></table:table-row>
</table:table>
<table:table table:name="x-Archiv" table:style-name="ta1">
 <table:table-column table:number-columns-repeated="3"/>
 <table:table-column table:default-cell-style-name="ce1"/>
 <table:table-row><table:table-cell table:number-columns-repeated="2"/><table:table-cell office:value-type="float" office:value="3"><text:p>3</text:p></table:table-cell></table:table-row>
 <table:table-row table:number-rows-repeated="1048575"><table:table-cell table:style-name="ce1" table:number-columns-repeated="16384"/></table:table-row>
</table:table>
</office:spreadsheet></office:body></office:document>
''' % NS


def content(body, styles=""):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document-content %s office:version="1.3">'
            '<office:automatic-styles>%s</office:automatic-styles>'
            '<office:body><office:spreadsheet>%s</office:spreadsheet></office:body>'
            '</office:document-content>' % (NS, styles, body)).encode()


MANIFEST = b'''<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
'''


def write_ods(name, content_xml, manifest=MANIFEST, mimetype=MIME, extra=()):
    """An .ods as LibreOffice lays it out: mimetype first and stored."""
    with zipfile.ZipFile(os.path.join(HERE, name), "w") as z:
        def add(n, data, method):
            info = zipfile.ZipInfo(n, (2026, 1, 1, 0, 0, 0))
            info.compress_type = method
            z.writestr(info, data)
        if mimetype is not None:
            add("mimetype", mimetype, zipfile.ZIP_STORED)
        if manifest is not None:
            add("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        if content_xml is not None:
            add("content.xml", content_xml, zipfile.ZIP_DEFLATED)
        for n, data in extra:
            add(n, data, zipfile.ZIP_DEFLATED)


def raw_zip(name, entries):
    """A ZIP written byte by byte: entries are (name, method, crc, csize,
    declared size, compressed data), so that a header can lie."""
    out = bytearray()
    central = bytearray()
    for n, method, crc, csize, usize, data in entries:
        nb = n.encode()
        off = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 46, 0, method, 0, 0x5C21,
                           crc, csize, usize, len(nb), 0) + nb + data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 0x031E, 46, 0, method,
                               0, 0x5C21, crc, csize, usize, len(nb), 0, 0, 0, 0,
                               0o100644 << 16, off) + nb
    cd = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries),
                       len(central), cd, 0)
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(out)


def stored(n, data):
    return (n, 0, zlib.crc32(data), len(data), len(data), data)


def soffice(src, fmt, outdir, infilter=None):
    profile = tempfile.mkdtemp(prefix="netmap-lo-")
    try:
        subprocess.run(["soffice", "-env:UserInstallation=file://" + profile, "--headless"] +
                       (["--infilter=" + infilter] if infilter else []) +
                       ["--convert-to", fmt, "--outdir", outdir, src],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def real_files():
    tmp = tempfile.mkdtemp(prefix="netmap-ods-")
    try:
        fods = os.path.join(tmp, "ods-book.fods")
        with open(fods, "w", encoding="utf-8") as f:
            f.write(FODS)
        soffice(fods, "ods", tmp)
        shutil.copy(os.path.join(tmp, "ods-book.ods"), HERE)
        soffice(fods, "xlsx", tmp)
        shutil.copy(os.path.join(tmp, "ods-book.xlsx"), os.path.join(HERE, "ods-xlsx-renamed.ods"))
        soffice(fods, "xls", tmp)
        shutil.copy(os.path.join(tmp, "ods-book.xls"), os.path.join(HERE, "ods-xls-renamed.ods"))
        csv = os.path.join(tmp, "ods-csv.csv")
        with open(csv, "w", encoding="utf-8") as f:
            f.write('ID,Name,seit\na1,"Verein, e.V.",2024-03-01\n007,Ä Ö,1.5\n')
        soffice(csv, "ods", tmp, "CSV:44,34,76,1")  # comma, quote, UTF-8, line 1
        shutil.copy(os.path.join(tmp, "ods-csv.ods"), HERE)
        shutil.copy(csv, os.path.join(HERE, "ods-csv-renamed.ods"))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    # cut in the middle of the archive: the central directory is lost
    with open(os.path.join(HERE, "ods-book.ods"), "rb") as f:
        data = f.read()
    with open(os.path.join(HERE, "ods-truncated.ods"), "wb") as f:
        f.write(data[: len(data) // 2])


def cell(text):
    return ('<table:table-cell office:value-type="string"><text:p>%s</text:p>'
            '</table:table-cell>' % text)


def hostile_files():
    # LibreOffice's trailing rows and columns, many times over: must be fast
    trailing = ('<table:table-row table:number-rows-repeated="1048575">'
                '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>')
    write_ods("ods-trailing.ods", content(
        '<table:table table:name="A">'
        '<table:table-column table:number-columns-repeated="16384"/>'
        '<table:table-row>' + cell("eins") +
        '<table:table-cell table:number-columns-repeated="16383"/></table:table-row>' +
        trailing + '</table:table>' +
        ''.join('<table:table table:name="B%d">%s%s</table:table>' % (i, trailing, trailing)
                for i in range(50))))
    # a non-empty cell repeated over every column of every row
    write_ods("ods-repeat-bomb.ods", content(
        '<table:table table:name="A"><table:table-row table:number-rows-repeated="1048576">'
        '<table:table-cell office:value-type="float" office:value="1" '
        'table:number-columns-repeated="16384"><text:p>1</text:p></table:table-cell>'
        '</table:table-row></table:table>'))
    # right of XFD, below row 1048576
    write_ods("ods-too-wide.ods", content(
        '<table:table table:name="A"><table:table-row>'
        '<table:table-cell table:number-columns-repeated="16380"/>' +
        '<table:table-cell office:value-type="string" table:number-columns-repeated="10">'
        '<text:p>x</text:p></table:table-cell></table:table-row></table:table>'))
    write_ods("ods-too-tall.ods", content(
        '<table:table table:name="A"><table:table-row table:number-rows-repeated="1048576">'
        '<table:table-cell table:number-columns-repeated="3"/></table:table-row>'
        '<table:table-row>' + cell("x") + '</table:table-row></table:table>'))
    # huge text:s counts, and one cell of more than 1 MiB of text
    write_ods("ods-spaces.ods", content(
        '<table:table table:name="A">' +
        ''.join('<table:table-row><table:table-cell office:value-type="string"><text:p>'
                '<text:s text:c="4000000000"/></text:p></table:table-cell></table:table-row>'
                for _ in range(3)) + '</table:table>'))
    # cells LibreOffice rarely or never writes, each a case of the reader
    c = '<table:table-cell %s>%s</table:table-cell>'
    write_ods("ods-cells.ods", content(
        '<table:table table:name="Zellen" table:style-name="hid">'
        '<table:table-row>' +
        c % ('table:formula="of:=[.A2]"', '') +
        c % ('table:formula="of:=SUM([.A1:.B2])&amp;&quot;[.x]&quot;&amp;[\'Akteure 2026\'.C3]"', '') +
        c % ('table:formula="of:=TRUE()" office:value-type="float" office:value="1"', '<text:p>1</text:p>') +
        c % ('office:value-type="float" office:value="abc"', '') +
        c % ('office:value-type="date" office:date-value="2023-02-29"', '') +
        c % ('office:value-type="boolean" office:boolean-value="maybe"', '') +
        c % ('office:value-type="string" office:string-value="gewinnt"', '<text:p>nicht</text:p>') +
        c % ('office:value-type="string" calcext:value-type="error"', '') +
        c % ('office:value-type="foo"', '<text:p>?</text:p>') +
        c % ('office:value-type="float"', '<text:p>5</text:p>') +
        c % ('office:value-type="string"', '<text:p>a<text:line-break/>b<text:tab/>c</text:p>') +
        c % ('office:value-type="void"', '<text:p>leer</text:p>') +
        c % ('office:value-type="string"', '<draw:frame xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0">'
             '<draw:text-box><text:p>Bild</text:p></draw:text-box></draw:frame>'
             '<text:p>mit<text:note><text:note-body><text:p>Fu&#223;note</text:p></text:note-body></text:note>'
             ' Notiz</text:p>') +
        c % ('', '<text:p>ohne Typ</text:p>') +
        c % ('office:value-type="date" office:date-value="2024-02-29T23:59:59Z"', '') +
        c % ('office:value-type="time" office:time-value="PT36H00M00S"', '') +
        c % ('table:formula="msoxl:=NOW()" office:value-type="float" office:value="1E-3"', '') +
        '</table:table-row>'
        '<table:table-row table:number-rows-repeated="2">' +
        c % ('office:value-type="string" table:number-columns-spanned="2"', '<text:p>breit</text:p>') +
        '<table:covered-table-cell office:value-type="string"><text:p>verdeckt</text:p></table:covered-table-cell>' +
        c % ('office:value-type="float" office:value="2" table:number-columns-repeated="2"', '') +
        c % ('table:number-columns-spanned="3" table:number-rows-spanned="9"', '') +
        '</table:table-row>'
        '<table:table-header-rows><table:table-row>' +
        c % ('office:value-type="string"', '<text:p>au&#223;en</text:p><table:table table:name="innen">'
             '<table:table-row>' + cell("innen") + '</table:table-row></table:table>') +
        '</table:table-row></table:table-header-rows>'
        '<table:table-row-group><table:table-row-group><table:table-rows><table:table-row>'
        '<table:table-cell table:number-columns-repeated="2"/>' + cell("gruppe") +
        '</table:table-row></table:table-rows></table:table-row-group></table:table-row-group>'
        '</table:table>'
        '<table:table><table:table-row>' + cell("ohne Namen") + '</table:table-row></table:table>',
        '<style:style style:name="hid" style:family="table-cell">'
        '<style:table-properties table:display="false"/></style:style>'))
    write_ods("ods-sheets.ods", content('<table:table table:name="t"/>' * 1001))
    write_ods("ods-long-value.ods", content(
        '<table:table table:name="A"><table:table-row><table:table-cell/>'
        '<table:table-cell office:value-type="string" office:string-value="' + "x" * (1 << 20) +
        'y"/></table:table-row></table:table>'))
    # a different prefix for every namespace, and the default namespace
    body = ('<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:t="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
            'xmlns="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
            'xmlns:s="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
            'xmlns:table="urn:example:not-a-table" '
            'xmlns:o="urn:oasis:names:tc:opendocument:xmlns:office:1.0">'
            '<office:automatic-styles><s:style s:name="h" s:family="table">'
            '<s:table-properties t:display="false"/></s:style></office:automatic-styles>'
            '<o:body><o:spreadsheet><t:table t:name="Präfix" t:style-name="h">'
            '<table:table-row><table:table-cell><p>nicht gelesen</p></table:table-cell></table:table-row>'
            '<t:table-row><t:table-cell o:value-type="string"><p>a<s c="3"/>b</p></t:table-cell>'
            '<t:table-cell o:value-type="float" o:value="2"/></t:table-row>'
            '</t:table></o:spreadsheet></o:body></office:document-content>')
    write_ods("ods-prefixes.ods", ('<?xml version="1.0" encoding="UTF-8"?>' + body).encode())
    # XML that must not be read
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
              ''.join('<!ENTITY lol%d "%s">' % (i, ("&lol%d;" % (i - 1) if i > 1 else "&lol;") * 10)
                      for i in range(1, 10)) +
              ']><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">'
              '&lol9;</office:document-content>')
    write_ods("ods-laughs.ods", laughs.encode())
    write_ods("ods-xxe.ods", (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
        '<office:document-content %s><office:body><office:spreadsheet><table:table table:name="A">'
        '<table:table-row><table:table-cell office:value-type="string"><text:p>&secret;</text:p>'
        '</table:table-cell></table:table-row></table:table></office:spreadsheet></office:body>'
        '</office:document-content>' % NS).encode())
    write_ods("ods-dtd.ods", (
        '<?xml version="1.0"?>\n<!DOCTYPE office:document-content SYSTEM "http://example.org/office.dtd">'
        '<office:document-content %s/>' % NS).encode())
    write_ods("ods-manifest-dtd.ods", content(""),
              manifest=b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY e "x">]><m>&e;</m>')
    # XML cut in the middle, in a sound archive
    whole = content('<table:table table:name="A"><table:table-row>' + cell("x") +
                    '</table:table-row></table:table>')
    write_ods("ods-truncated-xml.ods", whole[: whole.index(b"<text:p>") + 5])
    write_ods("ods-bad-xml.ods", whole.replace(b"</text:p>", b"</text:q>", 1))
    # a checksum that does not match (read to the end, then refused), and a
    # compression method libzip cannot unpack
    mime = stored("mimetype", MIME)
    name, method, crc, csize, usize, data = stored("content.xml", whole)
    raw_zip("ods-bad-crc.ods", [mime, (name, method, crc ^ 1, csize, usize, data)])
    raw_zip("ods-lzma.ods", [mime, (name, 14, crc, csize, usize, data)])
    # encrypted: the manifest has encryption-data, content.xml is not XML
    enc_manifest = MANIFEST.replace(
        b'manifest:media-type="text/xml"/>',
        b'manifest:media-type="text/xml" manifest:size="1234"><manifest:encryption-data '
        b'manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" '
        b'manifest:checksum="AAAA"><manifest:algorithm '
        b'manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" '
        b'manifest:initialisation-vector="AAAA"/></manifest:encryption-data></manifest:file-entry>')
    write_ods("ods-encrypted.ods", bytes(range(256)) * 4, manifest=enc_manifest)
    write_ods("ods-no-content.ods", None)
    write_ods("ods-odt-renamed.ods",
              b'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">'
              b'<office:body><office:text/></office:body></office:document-content>',
              mimetype=b"application/vnd.oasis.opendocument.text")
    write_ods("ods-no-spreadsheet.ods",
              b'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">'
              b'<office:body><office:text/></office:body></office:document-content>')
    # a token that never ends: 20 MiB of attribute value
    write_ods("ods-long-tag.ods", b'<?xml version="1.0"?><a b="' + b"x" * (20 << 20))
    # a bzip2 entry of 2 KB that unpacks to 1.1 GiB, its size declared
    # honestly: refused before reading
    head = content("").split(b"</office:spreadsheet>")[0]
    chunk = b" " * (1 << 24)
    n = 72  # 1.125 GiB of white space after the head
    crc = zlib.crc32(head)
    for _ in range(n):
        crc = zlib.crc32(chunk, crc)
    size = len(head) + n * len(chunk)
    comp = bz2.BZ2Compressor(9)
    data = b"".join([comp.compress(head)] + [comp.compress(chunk) for _ in range(n)] +
                    [comp.flush()])
    mime = stored("mimetype", MIME)
    raw_zip("ods-bomb.ods", [mime, ("content.xml", 12, crc, len(data), size, data)])
    # the same, deflated (1.1 MB) and declaring 1 KB: refused while reading,
    # by the bytes counted. Deflate, because libbz2 takes 15 s to unpack it;
    # kept inside a ZIP of its own (deflate of deflate) to be small.
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = b"".join([comp.compress(head)] + [comp.compress(chunk) for _ in range(n)] +
                    [comp.flush()])
    raw_zip("ods-bomb-lying.tmp", [mime, ("content.xml", 8, crc, len(data), 1024, data)])
    inner = os.path.join(HERE, "ods-bomb-lying.tmp")
    with zipfile.ZipFile(os.path.join(HERE, "ods-bomb-lying.zip"), "w") as z:
        info = zipfile.ZipInfo("ods-bomb-lying.ods", (2026, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_BZIP2
        with open(inner, "rb") as f:
            z.writestr(info, f.read())
    os.remove(inner)

def main():
    if shutil.which("soffice") is None:
        sys.exit("make_ods_fixtures.py: soffice (LibreOffice) is needed")
    real_files()
    hostile_files()


if __name__ == "__main__":
    main()
