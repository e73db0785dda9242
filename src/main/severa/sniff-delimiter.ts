import type { CsvDelimiter } from '../../shared/severa-check';

const CANDIDATES: readonly CsvDelimiter[] = [',', ';', '\t'];
const SAMPLE_RECORDS = 50;

/** How often each candidate occurs outside quotes in each of the first records. */
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

/**
 * The delimiter that splits the header into most columns and the rows into as many: a header
 * never holds a decimal comma, so Finnish or Swedish exports with "1,5" in the rows still read
 * as `;`. A file without any candidate in its header is a one-column file: `,`.
 */
export function sniffDelimiter(text: string): CsvDelimiter {
  const [header, ...rows] = countPerRecord(text);
  if (!header) return ',';
  let best: CsvDelimiter = ',';
  let bestScore = -1;
  for (const candidate of CANDIDATES) {
    const inHeader = header.get(candidate) ?? 0;
    if (inHeader === 0) continue;
    const agreeing = rows.filter((row) => (row.get(candidate) ?? 0) === inHeader).length;
    const consistency = rows.length === 0 ? 1 : agreeing / rows.length;
    // Consistency first; the header's column count breaks ties; CANDIDATES' order breaks the rest.
    const score = consistency * 1000 + Math.min(inHeader, 999);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
