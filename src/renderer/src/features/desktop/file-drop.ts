/** Which files go where when dropped on the window. */
export type DropKind = 'profiles' | 'log' | 'unknown';

const extension = (name: string): string => /\.([^.]+)$/.exec(name.toLowerCase())?.[1] ?? '';

/**
 * On the Profiles area a CSV or JSON file is a profile list to import, a .log or .txt file a
 * DataBridge log to explain. (The Severa area's user files are dropped on their own side.)
 */
export function dropKind(fileName: string): DropKind {
  const ext = extension(fileName);
  if (ext === 'csv' || ext === 'json') return 'profiles';
  if (ext === 'log' || ext === 'txt') return 'log';
  return 'unknown';
}

/** Hands a dropped file to a file input as if the person had picked it: the input's own handler does the rest. */
export function giveToFileInput(input: HTMLInputElement, file: File): void {
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

export const draggingFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') === true;
