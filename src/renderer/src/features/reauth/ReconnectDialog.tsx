import { useState } from 'react';
import { LOGIN_ORIGIN_BLOCKED } from '../../../../shared/notice';
import type { Profile } from '../../../../shared/profile';
import type { LoginWith } from '../../../../shared/login-with';
import { PORTAL_BROWSER_STEPS, PORTAL_REAUTH_STEPS, REAUTH_STEPS, REAUTH_STEP_LABELS, type ReauthResult, type ReauthStep } from '../../../../shared/reauth';
import { api, messageOf } from '../../api';
import { Dialog } from '../../components/Dialog';
import { useAppStore } from '../../state/app-store';
import { useI18n } from '../../i18n/I18nProvider';
import { BrowserWordPrompt } from '../browser-login/BrowserWordPrompt';
import { LoginWithField } from '../browser-login/LoginWithField';
import { browserName, describeLoginWith } from '../browser-login/login-with-words';
import { useBrowsers } from '../browser-login/use-browsers';

type Phase = { kind: 'ready' } | { kind: 'running' } | { kind: 'done'; result: ReauthResult } | { kind: 'failed'; message: string };

const companyOf = (p: Profile) => (p.companyName ? `${p.companyName} (${p.companyId})` : p.companyId);

/**
 * F4 and F18: one profile's reconnect — what will happen, each step as it happens, and how it ended.
 * `targetName` is where the connection is made: the environment (direct) or the portal (DataBridge).
 */
