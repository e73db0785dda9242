import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type BrowserWindow, app, dialog, shell } from 'electron';
import type { Logger } from '../logger';
import { buildDiagnostics } from '../logging/diagnostics';
import type { LogFile } from '../logging/log-file';

/** Help ▸ Save diagnostics…: the system's save dialog, then one text file for support. */
export async function saveDiagnostics(window: BrowserWindow | null, logFile: LogFile, settingsPath: string, log: Logger): Promise<void> {
  const stamp = new Date().toISOString().slice(0, 10);
  const options = {
    title: 'Save diagnostics for support',
    defaultPath: path.join(app.getPath('documents'), `bridgekeeper-diagnostics-${stamp}.txt`),
    filters: [{ name: 'Text', extensions: ['txt'] }],
  };
  const picked = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (picked.canceled || !picked.filePath) return;
  const versions = {
    Bridgekeeper: app.getVersion(),
    Electron: process.versions.electron ?? 'unknown',
    Chromium: process.versions.chrome ?? 'unknown',
    Node: process.versions.node,
    OS: `${process.platform} ${process.getSystemVersion?.() ?? ''} (${process.arch})`.trim(),
    Locale: app.getLocale(),
  };
  try {
    await writeFile(picked.filePath, buildDiagnostics({ versions, logFiles: logFile.files(), settingsPath }));
    log.info('diagnostics.saved', { file: picked.filePath });
    shell.showItemInFolder(picked.filePath);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.error('diagnostics.failed', { error: message });
    dialog.showErrorBox('Diagnostics were not saved', `${picked.filePath} could not be written: ${message}`);
  }
}

export function openLogFolder(logFile: LogFile): void {
  void shell.openPath(path.dirname(logFile.path));
}
