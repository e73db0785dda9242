import { useId } from 'react';
import type { BrowserMode, DetectedBrowser, LoginWith } from '../../../../shared/login-with';
import { useI18n } from '../../i18n/I18nProvider';
import { isLooking } from './use-browsers';

const WINDOW = 'window';
const CUSTOM = 'custom';
const AS_SET = 'as-set';

interface LoginWithFieldProps {
  value: LoginWith | undefined;
  onChange(value: LoginWith | undefined): void;
  browsers: DetectedBrowser[];
  /** For one reconnect: a first option that keeps the environment's or portal's own choice (value undefined). */
  asSet?: string;
}

/**
 * B4: "Log in with" the built-in window or a browser on this machine, and for a browser how it is
 * opened — each way explained in one sentence.
 */
export function LoginWithField({ value, onChange, browsers, asSet }: LoginWithFieldProps) {
  const { t } = useI18n();
  const id = useId();
  const selected = !value ? (asSet ? AS_SET : WINDOW) : value.kind === 'window' ? WINDOW : value.browser;
  const mode: BrowserMode = value?.kind === 'browser' ? value.mode : 'throwaway-profile';

  const pick = (option: string) => {
    if (option === AS_SET) return onChange(undefined);
    if (option === WINDOW) return onChange({ kind: 'window' });
    const browser = option as Extract<LoginWith, { kind: 'browser' }>['browser'];
    onChange({ kind: 'browser', browser, mode, ...(browser === CUSTOM ? { path: value?.kind === 'browser' ? (value.path ?? '') : '' } : {}) });
  };

  return (
    <fieldset className="login-with">
      <div className="field">
        <label htmlFor={`${id}-with`}>{t('browser.loginWith')}</label>
        <select id={`${id}-with`} value={selected} onChange={(e) => pick(e.target.value)} aria-describedby={`${id}-with-hint`}>
          {asSet && <option value={AS_SET}>{asSet}</option>}
          <option value={WINDOW}>{t('browser.loginWith.window')}</option>
          {browsers.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
          <option value={CUSTOM}>{t('browser.loginWith.custom')}</option>
        </select>
        <span id={`${id}-with-hint`} className="hint">
          {value?.kind === 'browser' ? '' : isLooking(browsers) ? t('browser.loginWith.looking') : browsers.length === 0 ? t('browser.loginWith.none') : t('browser.loginWith.windowHint')}
        </span>
      </div>
      {value?.kind === 'browser' && value.browser === CUSTOM && (
        <div className="field">
          <label htmlFor={`${id}-path`}>{t('browser.loginWith.path')}</label>
          <input id={`${id}-path`} value={value.path ?? ''} onChange={(e) => onChange({ ...value, path: e.target.value })} spellCheck={false} />
        </div>
      )}
      {value?.kind === 'browser' && (
        <div role="radiogroup" aria-label={t('browser.mode')} className="field">
          {(
            [
              ['throwaway-profile', t('browser.mode.throwaway'), t('browser.mode.throwawayHint')],
              ['private-window', t('browser.mode.private'), t('browser.mode.privateHint')],
            ] as const
          ).map(([option, label, hint]) => (
            <label key={option} className="choice">
              <input type="radio" name={`${id}-mode`} checked={mode === option} onChange={() => onChange({ ...value, mode: option })} aria-describedby={`${id}-${option}`} />
              {label}
              <span id={`${id}-${option}`} className="hint">
                {hint}
              </span>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
