import { describe, expect, it } from 'vitest';
import { accessEndedNotices } from '../../../src/main/health/access-ended';
import type { CheckResult } from '../../../src/main/health/check-profile';
import { KIND_TEXT, OLD_BASE_URL_TEXT } from '../../../src/main/explainer/error-kinds';
import { explainLogText } from '../../../src/main/explainer/explain-log';
import { noKeychainNotice } from '../../../src/main/notices';
import { type Failure, explain } from '../../../src/main/reauth/outcomes';
import { catalogOf } from '../../../src/shared/i18n/catalog';
import { type Message, isMessage, message } from '../../../src/shared/i18n/message';
import { createTranslator } from '../../../src/shared/i18n/translator';
import type { Profile } from '../../../src/shared/profile';
import { REAUTH_OUTCOMES } from '../../../src/shared/reauth';

const english = createTranslator('en-GB');
const finnish = createTranslator('fi-FI');
const swedish = createTranslator('sv-SE');
const keys = new Set(Object.keys(catalogOf('en')));

const profile = {
  id: 'orders',
  name: 'Orders into Visma',
  companyId: '1000001',
  companyName: 'Nordlys Handel AS',
  apiUser: 'per@example.com',
  status: 'connected',
} as Profile;

/** Every key of a message and of the messages inside it. */
function keysOf(words: Message, into: string[] = []): string[] {
  into.push(words.key);
  for (const value of Object.values(words.params ?? {})) if (isMessage(value)) keysOf(value, into);
  return into;
}

/** Words main sent: catalog keys (nested ones too), and Finnish and Swedish that are not the English. */
function expectWords(words: unknown) {
  expect(isMessage(words), `${JSON.stringify(words)} is a message`).toBe(true);
  const message = words as Message;
  for (const key of keysOf(message)) expect(keys.has(key), `${key} is in the catalog`).toBe(true);
  const text = english.text(message);
  expect(text).not.toMatch(/^reauth\.|^health\.|^explainer\.|^notices\./); // no key shown instead of words
  expect(finnish.text(message)).not.toBe(text);
  expect(swedish.text(message)).not.toBe(text);
}

describe('main says what happened as catalog keys, not English sentences', () => {
  it.each(REAUTH_OUTCOMES)('a reconnect ending %s: its title, explanation and next step are words as data', (outcome) => {
    const failure: { outcome: 'connected' } | Failure =
      outcome === 'connected'
        ? { outcome }
        : outcome === 'not-configured' // its detail is Bridgekeeper's own, so it comes with words (reauth-flow.ts)
          ? { outcome, detail: 'Visma.net production has no client id yet.', detailWords: message('reauth.detail.missing-setting', { environment: 'Visma.net production', missing: 'client' }) }
          : { outcome, errorCode: '500', detail: 'The server said no', pickedCompany: { id: '1000002', name: 'Fjellvind Bygg AS' } };
    const result = explain(profile, { name: 'Visma.net production' }, failure, { timeoutMinutes: 10 });
    expectWords(result.title);
    expectWords(result.explanation);
    if (result.nextStep) expectWords(result.nextStep);
    // Visma's names stay as Visma writes them, in every language.
    if (outcome === 'api-user-missing') {
      for (const translator of [english, finnish, swedish]) {
        expect(translator.text(result.nextStep!)).toContain("'API User'");
        expect(translator.text(result.nextStep!)).toContain('Visma.net Admin → Users and Roles');
      }
    }
  });

  it('the explainer reports each known Visma error, its finding and its notes as words', () => {
    for (const text of Object.values(KIND_TEXT)) for (const words of [text.title, text.meaning, text.whatToDo]) expectWords(words);
    for (const words of Object.values(OLD_BASE_URL_TEXT)) expectWords(words);
    const report = explainLogText('2024-05-03 10:11:12 ERROR Visma: No license for this company.', { source: 'paste' });
    expectWords(report.known[0]!.title);
  });

  it('notices and stored reasons carry their words beside the English text older readers show', () => {
    const notice = noKeychainNotice('no Secret Service');
    expectWords(notice.words);
    expect(notice.message).toBe(english.text(notice.words!));

    const refused = (id: string) => ({ profile: { ...profile, id, name: `Profile ${id}`, environmentId: 'production' } as Profile, result: { errorCode: 'invalid_grant' } as CheckResult });
    const [ended] = accessEndedNotices([refused('a'), refused('b')]);
    expectWords(ended!.notice.words);
    const reason = ended!.states[0]!.state.statusReason!;
    expectWords(reason.words);
    expect(reason.message).toBe(english.text(reason.words!));
  });
});
