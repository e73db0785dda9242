import { type FormEvent, useState } from 'react';
import { api, messageOf } from '../../api';
import type { SeveraLiveCheck } from '../../../../shared/severa-panel';
import { EmailText } from './EmailText';
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
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
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
      setError(messageOf(thrown));
    } finally {
      setChecking(false);
    }
  };

  return (
    <section className="aside-card" aria-labelledby="quick-check-title">
      <h3 id="quick-check-title">Quick check</h3>
      <form className="quick-form" onSubmit={(event) => void submit(event)}>
        <label htmlFor="quick-email" className="visually-hidden">
          Email address to check
        </label>
        <input
          id="quick-email"
          type="text"
          inputMode="email"
          spellCheck={false}
          autoComplete="off"
          placeholder="Email address to check"
          value={email}
          disabled={!enabled}
          onChange={(e) => setEmail(e.target.value)}
        />
        <button type="submit" disabled={!enabled || email === '' || checking}>
          Check
        </button>
      </form>
      {!enabled && <p className="hint">Load the Severa users to check an address.</p>}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {withResult && <QuickResult />}
    </section>
  );
}

/** What Severa's API said about the address just now, beside the verdict from the list read earlier. */
function LiveAnswer({ email, live }: { email: string; live: SeveraLiveCheck }) {
  if (live.error) return <p className="live-check">Severa could not be asked about this address just now: {live.error}</p>;
  if (live.users.length === 0) return <p className="live-check">Severa, asked just now, has no user with this address.</p>;
  return (
    <p className="live-check">
      Severa, asked just now, has{' '}
      {live.users.map((user, i) => (
        <span key={i}>
          {i > 0 && ', '}
          <EmailText email={user.email} />
          {user.active === false ? ' (inactive)' : ''}
        </span>
      ))}
      {live.exact ? '.' : <>: not exactly <q>{email}</q>.</>}
    </p>
  );
}

/** The quick check's answer, in a live region so a screen reader hears it arrive. */
export function QuickResult() {
  const quick = useSeveraStore((s) => s.quick);
  const setQuick = useSeveraStore((s) => s.setQuick);
  return (
    <div role="status" aria-label="Quick check result">
      {quick && (
        <>
          <p className="quick-head">
            <span>
              Quick check of <q>{quick.email}</q>
            </span>
            <button type="button" className="link-button" onClick={() => setQuick(null)}>
              Clear
            </button>
          </p>
          {quick.verdict.live && <LiveAnswer email={quick.email} live={quick.verdict.live} />}
          <VerdictDetails verdict={quick.verdict} notInAzetsList={quick.verdict.azets?.row === null} />
        </>
      )}
    </div>
  );
}
