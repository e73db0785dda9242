// The original character-at-a-time parser (commit 51f80be), kept as the oracle the fast parser must agree with.
import { CsvSyntaxError, type CsvRecord } from '../../src/main/csv/parse-csv';

export function referenceParseCsv(text: string, delimiter = ','): CsvRecord[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
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

  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '"' && cell === '') {
      const openedOn = line;
      quoted = true;
      i++;
      for (;;) {
        if (i >= source.length) {
          throw new CsvSyntaxError(`a quoted value opened on line ${openedOn} is never closed`, openedOn);
        }
        const c = source[i]!;
        if (c === '"' && source[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (c === '"') {
          i++;
          break;
        } else {
          if (c === '\n' || (c === '\r' && source[i + 1] !== '\n')) line++;
          cell += c;
          i++;
        }
      }
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && source[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      cell += ch;
      i++;
    }
  }
  if (cell !== '' || cells.length > 0 || quoted) endRecord();
  return records;
}
