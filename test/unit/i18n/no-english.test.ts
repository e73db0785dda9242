import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFinding, findEnglish } from '../../helpers/no-english';

const RENDERER = 'src/renderer/src';

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name).split(path.sep).join('/'));
}

describe('no English left in the renderer', () => {
  it('every component shows words from the catalog, not written into it (file:line and the text when not)', () => {
    const files = sourcesUnder(RENDERER);
    expect(files.length).toBeGreaterThan(10);
    const findings = files.flatMap((file) => findEnglish(file, readFileSync(file, 'utf8')));
    expect(findings.map(describeFinding)).toEqual([]);
  });

});

describe('the check itself', () => {
  const find = (code: string) => findEnglish('planted.tsx', code).map((f) => `${f.line}: ${f.why}: ${f.text}`);

  it('fails on English JSX text, naming the line and the text', () => {
    expect(find(`export const A = () => (\n  <p>\n    Reload this area\n  </p>\n);`)).toEqual(['3: JSX text: Reload this area']);
    expect(describeFinding(findEnglish('src/x.tsx', `const A = () => <button>Save</button>;`)[0]!)).toBe('src/x.tsx:1: JSX text: "Save"');
  });

  it('fails on words in attributes a person reads or hears, literal or in braces, and in text props', () => {
    expect(find(`<input aria-label="Profile list file" placeholder={'Name, company…'} title={\`Open \${name}\`} />`)).toEqual([
      '1: attribute aria-label: Profile list file',
      '1: attribute placeholder: Name, company…',
      '1: attribute title: Open ${…}',
    ]);
    expect(find(`<ConfirmDialog title={t('x.title')} confirmLabel="Delete" message={t('x.m')} />`)).toEqual(['1: attribute confirmLabel: Delete']);
  });

  it('fails on words a child expression can evaluate to, a text property, and a message setter', () => {
    expect(find(`<p>{loaded ? 'Loading…' : \`Showing \${n}\`}</p>`)).toEqual(['1: JSX child: Loading…', '1: JSX child: Showing ${…}']);
    expect(find(`const AREAS = [{ id: 'profiles', label: 'Profiles' }];`)).toEqual(['1: property label: Profiles']);
    expect(find(`setMessage(\`\${file.name} is no profile list.\`);`)).toEqual(['1: setMessage(…): ${…} is no profile list.']);
  });

  it('passes catalog keys, brand names, punctuation, and attributes that hold no words', () => {
    expect(
      find(
        `<div className="notice notice-info" id="x" data-menu-command="explain-log">
          <h1 className="app-title">Bridgekeeper</h1>
          <p>{t('desktop.drop.severa', { file: name })} — {count} · {status === 'error' ? t('a.b') : null}</p>
          <span title={t('x')}>…</span>
          <option value="system">{LANGUAGE_NAMES[language]}</option>
          <span>Visma.net · DataBridge · Azets Work → Severa</span>
          <input placeholder="users:read" />
        </div>`,
      ),
    ).toEqual([]);
  });
});
