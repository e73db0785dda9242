import fs from 'node:fs';
import path from 'node:path';
import { redact } from './redact';

export interface DiagnosticsInput {
  /** App, Electron, Chromium, Node and OS versions, as the app knows them. */
  versions: Record<string, string>;
  /** The log files, oldest first. */
  logFiles: string[];
  settingsPath: string;
}

/**
 * One text file with what a support person asks for: versions, the settings (secrets removed;
 * tokens are never in them, but an environment's fields might hold something private) and the
 * whole log, each part under a heading.
 */
export function buildDiagnostics({ versions, logFiles, settingsPath }: DiagnosticsInput, now = new Date()): string {
  const parts = [`Bridgekeeper diagnostics, ${now.toISOString()}`, '', '== Versions', ...Object.entries(versions).map(([name, value]) => `${name}: ${value}`)];
  parts.push('', `== Settings (${path.basename(settingsPath)}, secrets removed)`, readSettings(settingsPath));
  for (const file of logFiles) {
    parts.push('', `== Log ${path.basename(file)}`, readOr(file, '(could not be read)').trimEnd());
  }
  return `${parts.join('\n')}\n`;
}

function readSettings(file: string): string {
  const text = readOr(file, null);
  if (text === null) return '(no settings file)';
  try {
    return JSON.stringify(redact(JSON.parse(text)), null, 2);
  } catch {
    return '(the settings file is not JSON)';
  }
}

function readOr<T>(file: string, fallback: T): string | T {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
}
