import { describe, expect, it } from 'vitest';
import { readWorkbookIsolated } from '../../../src/main/tables/read-workbook-isolated';
import { WorkbookRefused } from '../../../src/main/tables/workbook-limits';
import { writeWorkbook } from '../../../src/main/tables/write-workbook';

/** Issue 21, class 1: SheetJS runs in a worker with a heap cap and a time limit, never on main's thread. */
describe('workbook reading off main (issue 21, class 1)', () => {
  const small = writeWorkbook([['Email'], ['anna@firma.fi']], 'Users');

  it('reads a workbook in the worker', async () => {
    const workbook = await readWorkbookIsolated(small);
    expect(workbook.sheets).toEqual(['Users']);
    expect(workbook.rows.map((row) => row.cells)).toEqual([['Email'], ['anna@firma.fi']]);
  });

  it('passes the limits check\'s refusal on in words', async () => {
    await expect(readWorkbookIsolated(small, 'Other')).rejects.toThrow('the workbook has no sheet "Other" (it has "Users")');
  });

  it('a worker that runs out of its memory cap is a clear refusal, and this process lives on', async () => {
    const rows = [['Email', 'Name', 'Note'], ...Array.from({ length: 60_000 }, (_, i) => [`user${i}@firma.fi`, `User number ${i}`, `note ${i} `.repeat(4)])];
    const big = writeWorkbook(rows, 'Users');
    const refusal = readWorkbookIsolated(big, undefined, undefined, { heapMb: 16, timeoutMs: 30_000 });
    await expect(refusal).rejects.toBeInstanceOf(WorkbookRefused);
    await expect(refusal).rejects.toThrow('reading it needs more than 16 MiB of memory, far more than a workbook of users');
    // still alive and still able to read
    expect((await readWorkbookIsolated(small)).rows).toHaveLength(2);
  });

  it('a worker past its time limit is a clear refusal', async () => {
    // A workbook that takes far longer than the limit to read: a warm worker reads a small one within a millisecond.
    const large = writeWorkbook([['Email'], ...Array.from({ length: 30_000 }, (_, i) => [`user${i}@firma.fi`])], 'Users');
    await expect(readWorkbookIsolated(large, undefined, undefined, { heapMb: 256, timeoutMs: 5 })).rejects.toThrow(/reading it took more than 0 seconds/);
    expect((await readWorkbookIsolated(small)).rows).toHaveLength(2);
  });
});
