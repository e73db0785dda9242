/**
 * Structured log lines. Fields are plain data chosen by the caller; secrets never go in
 * (the token-leak test scans this output). In the app, logging/file-logger.ts redacts each line
 * again and writes it to the rotated log file.
 */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

export type LogLine = { level: 'info' | 'warn' | 'error'; event: string; time: string } & Record<string, unknown>;

export function createLogger(write: (line: LogLine) => void): Logger {
  const at =
    (level: LogLine['level']) =>
    (event: string, fields: Record<string, unknown> = {}) =>
      write({ ...fields, level, event, time: new Date().toISOString() });
  return { info: at('info'), warn: at('warn'), error: at('error') };
}

/** Keeps lines in memory: tests read them, and the app keeps the last ones for the log view. */
export function createMemoryLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  return Object.assign(
    createLogger((line) => lines.push(line)),
    { lines },
  );
}
