import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * One temp folder for a whole test run: TMPDIR points there for this process and every worker,
 * browser and daemon started after it, so each `mkdtemp(os.tmpdir())` of the tests (about forty
 * bk-app-* folders, keyrings, D-Bus sockets, Chromium profiles) lands inside it. The returned
 * function removes it with everything in it, so a run leaves nothing behind, even where a test
 * forgot to clean up or was stopped half-way.
 */
export function privateTempFolder(): () => void {
  const previous = process.env.TMPDIR;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bridgekeeper-test-run-'));
  process.env.TMPDIR = folder;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    fs.rmSync(folder, { recursive: true, force: true });
  };
}
