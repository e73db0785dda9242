import { describe, expect, it } from 'vitest';
import { checkOneEmail, checkSeveraLogins } from '../../../src/main/severa/check-logins';
import { showInvisible } from '../../../src/main/severa/invisible-characters';
import { readSeveraUsers } from '../../../src/main/severa/read-user-file';
import { catalogOf } from '../../../src/shared/i18n/catalog';
import { LANGUAGES } from '../../../src/shared/i18n/languages';
import { createTranslator } from '../../../src/shared/i18n/translator';
import type { AddonState, AzetsUser, OrgUsesSevera, SeveraCheckResult, SeveraUser } from '../../../src/shared/severa-check';
import { type Phrase, type PhraseParam, sayAll, sayFileProblem, saySteps } from '../../../src/shared/severa-words';

const azets = (email: string, name: string | null = null, row: number | null = 2): AzetsUser => ({ email, name, row });
const severa = (email: string, extra: Partial<SeveraUser> = {}): SeveraUser => ({ email, active: true, name: null, id: null, row: 3, ...extra });

/** Every reason, and most of the ways to say one: near-misses of each kind, duplicates, the organization's states. */
const AZETS = [
  azets('anna@firma.fi', 'Anna Virtanen', 2),
  azets('Kaisa.Laine@firma.fi', 'Kaisa Laine', 3),
  azets('matti\u00a0@firma.fi', null, 4),
  azets('s\u0430ra.koski@firma.fi', 'Sara Koski', 5),
  azets('mäkinen@firma.fi', null, 6),
  azets('olli.vanha@firma.com', 'Olli Vanha', 7),
  azets('timo.niemienn@firma.fi', 'Timo Nieminen', 8),
  azets('pekka+work@firma.fi', null, 9),
  azets('liisa.l@firma.fi', 'Liisa Laine', 10),
  azets('not-an-address', null, 11),
  azets('dup@firma.fi', null, 12),
  azets('DUP@firma.fi', null, 13),
  azets('inactive@firma.fi', null, 14),
  azets('twice@firma.fi', null, 15),
  azets('nobody@elsewhere.fi', null, 16),
];
const SEVERA = [
  severa('anna@firma.fi', { name: 'Anna Virtanen', row: 2 }),
  severa('kaisa.laine@firma.fi', { name: 'Kaisa Laine', row: 3 }),
  severa('matti@firma.fi', { row: 4, id: 'g-4' }),
  severa('sara.koski@firma.fi', { name: 'Sara Koski', row: 5 }),
  severa('ma\u0308kinen@firma.fi', { row: 6 }),
  severa('olli.vanha@firma.fi', { name: 'Olli Vanha', row: 7 }),
  severa('timo.nieminen@firma.fi', { name: 'Timo Nieminen', row: 8 }),
  severa('pekka@firma.fi', { row: 9 }),
  severa('liisa.laine@other.fi', { name: 'Liisa Laine', row: 10 }),
  severa('dup@firma.fi', { row: 11 }),
  severa('inactive@firma.fi', { active: false, row: 12 }),
  severa('twice@firma.fi', { row: 13 }),
  severa('Twice@firma.fi', { row: 14, active: false }),
  severa('only-in-severa@firma.fi', { active: null, row: null, id: 'g-15' }),
];

const run = (addon: AddonState, orgUsesSevera: OrgUsesSevera): SeveraCheckResult => checkSeveraLogins({ azetsUsers: AZETS, severaUsers: SEVERA, addon, orgUsesSevera });
const results = [run('unknown', 'unknown'), run('inactive', 'no'), run('active', 'yes')];

/** The codes a message chooses among (select arguments): not words. */
const SELECT_CODES = new Set(['azets', 'severa', 'both', 'local', 'domain', 'addon', 'org']);

/** Every piece of text the input holds, as the phrases may quote it (invisible characters spelled out). */
const inputTexts: string[] = [...AZETS, ...SEVERA].flatMap((user): string[] => [user.email, showInvisible(user.email), user.name ?? '', 'id' in user ? String(user.id ?? '') : '']).filter(Boolean);
const fromInput = (text: string): boolean => inputTexts.some((input) => input.includes(text));

function phrasesOf(result: SeveraCheckResult): Phrase[] {
  return [...result.organization.flatMap((finding) => [finding.detail, finding.fix]), ...result.verdicts.flatMap((verdict) => [...verdict.detail, ...verdict.fix])];
}

/** Every string a phrase carries as a parameter, however deep. */
function strings(value: PhraseParam, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value as PhraseParam[]) strings(item, into);
  else if (typeof value === 'object' && value !== null && 'key' in value) for (const param of Object.values((value as Phrase).params ?? {})) strings(param, into);
  return into;
}

