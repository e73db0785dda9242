import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type BrowserWindow, app, dialog, shell } from 'electron';
import type { Translator } from '../../shared/i18n/translator';
import type { Logger } from '../logger';
import { buildDiagnostics } from '../logging/diagnostics';
import type { LogFile } from '../logging/log-file';

/** Help ▸ Save diagnostics…: the system's save dialog, then one text file for support. */
export async function saveDiagnostics(window: BrowserWindow | null, logFile: LogFile, settingsPath: string, log: Logger, { t }: Pick<Translator, 't'>): Promise<void> {
  const stamp = new Date().toISOString().slice(0, 10);
  const options = {
    title: t('platform.diagnostics.title'),
    defaultPath: path.join(app.getPath('documents'), `bridgekeeper-diagnostics-${stamp}.txt`),
    filters: [{ name: t('platform.diagnostics.filter'), extensions: ['txt'] }],
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
    dialog.showErrorBox(t('platform.diagnostics.failed-title'), t('platform.diagnostics.failed-body', { file: picked.filePath, error: message }));
  }
}

export function openLogFolder(logFile: LogFile): void {
  void shell.openPath(path.dirname(logFile.path));
}
