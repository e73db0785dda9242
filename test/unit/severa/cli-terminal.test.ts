import { describe, expect, it } from 'vitest';
import { type CliIo, runSeveraCheckCli } from '../../../src/main/severa/cli';

/**
 * What the Severa CLI writes to a terminal never carries a file's control characters: the problems
 * it quotes from the files (stderr), and a CSV or JSON report shown on a terminal (a report piped on
 * is data and stays as the files had it).
 */

/** What a file can hide in its text and still be read as text: C1's CSI, NEL, a right-to-left override. */
const ESCAPES = ['\u009b2J', '\u0085', '\u202e'];

function io(files: Record<string, string>, terminal: boolean) {
  const out = { stdout: '', stderr: '' };
  const cli: CliIo = {
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
    readFile: async (file) => new TextEncoder().encode(files[file] ?? ''),
    writeFile: async () => undefined,
    locale: () => 'en-GB',
    terminal,
  };
  return { cli, out };
}

const controls = (text: string) => [...text].filter((c) => /[\p{Cc}\u202e]/u.test(c) && c !== '\n');

describe('the Severa CLI on a terminal', () => {
  it("spells out the files' control characters in the problems it quotes, keeping its own line breaks", async () => {
    // Column headings with controls in them, and no e-mail column: the problem names the headings it found.
    const { cli, out } = io({ 'azets.csv': `${ESCAPES.map((e, i) => `Col${i}${e}`).join(',')}\nx,y,z\n`, 'severa.csv': 'Email,Active\n' }, true);
    const code = await runSeveraCheckCli(['--azets', 'azets.csv', '--severa', 'severa.csv'], cli);
    expect(code).toBe(2);
    expect(controls(out.stderr)).toEqual([]);
    expect(out.stderr).toContain('⟨U+009B⟩');
    expect(out.stderr.endsWith('\n')).toBe(true);
  });

  it('spells them out in a CSV or JSON report shown on a terminal, and leaves a piped report as the files had it', async () => {
    const files = { 'azets.csv': `Email\nanna\u009b2J@firma.fi\n`, 'severa.csv': 'Email,Active\nanna@firma.fi,true\n' };
    for (const format of ['csv', 'json']) {
      const shown = io(files, true);
      await runSeveraCheckCli(['--azets', 'azets.csv', '--severa', 'severa.csv', '--format', format], shown.cli);
      expect(controls(shown.out.stdout), format).toEqual([]);
      const piped = io(files, false);
      await runSeveraCheckCli(['--azets', 'azets.csv', '--severa', 'severa.csv', '--format', format], piped.cli);
      // The address columns are data as the file had it; only the words spell the control out.
      expect(piped.out.stdout, format).toContain('anna\u009b2J@firma.fi');
    }
  });
});