export function ReconnectDialog({ profile, targetName, onClose }: { profile: Profile; targetName: string; onClose(): void }) {
  const viaPortal = profile.connection === 'portal';
  const i18n = useI18n();
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
  const steps: readonly ReauthStep[] = viaPortal ? portalSteps.filter((s) => s !== 'confirming' || profile.jobUrlMasked) : REAUTH_STEPS;
  const [phase, setPhase] = useState<Phase>({ kind: 'ready' });
  const step = useAppStore((s) => s.reauthSteps.get(profile.id));
  // The login window went somewhere the environment does not allow: the window says so, and so does this.
  const blocked = useAppStore((s) => s.notices.find((n) => n.id === LOGIN_ORIGIN_BLOCKED));

  const start = async () => {
    setPhase({ kind: 'running' });
    useAppStore.setState((s) => {
      const reauthSteps = new Map(s.reauthSteps);
      reauthSteps.delete(profile.id);
      return { reauthSteps };
    });
    try {
      // No second argument without an override: it would cross as null.
      setPhase({ kind: 'done', result: await (override ? api.reauthenticate(profile.id, { loginWith: override }) : api.reauthenticate(profile.id)) });
    } catch (error) {
      setPhase({ kind: 'failed', message: messageOf(error) });
    }
  };

  const close = () => {
    if (phase.kind === 'running') void api.cancelReauth(profile.id);
    onClose();
  };

  const reached = step ? steps.indexOf(step) : -1;
  const succeeded = phase.kind === 'done' && phase.result.outcome === 'connected';

  return (
    <Dialog title={`Reconnect ${profile.name}`} onClose={close}>
      <dl className="facts">
        <dt>Company</dt>
        <dd>{companyOf(profile)}</dd>
        <dt>Log in as</dt>
        <dd>{profile.apiUser}</dd>
        <dt>{viaPortal ? 'Portal' : 'Environment'}</dt>
        <dd>{targetName}</dd>
      </dl>
      {phase.kind === 'ready' && (
        <LoginWithField
          value={override}
          onChange={setOverride}
          browsers={browsers}
          asSet={i18n.t('browser.loginWith.asSet', { target: targetName, choice: describeLoginWith(targetChoice, browsers, i18n) })}
        />
      )}
      {(phase.kind === 'ready' || phase.kind === 'running') && inBrowser && (
        <p>
          {viaPortal
            ? i18n.t('browser.portal.ready', { browser, mode, target: targetName, user: profile.apiUser, company: companyOf(profile) })
            : i18n.t('browser.direct.ready', { browser, mode })}
        </p>
      )}
      {phase.kind === 'running' && step === 'close-previous' && <p role="status">{i18n.t('browser.closePrevious')}</p>}
      {phase.kind === 'running' && viaPortal && inBrowser && step === 'portal-browser' && <BrowserWordPrompt profileId={profile.id} browser={browser} target={targetName} />}
      {(phase.kind === 'ready' || phase.kind === 'running') && viaPortal && !inBrowser && (
        <>
          <p>
            {phase.kind === 'ready' ? `A fresh window opens this profile's page in ${targetName}, signed in to ${targetName} and with no earlier Visma login.` : `In the ${targetName} window:`}{' '}
            Press <strong>Connected</strong> in the Visma.net Financials section, log in as <strong>{profile.apiUser}</strong> (a user with the API User role), pick{' '}
            <strong>{companyOf(profile)}</strong>, and accept.
          </p>
          <p className="hint">
            {targetName} keeps the connection and its tokens; Bridgekeeper watches the login go by but cannot see which company was picked, so pick it with
            care.{profile.jobUrlMasked ? " Afterwards Bridgekeeper runs the profile's job once to confirm." : ''}
          </p>
        </>
      )}
      {(phase.kind === 'ready' || phase.kind === 'running') && !viaPortal && !inBrowser && (
        <>
          <p>
            {phase.kind === 'ready' ? 'A private Visma login window opens for this profile alone.' : 'In the Visma login window:'} Log in as{' '}
            <strong>{profile.apiUser}</strong> (a user with the API User role), pick <strong>{companyOf(profile)}</strong>, and accept.
          </p>
          <p className="hint">
            The window keeps nothing from earlier logins, so no other Visma user can get in the way — and Visma asks for two-step
            verification every time.
          </p>
          {phase.kind === 'running' && blocked && (
            <p role="alert" className="form-error">
              {blocked.message}
            </p>
          )}
        </>
      )}
      {phase.kind !== 'ready' && (
        <ol className="steps" aria-label="Progress">
          {steps.map((s, i) => {
            const state =
              phase.kind === 'running' ? (i < reached ? 'done' : i === reached ? 'current' : 'pending') : succeeded || i <= reached ? 'done' : 'pending';
            const failedHere = phase.kind !== 'running' && !succeeded && i === Math.max(reached, 0);
            return (
              <li key={s} className={`step step-${failedHere ? 'failed' : state}`} aria-current={state === 'current' ? 'step' : undefined}>
                {REAUTH_STEP_LABELS[s]}
              </li>
            );
          })}
        </ol>
      )}
      {phase.kind === 'done' && (
        <div className={succeeded ? 'outcome outcome-ok' : 'outcome outcome-failed'} role={succeeded ? 'status' : 'alert'}>
          <p className="outcome-title">{phase.result.title}</p>
          <p>{phase.result.explanation}</p>
          {phase.result.confirmation?.explanation && <p>{phase.result.confirmation.explanation}</p>}
          {phase.result.nextStep && (
            <p>
              <strong>Next:</strong> {phase.result.nextStep}
            </p>
          )}
        </div>
      )}
      {phase.kind === 'failed' && (
        <p role="alert" className="form-error">
          {phase.message}
        </p>
      )}
      <div className="dialog-actions">
        {phase.kind === 'running' ? (
          <button type="button" onClick={() => void api.cancelReauth(profile.id)}>
            Cancel login
          </button>
        ) : (
          <button type="button" onClick={onClose} autoFocus={succeeded}>
            Close
          </button>
        )}
        {phase.kind === 'ready' && (
          <button type="button" className="primary" onClick={() => void start()} autoFocus>
            {viaPortal ? `Open ${targetName}` : 'Open Visma login'}
          </button>
        )}
        {(phase.kind === 'failed' || (phase.kind === 'done' && !succeeded)) && (
          <button type="button" className="primary" onClick={() => void start()} autoFocus>
            Try again
          </button>
        )}
      </div>
    </Dialog>
  );
}
