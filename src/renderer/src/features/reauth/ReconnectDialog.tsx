import { useState } from 'react';
import { LOGIN_ORIGIN_BLOCKED } from '../../../../shared/notice';
import type { Profile } from '../../../../shared/profile';
import type { LoginWith } from '../../../../shared/login-with';
import { PORTAL_BROWSER_STEPS, PORTAL_CONFIRM_STEPS, PORTAL_REAUTH_STEPS, REAUTH_STEPS, type ReauthResult, type ReauthStep, reauthStepKey } from '../../../../shared/reauth';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { useErrorText, useI18n } from '../../i18n/I18nProvider';
import { useAppStore } from '../../state/app-store';
import { BrowserWordPrompt } from '../browser-login/BrowserWordPrompt';
import { LoginWithField } from '../browser-login/LoginWithField';
import { browserName, describeLoginWith } from '../browser-login/login-with-words';
import { useBrowsers } from '../browser-login/use-browsers';
import { boldTags } from './bold';
import { PortalPromptView } from './PortalPromptView';

type Phase = { kind: 'ready' } | { kind: 'running' } | { kind: 'done'; result: ReauthResult } | { kind: 'failed'; message: string };
/** A reconnect, or — for a portal profile not confirmed — a look at its page in the portal to confirm it. */
type Task = 'reconnect' | 'confirm';

const companyOf = (p: Profile) => (p.companyName ? `${p.companyName} (${p.companyId})` : p.companyId);

/**
 * F4 and F18: one profile's reconnect — what will happen, each step as it happens, and how it ended.
 * `targetName` is where the connection is made: the environment (direct) or the portal (DataBridge).
 * A portal profile whose reconnect was not confirmed can be confirmed from here too.
 */
