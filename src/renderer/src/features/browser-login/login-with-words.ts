import type { DetectedBrowser, LoginWith } from '../../../../shared/login-with';
import type { Translator } from '../../../../shared/i18n/translator';

/** A browser choice's name: the detected browser's, or a custom program's file name. */
export function browserName(choice: Extract<LoginWith, { kind: 'browser' }>, browsers: DetectedBrowser[]): string {
  if (choice.browser === 'custom') return choice.path?.split(/[\\/]/).pop() || choice.browser;
  return browsers.find((b) => b.id === choice.browser)?.name ?? choice.browser;
}

/** "The built-in window" or "Chromium, throw-away profile". */
export function describeLoginWith(choice: LoginWith | undefined, browsers: DetectedBrowser[], { t }: Translator): string {
  if (!choice || choice.kind === 'window') return t('browser.loginWith.window');
  return t('browser.choice', { browser: browserName(choice, browsers), mode: choice.mode === 'private-window' ? 'private' : 'throwaway' });
}
