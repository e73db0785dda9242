import { type FormEvent, useState } from 'react';
import { api } from '../../api';
import type { Phrase } from '../../../../shared/severa-words';
import type { SeveraLiveCheck } from '../../../../shared/severa-panel';
import { EmailText } from './EmailText';
import { errorWords, useSeveraWords } from './reasons';
import { useSeveraStore } from './severa-store';
import { VerdictDetails } from './VerdictDetails';

interface QuickCheckProps {
  enabled: boolean;
  /** Show the answer here (before any check has run); otherwise the details beside the list show it. */
  withResult?: boolean;
}

/** One address against the loaded lists: what a user asking "why can't I get in?" gets told. */
export function QuickCheck({ enabled, withResult }: QuickCheckProps) {
  const setQuick = useSeveraStore((s) => s.setQuick);
  const words = useSeveraWords();
  const { t } = words;
  const [email, setEmail] = useState('');
  const [error, setError] = useState<Phrase | null>(null);
  const [checking, setChecking] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (email === '') return;
    setChecking(true);
    setError(null);
    try {
      setQuick({ email, verdict: await api.checkSeveraEmail(email) });
    } catch (thrown) {
      setQuick(null);
      setError(errorWords(thrown));
    } finally {
      setChecking(false);
    }
  };

  return (
    <section className="aside-card" aria-labelledby="quick-check-title">
      <h3 id="quick-check-title">{t('severa.panel.quick.title')}</h3>
      <form className="quick-form" onSubmit={(event) => void submit(event)}>
        <label htmlFor="quick-email" className="visually-hidden">
          {t('severa.panel.quick.email')}
        </label>
        <input
          id="quick-email"
          type="text"
          inputMode="email"
          spellCheck={false}
          autoComplete="off"
          placeholder={t('severa.panel.quick.email')}
          value={email}
          disabled={!enabled}
          onChange={(e) => setEmail(e.target.value)}
        />
        <button type="submit" disabled={!enabled || email === '' || checking}>
          {t('severa.panel.quick.check')}
        </button>
      </form>
      {!enabled && <p className="hint">{t('severa.panel.quick.needsSevera')}</p>}
      {error && (
        <p role="alert" className="form-error">
          {words.say(error)}
        </p>
      )}
      {withResult && <QuickResult />}
    </section>
  );
}

/** What Severa's API said about the address just now, beside the verdict from the list read earlier. */
function LiveAnswer({ email, live }: { email: string; live: SeveraLiveCheck }) {
  const words = useSeveraWords();
  const { t } = words;
  if (live.error) return <p className="live-check">{t('severa.panel.live.failed', { error: words.say(live.error) })}</p>;
  if (live.users.length === 0) return <p className="live-check">{t('severa.panel.live.none')}</p>;
  return (
    <p className="live-check">
      {t('severa.panel.live.has')}{' '}
      {live.users.map((user, i) => (
        <span key={i}>
          {i > 0 && ', '}
          <EmailText email={user.email} />
          {user.active === false ? ` (${t('severa.panel.activity', { active: 'no' })})` : ''}
        </span>
      ))}
      {live.exact ? '.' : <>{t('severa.panel.live.notExactly', { email })}</>}
    </p>
  );
}

/** The quick check's answer, in a live region so a screen reader hears it arrive. */
export function QuickResult() {
  const quick = useSeveraStore((s) => s.quick);
  const setQuick = useSeveraStore((s) => s.setQuick);
  const { t } = useSeveraWords();
  return (
    <div role="status" aria-label={t('severa.panel.quick.result')}>
      {quick && (
        <>
          <p className="quick-head">
            <span>{t('severa.panel.quick.of', { email: quick.email })}</span>
            <button type="button" className="link-button" onClick={() => setQuick(null)}>
              {t('severa.panel.quick.clear')}
            </button>
          </p>
          {quick.verdict.live && <LiveAnswer email={quick.email} live={quick.verdict.live} />}
          <VerdictDetails verdict={quick.verdict} notInAzetsList={quick.verdict.azets?.row === null} />
        </>
      )}
    </div>
  );
}
