import * as XLSX from '@e965/xlsx';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readWithSheetJs } from '../../../src/main/tables/read-workbook';
import { streamWorkbook } from '../../../src/main/tables/stream-workbook';
import { checkWorkbookLimits } from '../../../src/main/tables/workbook-limits';
import { writeWorkbook } from '../../../src/main/tables/write-workbook';

const streamed = (bytes: Uint8Array, sheet?: string) => streamWorkbook(bytes, checkWorkbookLimits(bytes), sheet);

/** The streaming reader gives what SheetJS gave (read-workbook.ts before it), row for row and cell for cell. */
function expectSameAsSheetJs(bytes: Uint8Array, sheet?: string): void {
  const result = streamed(bytes, sheet);
  expect(result).not.toBeNull();
  expect(result).toEqual(readWithSheetJs(bytes, sheet));
}

const book = (sheets: Record<string, unknown[][]>, options: XLSX.WritingOptions = {}): Uint8Array => {
  const workbook = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(rows, { cellDates: true }), name);
  return new Uint8Array(XLSX.write(workbook, { type: 'array', bookType: 'xlsx', ...options }) as ArrayBuffer);
};

/** A workbook written by hand, as other programs write them: the parts given, the rest the least a reader needs. */
function handMade(sheetXml: string, extra: Record<string, string> = {}): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        (extra['xl/sharedStrings.xml'] ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '') +
        (extra['xl/styles.xml'] ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' : '') +
        '</Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      extra['xl/workbook.xml'] ??
        '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Users" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
        (extra['xl/sharedStrings.xml'] ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' : '') +
        (extra['xl/styles.xml'] ? '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' : '') +
        '</Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${sheetXml}</worksheet>`),
    ...Object.fromEntries(Object.entries(extra).filter(([name]) => name !== 'xl/workbook.xml').map(([name, xml]) => [name, strToU8(xml)])),
  });
}

const SST = (items: string[]) => `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${items.length}" uniqueCount="${items.length}">${items.join('')}</sst>`;

