/** One record of a CSV file: its cells, and where it starts (for messages that name a line). */
export interface CsvRecord {
  cells: string[];
  /** 1-based line of the file on which this record starts. */
  line: number;
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** Line breaks in source[from, to): CRLF, LF or a lone CR each count once. */
function countLineBreaks(source: string, from: number, to: number): number {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = source.charCodeAt(i);
    if (c === LF || (c === CR && source.charCodeAt(i + 1) !== LF)) breaks++;
  }
  return breaks;
}

/**
 * RFC 4180 with the liberties real exports take: CRLF, LF or CR line ends, a UTF-8 BOM,
 * quoted cells with embedded delimiters, quotes ("") and line breaks. Blank lines are skipped.
 * A quote left open is an error naming the line it opened on, never a silently merged row.
 * A quote opens a quoted section only while its cell is still empty; later quotes are literal.
 * Runs of plain text are sliced, not appended a character at a time: 100,000 rows parse in tens
 * of milliseconds, not most of a second.
 */
export function parseCsv(text: string, delimiter = ','): CsvRecord[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const separator = delimiter.charCodeAt(0);
  const end = source.length;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false; // the current record has a quoted cell, so it is not blank
  let line = 1;
  let recordLine = 1;
  let i = 0;

  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cell !== '' || quoted) records.push({ cells, line: recordLine });
    cells = [];
    cell = '';
    quoted = false;
  };

  while (i < end) {
    const ch = source.charCodeAt(i);
    if (ch === QUOTE && cell === '') {
      const openedOn = line;
      quoted = true;
      i++;
      for (;;) {
        const close = source.indexOf('"', i);
        if (close === -1) {
          throw new CsvSyntaxError(`a quoted value opened on line ${openedOn} is never closed`, openedOn);
        }
        line += countLineBreaks(source, i, close);
        cell += source.slice(i, close);
        if (source.charCodeAt(close + 1) === QUOTE) {
          cell += '"';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
    } else if (ch === separator) {
      cells.push(cell);
      cell = '';
      i++;
    } else if (ch === CR || ch === LF) {
      endRecord();
      i += ch === CR && source.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      let j = i + 1;
      for (; j < end; j++) {
        const c = source.charCodeAt(j);
        if (c === separator || c === CR || c === LF) break;
      }
      cell += source.slice(i, j);
      i = j;
    }
  }
  if (cell !== '' || cells.length > 0 || quoted) endRecord();
  return records;
}
