import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readTable, type TableResult } from '../../../src/main/tables/read-table';
import { WORKBOOK_LIMITS } from '../../../src/main/tables/workbook-limits';
import { writeWorkbook } from '../../../src/main/tables/write-workbook';
import { deflated, deflatedSpaces, localPartBytes, writeZip, type LocalPart } from './hostile-zip';

/**
 * Issue 21, class 1: the limits walked the zip's LOCAL headers while SheetJS unpacks every part the
 * CENTRAL DIRECTORY names. Each workbook here passed the old check and sent SheetJS into gigabytes.
 */

const problemOf = (result: TableResult) => {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problem.message;
};

const SHEET = 'xl/worksheets/sheet1.xml';
const MIB = 150; // under the 200 MiB limit: the old check, which inflated what the local headers name, let it pass
const hugeSheet = () => deflatedSpaces('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>', MIB, '</sheetData></worksheet>');
const HUGE_SIZE = MIB * 1024 * 1024 + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'.length + '</sheetData></worksheet>'.length;

/** A real workbook's parts, deflated as our writer wants them. */
function realParts(): LocalPart[] {
  const book = writeWorkbook([['Email'], ['anna@firma.fi']], 'Users');
  return Object.entries(unzipSync(book)).map(([name, data]) => ({ name, method: 8 as const, packed: deflated(Buffer.from(data).toString('utf8')), unpacked: data.length }));
}

/** Refused, within a second and with the process's peak memory grown by less than 100 MB. */
function refusedQuickly(bytes: Uint8Array, limits = WORKBOOK_LIMITS): { message: string; ms: number; peakGrowthMb: number } {
  const peakBefore = process.resourceUsage().maxRSS;
  const started = performance.now();
  const message = problemOf(readTable(bytes, { workbookLimits: limits }));
  const ms = performance.now() - started;
  const peakGrowthMb = (process.resourceUsage().maxRSS - peakBefore) / 1024;
  expect(ms).toBeLessThan(1000);
  expect(peakGrowthMb).toBeLessThan(100);
  return { message, ms, peakGrowthMb };
}

describe('workbook limits: what the central directory names (issue 21, class 1)', () => {
  it('a real workbook still passes', () => {
    const result = readTable(writeZip(realParts()));
    expect(result.ok && result.table.records.map((record) => record.cells)).toEqual([['Email'], ['anna@firma.fi']]);
  });

  it('refuses a part only the central directory names (hidden inside another part)', () => {
    const parts = realParts().filter((part) => part.name !== SHEET);
    const hidden = localPartBytes({ name: SHEET, method: 8, packed: hugeSheet(), unpacked: HUGE_SIZE });
    const picture: LocalPart = { name: 'xl/media/image1.png', method: 0, packed: hidden, unpacked: hidden.length };
    const locals = [...parts, picture];
    const bytes = writeZip(locals, [
      ...parts.map((part, local) => ({ name: part.name, local })),
      { name: picture.name, local: locals.length - 1 },
      { name: SHEET, local: locals.length - 1, offsetInto: 0, method: 8, packedSize: hidden.length - 30 - SHEET.length, unpacked: HUGE_SIZE },
    ]);
    expect(bytes.length).toBeLessThan(400 * 1024);
    const { message } = refusedQuickly(bytes);
    expect(message).toBe(`is an Excel workbook that cannot be used: it is damaged (its parts "xl/media/image1.png" and "${SHEET}" share bytes)`);
  });

  it('refuses two central entries pointing at one local part', () => {
    const parts = realParts().map((part) => (part.name === SHEET ? { ...part, packed: hugeSheet(), unpacked: HUGE_SIZE } : part));
    const sheet = parts.findIndex((part) => part.name === SHEET);
    const bytes = writeZip(parts, [
      ...parts.map((part, local) => ({ name: part.name, local })),
      { name: 'xl/worksheets/sheet2.xml', local: sheet },
    ]);
    const { message } = refusedQuickly(bytes);
    expect(message).toBe(`is an Excel workbook that cannot be used: it is damaged (its parts "${SHEET}" and "xl/worksheets/sheet2.xml" share bytes)`);
  });

  it('refuses a part that unpacks to more than it declares (a zip bomb)', () => {
    const parts = realParts().map((part) => (part.name === SHEET ? { ...part, packed: hugeSheet(), unpacked: 1000 } : part));
    const bytes = writeZip(parts);
    expect(bytes.length).toBeLessThan(400 * 1024);
    const { message } = refusedQuickly(bytes);
    expect(message).toBe(`is an Excel workbook that cannot be used: its part "${SHEET}" unpacks to more than it declares (a "zip bomb"?)`);
  });

  it('refuses sizes the central directory and the local header disagree on', () => {
    const parts = realParts();
    const sheet = parts.findIndex((part) => part.name === SHEET);
    const bytes = writeZip(parts, parts.map((part, local) => ({ name: part.name, local, ...(local === sheet ? { unpacked: part.unpacked + 1 } : {}) })));
    expect(refusedQuickly(bytes).message).toBe(`is an Excel workbook that cannot be used: it is damaged (its part "${SHEET}" declares two sizes)`);
  });

  it('refuses a name the central directory gives twice', () => {
    const parts = realParts();
    const sheet = parts.findIndex((part) => part.name === SHEET);
    const copy = { ...parts[sheet]! };
    const bytes = writeZip([...parts, copy]);
    expect(refusedQuickly(bytes).message).toBe(`is an Excel workbook that cannot be used: it is damaged (it names the part "${SHEET}" twice)`);
  });

  it('refuses a part packed far tighter than any sheet is', () => {
    const parts = realParts().map((part) => (part.name === SHEET ? { ...part, packed: hugeSheet(), unpacked: HUGE_SIZE } : part));
    expect(refusedQuickly(writeZip(parts), { ...WORKBOOK_LIMITS, compressionRatio: 100 }).message).toMatch(/it unpacks to more than 200 MiB/);
  });

  it('refuses a ZIP64 archive', () => {
    const bytes = writeZip(realParts());
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    view.setUint32(bytes.length - 22 + 16, 0xffffffff, true);
    expect(refusedQuickly(bytes).message).toMatch(/ZIP64/);
  });

  it('refuses too many parts', () => {
    expect(refusedQuickly(writeZip(realParts()), { ...WORKBOOK_LIMITS, entries: 3 }).message).toMatch(/more than 3 parts/);
  });

  it('counts cells wherever the workbook keeps them, with a namespace prefix too', () => {
    const cells = '<x:c r="A1" t="s"><x:v>0</x:v></x:c>'.repeat(50);
    const parts = [...realParts(), { name: 'xl/elsewhere/data.xml', method: 8 as const, packed: deflated(`<x:sheetData><x:row>${cells}</x:row></x:sheetData>`), unpacked: Buffer.byteLength(`<x:sheetData><x:row>${cells}</x:row></x:sheetData>`) }];
    expect(refusedQuickly(writeZip(parts), { ...WORKBOOK_LIMITS, cells: 40 }).message).toMatch(/more than 40 cells/);
  });
});
