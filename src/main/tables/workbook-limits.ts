import { Unzip, UnzipInflate } from 'fflate';

/** A user list of 100,000 rows is a few tens of MiB unpacked; these leave room and stop a zip bomb. */
export const WORKBOOK_LIMITS = {
  uncompressedBytes: 200 * 1024 * 1024,
  entries: 10_000,
  cells: 3_000_000,
};

export type WorkbookLimits = typeof WORKBOOK_LIMITS;

export class WorkbookRefused extends Error {}

const LT = 0x3c;
const C = 0x63;
const SPACE = 0x20;
const GT = 0x3e;

/** A whole zip ends with its central directory's end record (PK 5 6), within 64 KiB of comment. */
function hasEndRecord(bytes: Uint8Array): boolean {
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= earliest; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return true;
  }
  return false;
}

const TRUNCATED = 'it ends before its table of contents: the file is incomplete (truncated); save or copy it again';

/**
 * Unpacks every part of the workbook once, counting and keeping nothing, before any parser sees
 * it: the sizes a zip declares can lie, the bytes inflate cannot. Cells are counted as `<c ` tags in
 * the worksheets. A truncated file (a part that never ends) is refused too.
 */
export function checkWorkbookLimits(bytes: Uint8Array, limits: WorkbookLimits = WORKBOOK_LIMITS): void {
  if (!hasEndRecord(bytes)) throw new WorkbookRefused(TRUNCATED);
  let total = 0;
  let cells = 0;
  let entries = 0;
  let open = 0;
  let failure: Error | null = null;
  const unzip = new Unzip((file) => {
    entries++;
    if (entries > limits.entries) {
      failure ??= new WorkbookRefused(`it holds more than ${limits.entries.toLocaleString('en')} parts, far more than a workbook of users`);
      return;
    }
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(file.name);
    let tail = 0; // the last byte of the previous chunk, for a `<c` split between chunks
    let tailBeforeLast = 0;
    open++;
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        failure = new WorkbookRefused(`a part of it cannot be unpacked (${error.message})`);
        return;
      }
      total += chunk.length;
      if (total > limits.uncompressedBytes) {
        failure = new WorkbookRefused(
          `it unpacks to more than ${Math.round(limits.uncompressedBytes / 1024 / 1024)} MiB, far more than a workbook of users (a "zip bomb"?)`,
        );
        file.terminate();
        return;
      }
      if (isSheet) {
        for (let i = 0; i < chunk.length; i++) {
          const byte = chunk[i]!;
          if ((byte === SPACE || byte === GT) && tail === C && tailBeforeLast === LT) cells++;
          tailBeforeLast = tail;
          tail = byte;
        }
        if (cells > limits.cells) {
          failure = new WorkbookRefused(`it has more than ${limits.cells.toLocaleString('en')} cells, more than this check reads`);
          file.terminate();
          return;
        }
      }
      if (final) open--;
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
  } catch (error) {
    failure ??= new WorkbookRefused(`it is damaged (${(error as Error).message})`);
  }
  if (failure) throw failure;
  if (entries === 0) throw new WorkbookRefused('it is an empty zip file, not a workbook');
  if (open > 0) throw new WorkbookRefused(TRUNCATED);
}
