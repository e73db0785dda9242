import type { ExportedFile } from '../../src/shared/api';
import type { FileBytes } from '../../src/shared/severa-panel';

/** A file as the renderer sends it to main: its name and its bytes in base64 (text is written as UTF-8). */
export const fileBytes = (name: string, content: string | Uint8Array): FileBytes => ({
  name,
  base64: Buffer.from(typeof content === 'string' ? Buffer.from(content, 'utf8') : content).toString('base64'),
});

/** An exported file's content as bytes, whether main sent text (CSV, JSON) or base64 (a workbook). */
export const exportedBytes = (file: ExportedFile): Uint8Array =>
  file.base64 !== undefined ? new Uint8Array(Buffer.from(file.base64, 'base64')) : new Uint8Array(Buffer.from(file.text, 'utf8'));

/** A text export's text; fails the test for a workbook. */
export function exportedText(file: ExportedFile): string {
  if (file.text === undefined) throw new Error(`${file.fileName} is not a text export`);
  return file.text;
}