describe("the Severa check's words are data", () => {
  const english = catalogOf('en');

  it('says every finding as catalog keys: no sentence comes from main', () => {
    for (const result of results) {
      for (const phrase of phrasesOf(result)) {
        const keys: string[] = [];
        const walk = (p: PhraseParam) => {
          if (typeof p === 'object' && p !== null && 'key' in p) {
            keys.push((p as Phrase).key);
            Object.values((p as Phrase).params ?? {}).forEach(walk);
          } else if (Array.isArray(p)) (p as PhraseParam[]).forEach(walk);
        };
        walk(phrase);
        for (const key of keys) expect(english, key).toHaveProperty([key]);
      }
    }
  });

  it('passes only the users’ own data, code points, scripts and select codes as parameters, never English', () => {
    const odd = new Set<string>();
    for (const result of results) {
      for (const text of phrasesOf(result).flatMap((phrase) => strings(phrase))) {
        if (SELECT_CODES.has(text) || /^U\+[0-9A-F]{4,6}$/.test(text) || text === '' || fromInput(text)) continue;
        odd.add(text);
      }
    }
    expect([...odd]).toEqual([]);
  });

  it('covers every reason, and says each verdict in every language without a missing word', () => {
    const seen = new Set(results.flatMap((result) => result.verdicts.flatMap((verdict) => [verdict.reason, ...verdict.also])));
    expect([...seen].sort()).toEqual(Object.keys(results[0]!.summary).sort());
    for (const language of LANGUAGES) {
      const words = createTranslator(language);
      for (const verdict of results.flatMap((result) => result.verdicts)) {
        const said = `${sayAll(words, verdict.detail)} ${saySteps(words, verdict.fix)}`;
        expect(said).not.toMatch(/severa\.[a-zA-Z.]+|email\.problem|\{[a-z]+\}/); // a key or a placeholder shown raw
      }
    }
    const finnish = createTranslator('fi');
    const kaisa = results[2]!.verdicts[1]!;
    expect(kaisa.reason).toBe('CASE_MISMATCH');
    expect(saySteps(finnish, kaisa.fix)).toBe('Vaihda Severassa sähköpostiosoitteeksi täsmälleen "Kaisa.Laine@firma.fi", isot ja pienet kirjaimet kuten Azets Workissa: Kaisa Laine (rivi 3).');
    expect(sayAll(createTranslator('sv'), kaisa.detail)).toBe(
      'Severa har "kaisa.laine@firma.fi" (Kaisa Laine, rad 3): samma adress med andra versaler/gemener (i delen före @).',
    );
  });

  it('names scripts by code, said by Intl in the reader’s language', () => {
    const sara = results[2]!.verdicts[3]!;
    expect(sara.reason).toBe('UNICODE_MISMATCH');
    expect(sayAll(createTranslator('en'), sara.detail)).toContain('"а" (U+0430, Cyrillic) for "a"');
    expect(sayAll(createTranslator('fi'), sara.detail)).toContain('"а" (U+0430, kyrillinen) kirjaimen "a" sijaan');
    expect(sayAll(createTranslator('fi'), sara.detail)).toContain('(latinalainen ja kyrillinen)');
  });

  it('says the quick check’s note and the file reader’s notes as data too', async () => {
    const typed = checkOneEmail({ azetsUsers: AZETS, severaUsers: SEVERA, addon: 'active', orgUsesSevera: 'yes' }, 'ANNA@firma.fi');
    expect(typed.detail.at(-1)).toEqual({ key: 'severa.detail.typedDiffersHow', params: { typed: 'ANNA@firma.fi', held: 'anna@firma.fi', how: [{ key: 'severa.typed.case', params: { part: 'local' } }] } });
    const file = await readSeveraUsers(new TextEncoder().encode('Users\n\nEmail,Active\nanna@x.fi,yes\n'), { fileName: 'severa.csv' });
    expect(file.ok && file.file.notes).toEqual([{ key: 'severa.file.headerBelowTitle', params: { row: 3 } }]);
  });

  it('says what is wrong with a user file, and where, in the reader’s words; its English stays the message', async () => {
    const file = await readSeveraUsers(new TextEncoder().encode('Email;Aktiivinen\na@x.fi;kyllä\nb@x.fi;maybe\nc@x.fi;\n'), { fileName: 'severa.csv' });
    if (file.ok) throw new Error('the file should have problems');
    expect(file.problems.map((problem) => problem.words?.key)).toEqual(['severa.file.notYesNo', 'severa.file.activeEmpty']);
    expect(file.problems[0]!.message).toMatch(/^"maybe" is not yes or no \(also true\/false/);
    expect(sayFileProblem(createTranslator('fi'), 'severa.csv', file.problems[0]!)).toMatch(/^severa\.csv, rivi 3, Aktiivinen: "maybe" ei ole kyllä tai ei \(myös true\/false/);
    expect(sayFileProblem(createTranslator('sv'), 'severa.csv', file.problems[1]!)).toMatch(/^severa\.csv, rad 4, Aktiivinen: tomt är inte ja eller nej/);
    const noEmail = await readSeveraUsers(new TextEncoder().encode('Osoite,Active\na@x.fi,yes\n'), { fileName: 'severa.csv' });
    if (noEmail.ok) throw new Error('the file should have problems');
    expect(sayFileProblem(createTranslator('nl'), 'severa.csv', noEmail.problems[0]!)).toMatch(/^severa\.csv, rij 1, email: geen kolom voor e-mail: de kopregel heeft "Osoite", "Active"/);
  });
});
