const needsQuotes = /[",\r\n;\t]|^\s|\s$/;

const quote = (value: string): string => (needsQuotes.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/**
 * RFC 4180 text with CRLF line ends and a UTF-8 BOM, so spreadsheet programs open it
 * in the right encoding. Cells are quoted only when they must be.
 */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return '\uFEFF' + rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}
