import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLanguageService } from '../../../src/main/language-service';
import { blockedMessage } from '../../../src/main/platform/login-window';
import { appMenuTemplate } from '../../../src/main/platform/app-menu';
import { openSettings } from '../../../src/main/settings/settings-store';
import { LANGUAGES } from '../../../src/shared/i18n/languages';
import { createTranslator } from '../../../src/shared/i18n/translator';
import { confBackend } from '../../helpers/conf-backend';

// The menu and the login window are built from plain data here; Electron itself is not needed.
vi.mock('electron', () => ({ Menu: {}, app: {}, BrowserWindow: function BrowserWindow() {}, screen: {} }));

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bk-language-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const open = (system = 'fi-FI') => {
  const backend = confBackend(dir);
  return createLanguageService(openSettings(backend.create, backend.path).store, () => system);
};

describe('the language service', () => {
  it('speaks the system’s language until one is chosen, tells whoever listens of every change, and remembers the choice', async () => {
    const language = open('sv-FI');
    expect(language.words().locale).toBe('sv-FI');
    expect(language.words().t('app.area.profiles')).toBe('Profiler');
    const heard = vi.fn();
    const stop = language.onChange(heard);
    await language.setLanguage('nl');
    expect(heard).toHaveBeenCalledWith({ chosen: 'nl', system: 'sv-FI', locale: 'nl-NL' });
    expect(language.words().t('app.area.profiles')).toBe('Profielen');
    stop();
    await language.setLanguage(null);
    expect(heard).toHaveBeenCalledTimes(1);
    expect(language.words().locale).toBe('sv-FI');

    await open().setLanguage('da');
    expect(open('en-US').locale()).toBe('da-DK'); // the next start reads it back
  });
});

describe('main’s words in every language', () => {
  it.each(LANGUAGES)('%s: the menu gives every item a label, in that language, with its access key kept', (language) => {
    const { t } = createTranslator(`${language}-${language === 'en' ? 'GB' : 'XX'}`);
    const template = appMenuTemplate({ command: () => undefined, openLogFolder: () => undefined, saveDiagnostics: () => undefined }, { packaged: true, mac: false }, { t });
    const items = template.flatMap((menu) => [menu, ...((menu.submenu as typeof template | undefined) ?? [])]).filter((item) => item.type !== 'separator');
    expect(items.filter((item) => !item.label)).toEqual([]);
    // One access key (&) per top-level menu, and no two menus sharing it.
    const keys = template.map((menu) => /&(.)/.exec(menu.label!)?.[1]?.toLowerCase());
    expect(keys.every(Boolean)).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(LANGUAGES)('%s: on macOS the application menu is in that language too', (language) => {
    const { t } = createTranslator(language);
    const [appMenu] = appMenuTemplate({ command: () => undefined, openLogFolder: () => undefined, saveDiagnostics: () => undefined }, { packaged: true, mac: true }, { t });
    const labels = (appMenu!.submenu as { label?: string; type?: string }[]).filter((item) => item.type !== 'separator').map((item) => item.label);
    expect(labels).toHaveLength(6);
    expect(labels.every(Boolean)).toBe(true);
    expect(labels.at(-1)).toBe(t('menu.app.quit'));
  });

  it('says where a login was sent that it may not go, in the reader’s language', () => {
    expect(blockedMessage('https://login.microsoftonline.com/x', createTranslator('fi-FI').t)).toBe(
      'Visma ohjasi sinut osoitteeseen login.microsoftonline.com, jota tämä ympäristö ei salli: lisää se ympäristön kirjautumisen lisäosoitteisiin kohdassa Ympäristöt ja yhdistä sitten uudelleen.',
    );
  });
});
