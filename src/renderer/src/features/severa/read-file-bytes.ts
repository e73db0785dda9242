import { type FileBytes, MAX_USER_FILE_BYTES } from '../../../../shared/severa-panel';

/**
 * Reads the file the user picked as bytes (base64), so main can tell UTF-8 from Windows-1252
 * itself. FileReader's data URL does the base64 natively, without a loop over the bytes here.
 */
export async function readPickedBytes(input: HTMLInputElement): Promise<FileBytes | null> {
  const file = input.files?.[0];
  input.value = ''; // picking the same file again must fire change again
  if (!file) return null;
  if (file.size > MAX_USER_FILE_BYTES) {
    throw new Error(`${file.name} is larger than ${MAX_USER_FILE_BYTES / 1024 / 1024} MiB: that is no user list Bridgekeeper can read.`);
  }
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}.`));
    reader.readAsDataURL(file);
  });
  const comma = dataUrl.indexOf(',');
  return { name: file.name, base64: comma === -1 ? '' : dataUrl.slice(comma + 1) };
}
