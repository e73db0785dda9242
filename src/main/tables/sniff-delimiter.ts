import type { CsvDelimiter } from '../../shared/severa-check';

const CANDIDATES: readonly CsvDelimiter[] = [',', ';', '\t'];
const SAMPLE_RECORDS = 50;

/** How often each candidate occurs outside quotes in each of the first non-blank records. */
function countPerRecord(text: string): Map<CsvDelimiter, number>[] {
  const records: Map<CsvDelimiter, number>[] = [];
  let counts = new Map<CsvDelimiter, number>();
  let inQuotes = false;
  let blank = true;
  for (let i = 0; i < text.length && records.length < SAMPLE_RECORDS; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      inQuotes = !inQuotes; // "" inside quotes toggles twice: no change, as it should
      blank = false;
    } else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (!blank) records.push(counts);
      counts = new Map();
      blank = true;
    } else if (!inQuotes && (ch === ',' || ch === ';' || ch === '\t')) {
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
      blank = false;
    } else {
      blank = false;
    }
  }
  if (!blank && records.length < SAMPLE_RECORDS) records.push(counts);
  return records;
}

/** The most frequent non-zero count of a candidate over the records, and how many records have it. */
function steadiestCount(records: readonly Map<CsvDelimiter, number>[], candidate: CsvDelimiter): { count: number; records: number } {
  const frequency = new Map<number, number>();
  for (const record of records) {
    const count = record.get(candidate) ?? 0;
    if (count > 0) frequency.set(count, (frequency.get(count) ?? 0) + 1);
  }
  let best = { count: 0, records: 0 };
  for (const [count, records] of frequency) {
    if (records > best.records || (records === best.records && count > best.count)) best = { count, records };
  }
  return best;
}

/**
 * The delimiter that splits the most records into the same number of columns. A title line above
 * the header (no delimiters, or a different count) does not vote; a decimal comma appears in the rows
 * but never in the header, so a Finnish `;` file with "7,5" in every row still reads as `;` (the
 * header is one record more). A file without any candidate is a one-column file: `,`.
 */
export function sniffDelimiter(text: string): CsvDelimiter {
  const records = countPerRecord(text);
  let best: CsvDelimiter = ',';
  let bestScore = 0;
  for (const candidate of CANDIDATES) {
    const steady = steadiestCount(records, candidate);
    const score = steady.records * 1000 + Math.min(steady.count, 999);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
