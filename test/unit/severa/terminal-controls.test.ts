import { describe, expect, it } from 'vitest';
import { checkSeveraLogins } from '../../../src/main/severa/check-logins';
import { spellOutControls, tableReport } from '../../../src/main/severa/report-format';
import { LANGUAGES } from '../../../src/shared/i18n/languages';
import { createTranslator } from '../../../src/shared/i18n/translator';
import type { AzetsUser, SeveraUser } from '../../../src/shared/severa-check';
import { codePoint } from '../../../src/shared/severa-words';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
/** Every character a terminal acts on or reorders instead of printing: C0, DEL, C1, the bidi controls. */
const CONTROLS = [...range(0x00, 0x1f), 0x7f, ...range(0x80, 0x9f), 0x061c, 0x200e, 0x200f, ...range(0x202a, 0x202e), ...range(0x2066, 0x2069)].map((code) => String.fromCodePoint(code));
const ANY_CONTROL = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

const azets = (email: string, name: string | null, row: number): AzetsUser => ({ email, name, row });
const severa = (email: string, name: string | null, row: number): SeveraUser => ({ email, active: true, name, id: null, row });

/** A report with the character in the addresses and names of both files, as a near-miss and as a user found on one side only. */
function reportWith(char: string, language = 'en-GB'): string {
  const result = checkSeveraLogins({
    azetsUsers: [azets(`anna${char}@firma.fi`, `Anna${char}Virtanen`, 2), azets(`only${char}here@firma.fi`, `Only${char}Here`, 3)],
    severaUsers: [severa('anna@firma.fi', `Anna Virtanen${char}`, 2), severa(`gone${char}@firma.fi`, `Gone${char}`, 3)],
    addon: 'active',
    orgUsesSevera: 'yes',
  });
  return tableReport(result, createTranslator(language));
}

describe("the Severa CLI's table never writes a terminal control from the files", () => {
  it.each(CONTROLS.map((char) => [codePoint(char), char] as const))('spells out %s wherever the files put it', (code, char) => {
    const report = reportWith(char);
    const lines = report.split('\n');
    for (const line of lines) expect(line).not.toMatch(ANY_CONTROL);
    expect(report).toContain(`anna⟨${code}⟩@firma.fi`);
  });

  it('keeps one line of the table one line: a line break from a file adds none', () => {
    // A tab is judged as the line breaks are (an invisible character), and is no line break.
    const lines = reportWith('\t').split('\n').length;
    for (const lineBreak of ['\n', '\r', '\r\n', '\u000b', '\u000c', '\u0085']) expect(reportWith(lineBreak).split('\n'), JSON.stringify(lineBreak)).toHaveLength(lines);
  });

  it('in every language', () => {
    for (const language of LANGUAGES) {
      for (const char of ['\u001b', '\u009b', '\u202e', '\n']) {
        expect(reportWith(char, language).split('\n').join(''), language).not.toMatch(ANY_CONTROL);
      }
    }
  });

  it('an address that would clear the screen or retitle the window is shown as text', () => {
    const report = reportWith('\u001b[2J\u001b]0;pwned\u0007');
    expect(report).not.toContain('\u001b');
    expect(report).toContain('anna⟨U+001B⟩[2J⟨U+001B⟩]0;pwned⟨U+0007⟩@firma.fi');
  });

  it('leaves every other character as it is', () => {
    const text = 'Åsa Öberg <ÅSA@firma.fi> — 1 234 € “quoted” \u00a0 \u200b ⟨U+0041⟩';
    expect(spellOutControls(text)).toBe(text);
  });
});