export function ReconnectDialog({ profile, targetName, onClose }: { profile: Profile; targetName: string; onClose(): void }) {
  const viaPortal = profile.connection === 'portal';
  const i18n = useI18n();
  const portal = useAppStore((s) => (viaPortal ? s.portals.find((p) => p.id === profile.portalId) : undefined));
  const [task, setTask] = useState<Task>('reconnect');
  const browsers = useBrowsers();
  // B4: the environment's or portal's own choice, which this reconnect may override.
  const targetChoice = useAppStore((s) =>
    viaPortal ? s.portals.find((p) => p.id === profile.portalId)?.loginWith : s.environments.find((e) => e.id === profile.environmentId)?.loginWith,
  );
  const [override, setOverride] = useState<LoginWith | undefined>(undefined);
  const loginWith = override ?? targetChoice;
  const inBrowser = loginWith?.kind === 'browser' ? loginWith : undefined;
  const browser = inBrowser ? browserName(inBrowser, browsers) : '';
  const mode = inBrowser?.mode === 'private-window' ? 'private' : 'throwaway';
  const portalSteps = inBrowser ? PORTAL_BROWSER_STEPS : PORTAL_REAUTH_STEPS;
  const steps: readonly ReauthStep[] = viaPortal
    ? (task === 'confirm' && !inBrowser ? PORTAL_CONFIRM_STEPS : portalSteps).filter((s) => s !== 'confirming' || profile.jobUrlMasked)
    : REAUTH_STEPS;
  const [phase, setPhase] = useState<Phase>({ kind: 'ready' });
  // A cancel refused because the login is already being checked: said where the button was.
  const [cancelRefused, setCancelRefused] = useState<string | null>(null);
  const { t, text, rich } = i18n;
  const errorText = useErrorText();
  const step = useAppStore((s) => s.reauthSteps.get(profile.id));
  // The login window went somewhere the environment does not allow: the window says so, and so does this.
  const blocked = useAppStore((s) => s.notices.find((n) => n.id === LOGIN_ORIGIN_BLOCKED));

  const start = async (chosen: Task = task) => {
    setTask(chosen);
    setPhase({ kind: 'running' });
    setCancelRefused(null);
    useAppStore.setState((s) => {
      const reauthSteps = new Map(s.reauthSteps);
      reauthSteps.delete(profile.id);
      return { reauthSteps };
    });
    try {
      // No second argument without an override: it would cross as null.
      const attempt = chosen === 'confirm' ? api.confirmPortalConnection(profile.id) : override ? api.reauthenticate(profile.id, { loginWith: override }) : api.reauthenticate(profile.id);
      setPhase({ kind: 'done', result: await attempt });
    } catch (error) {
      setPhase({ kind: 'failed', message: errorText(error) });
    }
  };

  const cancel = () => {
    api.cancelReauth(profile.id).catch((error: unknown) => setCancelRefused(errorText(error)));
  };

  const close = () => {
    // Closed while checking: the check ends by itself and the list shows its result.
    if (phase.kind === 'running') api.cancelReauth(profile.id).catch(() => undefined);
    onClose();
  };

  const reached = step ? steps.indexOf(step) : -1;
  const succeeded = phase.kind === 'done' && phase.result.outcome === 'connected';
  const unconfirmed = phase.kind === 'done' && phase.result.outcome === 'unconfirmed';
  const canConfirm = viaPortal && (unconfirmed || (phase.kind === 'ready' && profile.status === 'unconfirmed'));
  const label = portal?.connectButtonLabel || t('reauth.prompt.label-fallback');
  const section = portal?.connectSection ?? 'Visma.net';

  return (
    <Dialog title={t(task === 'confirm' ? 'reauth.dialog.confirm.title' : 'reauth.dialog.title', { profile: profile.name })} onClose={close}>
      <dl className="facts">
        <dt>{t('reauth.dialog.company')}</dt>
        <dd>{companyOf(profile)}</dd>
        <dt>{t('reauth.dialog.log-in-as')}</dt>
        <dd>{profile.apiUser}</dd>
        <dt>{t(viaPortal ? 'reauth.dialog.portal' : 'reauth.dialog.environment')}</dt>
        <dd>{targetName}</dd>
      </dl>
      {phase.kind === 'ready' && (
        <LoginWithField
          value={override}
          onChange={setOverride}
          browsers={browsers}
          asSet={t('browser.loginWith.asSet', { target: targetName, choice: describeLoginWith(targetChoice, browsers, i18n) })}
        />
      )}
      {(phase.kind === 'ready' || phase.kind === 'running') && inBrowser && (
        <p>
          {viaPortal
            ? t('browser.portal.ready', { browser, mode, target: targetName, label, user: profile.apiUser, company: companyOf(profile) })
            : t('browser.direct.ready', { browser, mode })}
        </p>
      )}
      {phase.kind === 'running' && step === 'close-previous' && <p role="status">{t('browser.closePrevious')}</p>}
      {phase.kind === 'running' && viaPortal && inBrowser && step === 'portal-browser' && <BrowserWordPrompt profileId={profile.id} browser={browser} target={targetName} />}
      {(phase.kind === 'ready' || phase.kind === 'running') && viaPortal && !inBrowser && task === 'reconnect' && (
        <>
          <p>
            {t(phase.kind === 'ready' ? 'reauth.dialog.portal.ready' : 'reauth.dialog.portal.running', { target: targetName })}{' '}
            {rich('reauth.dialog.portal.do', { label, section, user: profile.apiUser, company: companyOf(profile) }, boldTags())}
          </p>
          <p className="hint">
            {t('reauth.dialog.portal.hint', { target: targetName })}
            {profile.jobUrlMasked ? ` ${t('reauth.dialog.portal.hint.job')}` : ''}
          </p>
        </>
      )}
      {phase.kind === 'ready' && canConfirm && <p className="hint">{t('reauth.dialog.confirm.ready', { target: targetName })}</p>}
      {phase.kind === 'running' && (!viaPortal || !inBrowser) && <PortalPromptView profileId={profile.id} target={targetName} />}
      {(phase.kind === 'ready' || phase.kind === 'running') && !viaPortal && !inBrowser && (
        <>
          <p>
            {t(phase.kind === 'ready' ? 'reauth.dialog.direct.ready' : 'reauth.dialog.direct.running')}{' '}
            {rich('reauth.dialog.direct.do', { user: profile.apiUser, company: companyOf(profile) }, boldTags())}
          </p>
          <p className="hint">{t('reauth.dialog.direct.hint')}</p>
          {phase.kind === 'running' && blocked && (
            <p role="alert" className="form-error">
              {blocked.words ? text(blocked.words) : blocked.message}
            </p>
          )}
        </>
      )}
      {phase.kind !== 'ready' && (
        <ol className="steps" aria-label={t('reauth.dialog.progress')}>
          {steps.map((s, i) => {
            const state =
              phase.kind === 'running' ? (i < reached ? 'done' : i === reached ? 'current' : 'pending') : succeeded || i <= reached ? 'done' : 'pending';
            const failedHere = phase.kind !== 'running' && !succeeded && i === Math.max(reached, 0);
            return (
              <li key={s} className={`step step-${failedHere ? 'failed' : state}`} aria-current={state === 'current' ? 'step' : undefined}>
                {t(reauthStepKey(s))}
              </li>
            );
          })}
        </ol>
      )}
      {phase.kind === 'done' && (
        <div className={`outcome ${succeeded ? 'outcome-ok' : unconfirmed ? 'outcome-unconfirmed' : 'outcome-failed'}`} role={succeeded || unconfirmed ? 'status' : 'alert'}>
          <p className="outcome-title">{text(phase.result.title)}</p>
          <p>{text(phase.result.explanation)}</p>
          {phase.result.confirmation?.explanation && <p>{text(phase.result.confirmation.explanation)}</p>}
          {phase.result.nextStep && (
            <p>
              <strong>{t('reauth.dialog.next')}</strong> {text(phase.result.nextStep)}
            </p>
          )}
        </div>
      )}
      {phase.kind === 'running' && cancelRefused && (
        <p role="status" className="hint">
          {cancelRefused}
        </p>
      )}
      {phase.kind === 'failed' && (
        <p role="alert" className="form-error">
          {phase.message}
        </p>
      )}
      <div className="dialog-actions">
        {phase.kind === 'running' ? (
          <button type="button" onClick={cancel}>
            {t('reauth.dialog.cancel')}
          </button>
        ) : (
          <button type="button" onClick={onClose} autoFocus={succeeded}>
            {t('reauth.dialog.close')}
          </button>
        )}
        {canConfirm && (
          <button type="button" className={unconfirmed ? 'primary' : undefined} onClick={() => void start('confirm')} autoFocus={unconfirmed}>
            {t('reauth.dialog.confirm.open', { target: targetName })}
          </button>
        )}
        {phase.kind === 'ready' && (
          <button type="button" className="primary" onClick={() => void start('reconnect')} autoFocus>
            {viaPortal ? t('reauth.dialog.open-portal', { target: targetName }) : t('reauth.dialog.open-login')}
          </button>
        )}
        {(phase.kind === 'failed' || (phase.kind === 'done' && !succeeded)) && (
          <button type="button" className={unconfirmed ? undefined : 'primary'} onClick={() => void start('reconnect')} autoFocus={!unconfirmed}>
            {t('reauth.dialog.try-again')}
          </button>
        )}
      </div>
    </Dialog>
  );
}
