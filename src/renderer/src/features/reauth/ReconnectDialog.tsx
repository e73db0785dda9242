import { useState } from 'react';
import { LOGIN_ORIGIN_BLOCKED } from '../../../../shared/notice';
import type { Profile } from '../../../../shared/profile';
import { PORTAL_REAUTH_STEPS, REAUTH_STEPS, REAUTH_STEP_LABELS, type ReauthResult, type ReauthStep } from '../../../../shared/reauth';
import { api, messageOf } from '../../api';
import { Dialog } from '../../components/Dialog';
import { useAppStore } from '../../state/app-store';

type Phase = { kind: 'ready' } | { kind: 'running' } | { kind: 'done'; result: ReauthResult } | { kind: 'failed'; message: string };

const companyOf = (p: Profile) => (p.companyName ? `${p.companyName} (${p.companyId})` : p.companyId);

/**
 * F4 and F18: one profile's reconnect — what will happen, each step as it happens, and how it ended.
 * `targetName` is where the connection is made: the environment (direct) or the portal (DataBridge).
 */
export function ReconnectDialog({ profile, targetName, onClose }: { profile: Profile; targetName: string; onClose(): void }) {
  const viaPortal = profile.connection === 'portal';
  const steps: readonly ReauthStep[] = viaPortal ? PORTAL_REAUTH_STEPS.filter((s) => s !== 'confirming' || profile.jobUrlMasked) : REAUTH_STEPS;
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
      setPhase({ kind: 'done', result: await api.reauthenticate(profile.id) });
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
      {(phase.kind === 'ready' || phase.kind === 'running') && viaPortal && (
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
      {(phase.kind === 'ready' || phase.kind === 'running') && !viaPortal && (
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
