import { useEffect, useRef, useState } from 'react';
import { type BulkItem, type BulkRun, bulkStateKey } from '../../../../shared/bulk';
import { reauthStepKey } from '../../../../shared/reauth';
import { api } from '../../api';
import { download } from '../../components/files';
import { useErrorText, useI18n } from '../../i18n/I18nProvider';
import { useAppStore } from '../../state/app-store';
import { ActiveBrowserLogin } from '../browser-login/ActiveBrowserLogin';
import { PortalPromptView } from '../reauth/PortalPromptView';

/**
 * One login at a time, as main runs it: this dialog only shows main's state and sends commands that
 * name the profile they are meant for (a click that arrives after its login ended is refused by main,
 * never applied to the next profile).
 */
export function BulkRunner({ run, onClose }: { run: BulkRun; onClose(): void }) {
  const [error, setError] = useState<string | null>(null);
  const { t, text } = useI18n();
  const errorText = useErrorText();
  /** The box follows a click at once; main's answer (the same value, or a refusal) takes over. */
  const [autoWanted, setAutoWanted] = useState<boolean | null>(null);
  const steps = useAppStore((s) => s.reauthSteps);
  const active = run.items.find((i) => i.profileId === run.active);
  const next = run.items.find((i) => i.profileId === run.next);
  const shown: BulkItem | undefined = active ?? next;
  const handled = run.counts.connected + run.counts.unconfirmed + run.counts.skipped + run.counts.failed;
  const activeProfile = useAppStore((s) => (active ? s.profiles.get(active.profileId) : undefined));
  const activePortal = useAppStore((s) => (activeProfile?.connection === 'portal' ? s.portals.find((p) => p.id === activeProfile.portalId) : undefined));
  const openButton = useRef<HTMLButtonElement>(null);

  const act = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorText(e));
    }
  };

  useEffect(() => {
    if (!run.active) openButton.current?.focus();
  }, [run.active, run.next]);

  const step = active && steps.get(active.profileId);
  return (
    <>
      <div className="bulk-progress">
        <progress max={run.counts.total} value={handled} aria-label={t('bulk.runner.progress')} />
        <span aria-live="polite">
          {run.finished ? t('bulk.runner.done', { handled, total: run.counts.total }) : t('bulk.runner.position', { position: handled + 1, total: run.counts.total })}
        </span>
      </div>

      {shown ? (
        <section className="bulk-current" aria-label={t(active ? 'bulk.runner.now-region' : 'bulk.runner.next-region')}>
          <p className="bulk-current-title">
            {t(active ? 'bulk.runner.now' : 'bulk.runner.next', { name: shown.name })}
          </p>
          <dl className="facts">
            <dt>{t('bulk.runner.company')}</dt>
            <dd>
              {shown.companyName} ({shown.companyId})
            </dd>
            <dt>{t('bulk.runner.log-in-as')}</dt>
            <dd>{shown.apiUser}</dd>
            {active && step && (
              <>
                <dt>{t('bulk.runner.step')}</dt>
                <dd>{t(reauthStepKey(step))}</dd>
              </>
            )}
          </dl>
          {active && step && <ActiveBrowserLogin profileId={active.profileId} step={step} />}
          {active && <PortalPromptView profileId={active.profileId} target={activePortal?.name ?? ''} />}
          <div className="dialog-actions left">
            {!active && (
              <button ref={openButton} type="button" className="primary" onClick={() => void act(() => api.bulkOpen(shown.profileId))}>
                {t('bulk.runner.open')}
              </button>
            )}
            <button type="button" aria-label={t('bulk.runner.skip-label', { name: shown.name })} onClick={() => void act(() => api.bulkSkip(shown.profileId))}>
              {t('bulk.runner.skip')}
            </button>
            {active && (
              <button type="button" onClick={() => void act(() => api.bulkCancel(active.profileId))}>
                {t('bulk.runner.cancel')}
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
              {t('bulk.runner.auto')}
            </label>
            {run.auto && active && (
              <button type="button" onClick={() => void act(() => api.bulkSetAuto(false))}>
                {t('bulk.runner.pause')}
              </button>
            )}
          </div>
        </section>
      ) : (
        <p role="status" className="bulk-summary">
          {t('bulk.runner.finished', { connected: run.counts.connected, unconfirmed: run.counts.unconfirmed, skipped: run.counts.skipped, failed: run.counts.failed })}
        </p>
      )}
      {!active && run.counts.unconfirmed > 0 && <p className="hint">{t('bulk.runner.unconfirmed-offer', { count: run.counts.unconfirmed })}</p>}

      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}

      <div className="scroll-box">
        <table className="simple-table" aria-label={t('bulk.runner.table')}>
          <thead>
            <tr>
              <th scope="col">{t('bulk.runner.col.profile')}</th>
              <th scope="col">{t('bulk.runner.col.company')}</th>
              <th scope="col">{t('bulk.runner.col.user')}</th>
              <th scope="col">{t('bulk.runner.col.result')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('bulk.runner.col.actions')}</span>
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
                  <span className={`bulk-state bulk-${i.state}`}>{t(bulkStateKey(i.state))}</span>
                  {(i.reasonWords || i.reason) && <span className="sub"> — {i.reasonWords ? text(i.reasonWords) : i.reason}</span>}
                </td>
                <td>
                  {i.state === 'unconfirmed' && !active && (
                    <button type="button" aria-label={t('bulk.runner.confirm-label', { name: i.name })} onClick={() => void act(() => api.bulkConfirm(i.profileId))}>
                      {t('bulk.runner.confirm')}
                    </button>
                  )}
                  {(i.state === 'failed' || i.state === 'skipped' || i.state === 'unconfirmed') && (
                    <button type="button" aria-label={t('bulk.runner.retry-label', { name: i.name })} onClick={() => void act(() => api.bulkRetry(i.profileId))}>
                      {t('bulk.runner.retry')}
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
          {t('bulk.runner.export')}
        </button>
        {!active && (
          <button type="button" onClick={() => void act(() => api.bulkDiscard())}>
            {t(run.finished ? 'bulk.runner.discard-finished' : 'bulk.runner.discard')}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t('bulk.runner.close')}
        </button>
      </div>
    </>
  );
}
