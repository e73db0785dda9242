import { useEffect, useRef, useState } from 'react';
import { BULK_STATE_LABELS, type BulkItem, type BulkRun } from '../../../../shared/bulk';
import { REAUTH_STEP_LABELS } from '../../../../shared/reauth';
import { api, messageOf } from '../../api';
import { download } from '../../components/files';
import { useAppStore } from '../../state/app-store';
import { ActiveBrowserLogin } from '../browser-login/ActiveBrowserLogin';

/**
 * One login at a time, as main runs it: this dialog only shows main's state and sends commands that
 * name the profile they are meant for (a click that arrives after its login ended is refused by main,
 * never applied to the next profile).
 */
export function BulkRunner({ run, onClose }: { run: BulkRun; onClose(): void }) {
  const [error, setError] = useState<string | null>(null);
  /** The box follows a click at once; main's answer (the same value, or a refusal) takes over. */
  const [autoWanted, setAutoWanted] = useState<boolean | null>(null);
  const steps = useAppStore((s) => s.reauthSteps);
  const active = run.items.find((i) => i.profileId === run.active);
  const next = run.items.find((i) => i.profileId === run.next);
  const shown: BulkItem | undefined = active ?? next;
  const handled = run.counts.connected + run.counts.skipped + run.counts.failed;
  const openButton = useRef<HTMLButtonElement>(null);

  const act = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(messageOf(e));
    }
  };

  useEffect(() => {
    if (!run.active) openButton.current?.focus();
  }, [run.active, run.next]);

  const step = active && steps.get(active.profileId);
  return (
    <>
      <div className="bulk-progress">
        <progress max={run.counts.total} value={handled} aria-label="Bulk reconnect progress" />
        <span aria-live="polite">
          {run.finished ? `Done: ${handled} of ${run.counts.total}` : `${handled + 1} of ${run.counts.total}`}
        </span>
      </div>

      {shown ? (
        <section className="bulk-current" aria-label={active ? 'Logging in now' : 'Next login'}>
          <p className="bulk-current-title">
            {active ? 'Logging in now:' : 'Next:'} {shown.name}
          </p>
          <dl className="facts">
            <dt>Company to pick</dt>
            <dd>
              {shown.companyName} ({shown.companyId})
            </dd>
            <dt>Log in as</dt>
            <dd>{shown.apiUser}</dd>
            {active && step && (
              <>
                <dt>Now</dt>
                <dd>{REAUTH_STEP_LABELS[step]}</dd>
              </>
            )}
          </dl>
          {active && step && <ActiveBrowserLogin profileId={active.profileId} step={step} />}
          <div className="dialog-actions left">
            {!active && (
              <button ref={openButton} type="button" className="primary" onClick={() => void act(() => api.bulkOpen(shown.profileId))}>
                Open login
              </button>
            )}
            <button type="button" aria-label={`Skip ${shown.name}`} onClick={() => void act(() => api.bulkSkip(shown.profileId))}>
              Skip
            </button>
            {active && (
              <button type="button" onClick={() => void act(() => api.bulkCancel(active.profileId))}>
                Cancel login
              </button>
            )}
            <label className="inline-check">
              <input
                type="checkbox"
                checked={autoWanted ?? run.auto}
                onChange={(e) => {
                  const wanted = e.target.checked;
                  setAutoWanted(wanted);
                  void act(() => api.bulkSetAuto(wanted)).finally(() => setAutoWanted(null));
                }}
              />
              Open the next login by itself
            </label>
            {run.auto && active && (
              <button type="button" onClick={() => void act(() => api.bulkSetAuto(false))}>
                Pause after this login
              </button>
            )}
          </div>
        </section>
      ) : (
        <p role="status" className="bulk-summary">
          Finished: {run.counts.connected} connected, {run.counts.skipped} skipped, {run.counts.failed} failed.
        </p>
      )}

      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}

      <div className="scroll-box">
        <table className="simple-table" aria-label="Profiles in this bulk reconnect">
          <thead>
            <tr>
              <th scope="col">Profile</th>
              <th scope="col">Company</th>
              <th scope="col">API user</th>
              <th scope="col">Result</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {run.items.map((i) => (
              <tr key={i.profileId} aria-current={i.profileId === shown?.profileId ? 'step' : undefined}>
                <td>{i.name}</td>
                <td>{i.companyName || i.companyId}</td>
                <td>{i.apiUser}</td>
                <td>
                  <span className={`bulk-state bulk-${i.state}`}>{BULK_STATE_LABELS[i.state]}</span>
                  {i.reason && <span className="sub"> — {i.reason}</span>}
                </td>
                <td>
                  {(i.state === 'failed' || i.state === 'skipped') && (
                    <button type="button" aria-label={`Retry ${i.name}`} onClick={() => void act(() => api.bulkRetry(i.profileId))}>
                      Retry
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="dialog-actions">
        <button type="button" onClick={() => void act(async () => download(await api.exportBulkSummary()))}>
          Export summary (CSV)
        </button>
        {!active && (
          <button type="button" onClick={() => void act(() => api.bulkDiscard())}>
            {run.finished ? 'Discard and start anew' : 'Discard this run'}
          </button>
        )}
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </>
  );
}
