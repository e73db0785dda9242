import { useCallback, useEffect, useState } from 'react';
import type { ReleaseNotes, UpdateState } from '../../../../shared/updates';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { useErrorText, useI18n } from '../../i18n/I18nProvider';

/**
 * Auto-update in the window (issue 25): a notice once an update is downloaded and verified ("Restart
 * now", or it is installed on quit) and while a restart waits for a login, a portal reconnect or a
 * bulk run; the About box (version, channel, the last check's words, Check for updates) that
 * Help ▸ Check for updates… and About open; and, once after an update, what changed.
 */
export function Updates() {
  const { t, text } = useI18n();
  const errorText = useErrorText();
  const [state, setState] = useState<UpdateState | null>(null);
  const [about, setAbout] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [notes, setNotes] = useState<ReleaseNotes | null>(null);

  const check = useCallback(() => {
    setProblem(null);
    api.checkForUpdates().then(setState, (error: unknown) => setProblem(errorText(error)));
  }, [errorText]);

  useEffect(() => {
    let live = true;
    void api.getUpdateState().then((s) => live && setState(s), () => undefined);
    void api.getReleaseNotes().then((n) => live && setNotes(n), () => undefined);
    const off = api.onEvent((event) => {
      if (event.type === 'update-changed') setState(event.update);
      if (event.type !== 'menu-command') return;
      if (event.command === 'about') setAbout(true);
      if (event.command === 'check-updates') {
        setAbout(true);
        check();
      }
    });
    return () => {
      live = false;
      off();
    };
  }, [check]);

  const restart = () => {
    setProblem(null);
    api.restartToUpdate().then(setState, (error: unknown) => setProblem(errorText(error)));
  };

  const closeNotes = () => {
    setNotes(null);
    void api.dismissReleaseNotes().catch(() => undefined);
  };

  const status = state && statusWords(state, t, text);
  const restartButton = (
    <button type="button" className="primary" onClick={restart}>
      {t('updates.restart-now')}
    </button>
  );

  return (
    <>
      {state && (state.phase === 'ready' || state.phase === 'waiting') && !about && (
        <div className="notices">
          <div className="notice notice-info" role="status" data-testid="update-notice">
            <p>{status}</p>
            {state.phase === 'ready' && restartButton}
          </div>
        </div>
      )}
      {about && state && (
        <Dialog title={t('updates.about.title')} onClose={() => setAbout(false)}>
          <p>
            <strong>Bridgekeeper</strong>
            <br />
            <span data-testid="about-version">{t('updates.about.version', { version: state.version })}</span>
            <br />
            <span data-testid="about-channel">{t('updates.about.channel', { channel: state.channel })}</span>
          </p>
          <p role="status" data-testid="update-status">
            {status}
          </p>
          {state.checkedAt && <p>{t('updates.checked-at', { at: new Date(state.checkedAt) })}</p>}
          {problem && <p role="alert">{problem}</p>}
          <div className="dialog-actions">
            {state.phase === 'ready' && restartButton}
            <button type="button" onClick={check} disabled={state.phase === 'off' || state.phase === 'checking' || state.phase === 'downloading'}>
              {t('updates.about.check')}
            </button>
            <button type="button" onClick={() => setAbout(false)}>
              {t('updates.about.close')}
            </button>
          </div>
        </Dialog>
      )}
      {notes && !about && (
        <Dialog title={t('updates.notes.title', { version: notes.version })} onClose={closeNotes}>
          <div lang={notes.language} data-testid="release-notes">
            {blocks(notes.text).map((block, i) =>
              block.kind === 'list' ? (
                <ul key={i}>
                  {block.items.map((item, j) => (
                    <li key={j}>{item}</li>
                  ))}
                </ul>
              ) : (
                <p key={i}>{block.text}</p>
              ),
            )}
          </div>
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={closeNotes} autoFocus>
              {t('updates.notes.close')}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}

type Translate = ReturnType<typeof useI18n>;

/** Where the updater stands, in words. */
export function statusWords(state: UpdateState, t: Translate['t'], text: Translate['text']): string {
  switch (state.phase) {
    case 'off':
      return t('updates.off');
    case 'checking':
      return t('updates.checking');
    case 'downloading':
      return t('updates.downloading', { version: state.available ?? '', percent: state.percent ?? 0 });
    case 'ready':
      return t('updates.ready', { version: state.available ?? '' });
    case 'waiting':
      return t('updates.waiting', { wait: state.waitingFor ?? 'bulk' });
    case 'idle':
    case 'failed':
      return state.words ? text(state.words) : t('updates.idle');
  }
}

type Block = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

/** Release notes' plain text: paragraphs split by blank lines; lines starting "- " are list items. */
export function blocks(notes: string): Block[] {
  return notes
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk): Block => {
      const lines = chunk.split('\n').map((l) => l.trim());
      return lines.every((l) => l.startsWith('- ')) ? { kind: 'list', items: lines.map((l) => l.slice(2)) } : { kind: 'paragraph', text: lines.join(' ') };
    });
}
