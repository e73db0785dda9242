import { useEffect, useRef, useState } from 'react';
import { BULK_STATE_LABELS, type BulkRun } from '../../../../shared/bulk';
import { api, messageOf } from '../../api';
import { download } from '../../components/files';

/** One login at a time: who is next, progress ("4 of 23"), skip, retry, pause, cancel, and the summary. */
export function BulkRunner({ run, onClose }: { run: BulkRun; onClose(): void }) {
  const [auto, setAuto] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = run.items.some((i) => i.state === 'running');
  const item = run.current === -1 ? undefined : run.items[run.current];
  const handled = run.items.filter((i) => i.state === 'connected' || i.state === 'skipped' || i.state === 'failed').length;
  const counts = {
    connected: run.items.filter((i) => i.state === 'connected').length,
    skipped: run.items.filter((i) => i.state === 'skipped').length,
    failed: run.items.filter((i) => i.state === 'failed').length,
  };
  const openButton = useRef<HTMLButtonElement>(null);

  const act = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const autoRef = useRef(auto);
  useEffect(() => {
    autoRef.current = auto;
  }, [auto]);

  /** Runs the next login; with "by itself" on, goes on until the end, a pause, or a cancelled login. */
  const next = (from: BulkRun) =>
    act(async () => {
      let latest = from;
      for (;;) {
        const id = latest.items[latest.current]?.profileId;
        latest = await api.bulkReconnectNext();
        const cancelled = latest.items.find((i) => i.profileId === id)?.state === 'pending';
        if (!autoRef.current || latest.current === -1 || cancelled) return;
      }
    });

  useEffect(() => {
    if (!running) openButton.current?.focus();
  }, [running, item?.profileId]);

  return (
    <>
      <div className="bulk-progress">
        <progress max={run.items.length} value={handled} aria-label="Bulk reconnect progress" />
        <span aria-live="polite">
          {item ? `${run.current + 1} of ${run.items.length}` : `Done: ${run.items.length} of ${run.items.length}`}
        </span>
      </div>

      {item ? (
        <section className="bulk-current" aria-label={running ? 'Logging in now' : 'Next login'}>
          <p className="bulk-current-title">{running ? 'Logging in now:' : 'Next:'} {item.name}</p>
          <dl className="facts">
            <dt>Company</dt>
            <dd>
              {item.companyName} ({item.companyId})
            </dd>
            <dt>Log in as</dt>
            <dd>{item.apiUser}</dd>
          </dl>
          <div className="dialog-actions left">
            <button ref={openButton} type="button" className="primary" disabled={running} onClick={() => void next(run)}>
              Open login
            </button>
            <button type="button" onClick={() => void act(() => api.bulkSkip())}>
              Skip
            </button>
            {running && (
              <button type="button" onClick={() => void act(() => api.bulkCancel()).then(() => setAuto(false))}>
                Cancel login
              </button>
            )}
            <label className="inline-check">
              <input
                type="checkbox"
                checked={auto}
                onChange={(e) => {
                  setAuto(e.target.checked);
                  autoRef.current = e.target.checked;
                  if (e.target.checked && !running) void next(run);
                }}
              />
              Open the next login by itself
            </label>
            {auto && (
              <button
                type="button"
                onClick={() => {
                  setAuto(false);
                  autoRef.current = false;
                }}
              >
                Pause after this login
              </button>
            )}
          </div>
        </section>
      ) : (
        <p role="status" className="bulk-summary">
          Finished: {counts.connected} connected, {counts.skipped} skipped, {counts.failed} failed.
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
            {run.items.map((i, index) => (
              <tr key={i.profileId} aria-current={index === run.current ? 'step' : undefined}>
                <td>{i.name}</td>
                <td>{i.companyName || i.companyId}</td>
                <td>{i.apiUser}</td>
                <td>
                  <span className={`bulk-state bulk-${i.state}`}>{BULK_STATE_LABELS[i.state]}</span>
                  {i.reason && <span className="sub"> — {i.reason}</span>}
                </td>
                <td>
                  {(i.state === 'failed' || i.state === 'skipped') && !running && (
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
        {!running && (
          <button type="button" onClick={() => void act(() => api.bulkDiscard())}>
            {item ? 'Discard this run' : 'Discard and start anew'}
          </button>
        )}
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </>
  );
}
