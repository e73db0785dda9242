import type { ExportedFile, FileText } from '../../../shared/api';
import { ApiError } from '../../../shared/api-client';
import type { MessageKey } from '../../../shared/i18n/catalog';
import type { MessageParams } from '../../../shared/i18n/message';
import { createTranslator } from '../../../shared/i18n/translator';
import { type FileBytes, MAX_USER_FILE_BYTES } from '../../../shared/severa-panel';

/** Reads a file the user picked as text (a JSON environment); main validates it. */
export async function readPickedFile(input: HTMLInputElement): Promise<FileText | null> {
  const file = input.files?.[0];
  input.value = ''; // picking the same file again must fire change again
  if (!file) return null;
  return { name: file.name, text: await file.text() };
}

/**
 * Reads the file the user picked as bytes (base64), so main tells a workbook from CSV and UTF-8
 * from Windows-1252 itself. FileReader's data URL does the base64 natively, without a loop here.
 */
export async function readPickedBytes(input: HTMLInputElement): Promise<FileBytes | null> {
  const file = input.files?.[0];
  input.value = ''; // picking the same file again must fire change again
  if (!file) return null;
  return readFileBytes(file);
}

/** A File (picked or dropped) as bytes for main. */
export async function readFileBytes(file: File): Promise<FileBytes> {
  if (file.size > MAX_USER_FILE_BYTES) {
    throw fileError('file-too-large', 'components.files.too-large', { name: file.name, size: MAX_USER_FILE_BYTES / 1024 / 1024 });
  }
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(fileError('file-unreadable', 'components.files.unreadable', { name: file.name }));
    reader.readAsDataURL(file);
  });
  const comma = dataUrl.indexOf(',');
  return { name: file.name, base64: comma === -1 ? '' : dataUrl.slice(comma + 1) };
}

/** The bytes of an exported workbook; text exports are text already. */
function contentOf(file: ExportedFile): Blob {
  if (file.base64 !== undefined) return new Blob([Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0))], { type: file.mimeType });
  return new Blob([file.text], { type: `${file.mimeType};charset=utf-8` });
}

/** Hands a file to the browser's download (Electron asks where to save it). */
export function download(file: ExportedFile): void {
  const url = URL.createObjectURL(contentOf(file));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file that cannot be read, in words the reader's language shows (useErrorText); English for the log and for plain `.message`. */
function fileError(code: string, key: MessageKey, params: MessageParams): ApiError {
  return new ApiError(code, createTranslator('en-GB').t(key, params), { key, params });
}

/** The locale times are shown in: the chosen language's (I18nProvider sets it), the system's until then. */
let timeLocale: string | undefined;
export const setTimeLocale = (locale: string): void => {
  timeLocale = locale;
};

/** A moment as the reader's locale writes it; prefer `useI18n().date` in new code. */
export const formatTime = (iso: string | undefined): string =>
  iso ? new Date(iso).toLocaleString(timeLocale, { month: 'short', day: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit' }) : '—';
