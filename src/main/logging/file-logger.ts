import { type LogLine, type Logger, createLogger } from '../logger';
import type { LogFile } from './log-file';
import { redact } from './redact';

/** The app's Logger: every line redacted, then to the rotating file and the console. */
export function createFileLogger(file: LogFile, echo: (line: LogLine) => void = consoleEcho): Logger {
  return createLogger((line) => {
    const safe = redact(line) as LogLine;
    file.write(JSON.stringify(safe));
    echo(safe);
  });
}

function consoleEcho(line: LogLine): void {
  const out = line.level === 'info' ? console.log : console.error;
  out(JSON.stringify(line));
}
