import type { ExportedFile, FileText } from '../../../shared/api';

/** Reads a file the user picked; the text goes to main, which validates it. */
export async function readPickedFile(input: HTMLInputElement): Promise<FileText | null> {
  const file = input.files?.[0];
  input.value = ''; // picking the same file again must fire change again
  if (!file) return null;
  return { name: file.name, text: await file.text() };
}

/** Hands a file to the browser's download (Electron asks where to save it). */
export function download(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: `${file.mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const formatTime = (iso: string | undefined): string =>
  iso ? new Date(iso).toLocaleString(undefined, { month: 'short', day: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit' }) : '—';
