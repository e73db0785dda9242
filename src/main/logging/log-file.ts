import fs from 'node:fs';
import path from 'node:path';

export interface LogFileOptions {
  /** Rotated when the next line would take it past this size. */
  maxBytes?: number;
  /** How many rotated files are kept beside the current one (bridgekeeper.1.log is the newest). */
  keep?: number;
}

export interface LogFile {
  readonly path: string;
  write(line: string): void;
  /** Every file, oldest first: what "Save diagnostics…" gathers. */
  files(): string[];
}

/**
 * A small rotating log file. Lines are appended synchronously: after a crash the last line is on
 * disk, and the app logs a few lines a minute, not thousands a second.
 */
export function openLogFile(dir: string, { maxBytes = 1024 * 1024, keep = 3 }: LogFileOptions = {}): LogFile {
  fs.mkdirSync(dir, { recursive: true });
  const current = path.join(dir, 'bridgekeeper.log');
  const rotated = (n: number) => path.join(dir, `bridgekeeper.${n}.log`);
  let size = fs.existsSync(current) ? fs.statSync(current).size : 0;

  const rotate = () => {
    fs.rmSync(rotated(keep), { force: true });
    for (let n = keep - 1; n >= 1; n--) if (fs.existsSync(rotated(n))) fs.renameSync(rotated(n), rotated(n + 1));
    fs.renameSync(current, rotated(1));
    size = 0;
  };

  return {
    path: current,
    write(line) {
      const bytes = Buffer.byteLength(line) + 1;
      try {
        if (size > 0 && size + bytes > maxBytes) rotate();
        fs.appendFileSync(current, `${line}\n`);
        size += bytes;
      } catch {
        // A full disk or a locked file must not take the app down with it; the console still has the line.
      }
    },
    files: () => [...Array.from({ length: keep }, (_, i) => rotated(keep - i)), current].filter((file) => fs.existsSync(file)),
  };
}