describe('reading a sheet as it is unpacked (stream-workbook.ts) gives what SheetJS gave', () => {
  it('texts, numbers, booleans and dates as Excel shows them, and the shared strings the project writes', () => {
    expectSameAsSheetJs(
      book({
        Users: [
          ['Email', 'Active', 'Count', 'Share', 'Joined', 'Big'],
          [' anna@firma.fi', true, 12, 0.1 + 0.2, new Date(Date.UTC(2024, 0, 15)), 12345678901234],
          ['a&b <c> "d" \'e\'', false, -5, 1e-7, new Date(Date.UTC(1999, 11, 31, 13, 45)), 2 ** 31],
          ['line\nbreak\r\nand _x000D_ literal', null, 0, -0.5],
        ],
      }),
    );
    expectSameAsSheetJs(writeWorkbook([['Email', 'Name'], ['=HYPERLINK("x")', 'Ä\u200bö'], ['-5 Orders', 12]], 'Käyttäjät'));
  });

  it('the sheet asked for among several, and names every sheet', () => {
    const bytes = book({ 'Read me': [['Notes'], ['nothing here']], 'Users & co': [['Email'], ['anna@firma.fi']] }, { bookSST: true });
    expectSameAsSheetJs(bytes);
    expectSameAsSheetJs(bytes, 'Users & co');
    expect(() => streamed(bytes, 'Other')).toThrow('the workbook has no sheet "Other" (it has "Read me", "Users & co")');
  });

  it('inline strings, rich text without its phonetic runs, entities, CDATA, namespace prefixes, cells without references, error cells, formula texts', () => {
    const sheet =
      '<dimension ref="B2:E5"/><sheetData>' +
      '<row r="2"><c r="B2" t="inlineStr"><is><t xml:space="preserve"> Email </t></is></c><c r="C2" t="s"><v>0</v></c><c r="D2" t="s"><v>1</v></c><c t="s"><v>2</v></c></row>' +
      '<row r="3" spans="2:5"><c r="B3" t="inlineStr"><is><r><t>an</t></r><r><rPr><b/></rPr><t>na@x.fi</t></r></is></c><c r="C3" t="e"><v>#N/A</v></c><c r="D3" t="str"><f>A1</f><v>x&#x41;</v></c><c r="E3" t="b"><v>1</v></c></row>' +
      '<row><c r="B4"><v>3.5</v></c><c r="C4" s="0"/><c r="D4"><f>1+1</f></c></row>' +
      '<row r="5"/>' +
      '</sheetData><mergeCells count="1"><mergeCell ref="B5:C5"/></mergeCells>';
    const shared = SST(['<si><t>Ni&amp;mi</t></si>', '<si><r><t>Ka</t></r><r><t>na</t></r><rPh sb="0" eb="1"><t>カナ</t></rPh><phoneticPr fontId="1"/></si>', '<si><t><![CDATA[<raw> & ]]>kept</t></si>']);
    expectSameAsSheetJs(handMade(sheet, { 'xl/sharedStrings.xml': shared }));
    const prefixed = handMade(
      '<x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Email</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>anna@firma.fi</x:t></x:is></x:c></x:row></x:sheetData>'.replace(
        /<x:sheetData>/,
        '<x:sheetData xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
      ),
    );
    expect(streamed(prefixed)).toEqual({ sheets: ['Users'], sheet: 'Users', rows: [{ cells: ['Email'], row: 1 }, { cells: ['anna@firma.fi'], row: 2 }] });
  });

  it('a formula\'s text result is unescaped once, as XML says (SheetJS unescaped it twice and mangled its letters)', () => {
    const bytes = handMade('<sheetData><row r="1"><c r="A1" t="str"><f>A2</f><v>&amp;lt;x&#x41;&#228; ä</v></c></row></sheetData>');
    expect(streamed(bytes)?.rows).toEqual([{ cells: ['&lt;xAä ä'], row: 1 }]);
  });

  it('number formats: built-in and the workbook\'s own, dates in the 1904 system too', () => {
    const styles =
      '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.000&quot; kg&quot;"/></numFmts>' +
      '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="49"/><xf numFmtId="10"/></cellXfs></styleSheet>';
    const sheet =
      '<sheetData><row r="1"><c r="A1" s="1"><v>45306</v></c><c r="B1" s="2"><v>1.5</v></c><c r="C1" s="3" t="s"><v>0</v></c><c r="D1" s="4"><v>0.25</v></c><c r="E1" s="3"><v>7</v></c></row></sheetData>';
    const shared = SST(['<si><t>0123</t></si>']);
    expectSameAsSheetJs(handMade(sheet, { 'xl/styles.xml': styles, 'xl/sharedStrings.xml': shared }));
    const workbook1904 =
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="1"/><sheets><sheet name="Users" sheetId="1" r:id="rId1"/></sheets></workbook>';
    expectSameAsSheetJs(handMade(sheet, { 'xl/styles.xml': styles, 'xl/sharedStrings.xml': shared, 'xl/workbook.xml': workbook1904 }));
  });

  it('an empty sheet has no rows; an ISO date cell is left to SheetJS', () => {
    expectSameAsSheetJs(handMade('<sheetData/>'));
    expect(streamed(handMade('<sheetData><row r="1"><c r="A1" t="d"><v>2024-01-15T00:00:00Z</v></c></row></sheetData>'))).toBeNull();
  });

  it('a cell naming a shared text the workbook does not have is refused in words', () => {
    expect(() => streamed(handMade('<sheetData><row r="1"><c r="A1" t="s"><v>5</v></c></row></sheetData>', { 'xl/sharedStrings.xml': SST([]) }))).toThrow(
      'a cell names a shared text the workbook does not have',
    );
  });

  it('any table of texts and numbers, as the project writes it, rows split across many unpacked slices', () => {
    const cell = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean());
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 30 }), (rows) => {
        expectSameAsSheetJs(writeWorkbook(rows as (string | number)[][], 'Users'));
      }),
      { numRuns: 60 },
    );
    const many = writeWorkbook([['Email', 'Name'], ...Array.from({ length: 20_000 }, (_, i) => [`user${i}@firma.fi`, `Name ${i} & <co>`])], 'Users');
    expectSameAsSheetJs(many);
  });
});
