import type { SeveraUserView, SeveraVerdictView } from '../../../../shared/severa-panel';
import { EmailText } from './EmailText';
import { useSeveraWords } from './reasons';

type Words = ReturnType<typeof useSeveraWords>;

export function ReasonBadge({ reason }: { reason: SeveraVerdictView['reason'] }) {
  const words = useSeveraWords();
  const { label, tone } = words.reason(reason);
  return <span className={`reason-badge tone-${tone}`}>{label}</span>;
}

const where = (words: Words, row: number | null, id: string | null = null): string | null =>
  row !== null ? words.t('severa.where.row', { row }) : id ? words.t('severa.where.id', { id }) : null;

function SeveraFacts({ user }: { user: SeveraUserView }) {
  const words = useSeveraWords();
  const activity = words.t('severa.panel.activity', { active: user.active === false ? 'no' : user.active === null ? 'unknown' : 'yes' });
  const about = [user.name, where(words, user.row, user.id), activity].filter((part): part is string => Boolean(part));
  return (
    <>
      <EmailText email={user.email} /> <span className="sub">({about.join(', ')})</span>
    </>
  );
}

interface VerdictDetailsProps {
  verdict: SeveraVerdictView;
  /** The quick check of an address that is not in the Azets Work list: say so. */
  notInAzetsList?: boolean;
}

/** One verdict in full: who, the reason and the others that apply, the evidence, and the fix. */
export function VerdictDetails({ verdict, notInAzetsList }: VerdictDetailsProps) {
  const words = useSeveraWords();
  const { azets, severa } = verdict;
  const { t } = words;
  return (
    <div className="verdict-details">
      <p className="verdict-reason">
        <ReasonBadge reason={verdict.reason} />
      </p>
      <dl className="facts">
        <dt>Azets Work</dt>
        <dd>
          {azets ? (
            <>
              <EmailText email={azets.email} />{' '}
              {(azets.name || azets.row !== null) && (
                <span className="sub">({[azets.name, where(words, azets.row)].filter(Boolean).join(', ')})</span>
              )}
              {notInAzetsList && <span className="sub"> — {t('severa.panel.details.notInAzetsList')}</span>}
            </>
          ) : (
            '—'
          )}
        </dd>
        <dt>Severa</dt>
        <dd>
          {severa ? <SeveraFacts user={severa} /> : '—'}
          {severa && verdict.match && verdict.match !== 'exact' && <span className="sub"> — {words.match(verdict.match)}</span>}
        </dd>
        {verdict.also.length > 0 && (
          <>
            <dt>{t('severa.panel.details.also')}</dt>
            <dd className="also">
              {verdict.also.map((reason) => (
                <ReasonBadge key={reason} reason={reason} />
              ))}
            </dd>
          </>
        )}
      </dl>
      <h4>{t('severa.panel.details.why')}</h4>
      <p>{words.all(verdict.detail)}</p>
      <h4>{t('severa.panel.details.whatToDo')}</h4>
      {/* An OK fix says where to turn when login still fails (the connection: customer service): make it stand out. */}
      {verdict.fix.length > 1 ? (
        <ol className="fix-steps">
          {verdict.fix.map((step, i) => (
            <li key={i}>{words.say(step)}</li>
          ))}
        </ol>
      ) : (
        <p className={verdict.reason === 'OK' ? 'ok-note' : undefined}>{words.steps(verdict.fix)}</p>
      )}
      {verdict.otherCandidates.length > 0 && (
        <>
          <h4>{t('severa.panel.details.otherCandidates')}</h4>
          <ul className="candidates">
            {verdict.otherCandidates.map((candidate) => (
              <li key={`${candidate.user.email}-${candidate.user.row ?? candidate.user.id}`}>
                <SeveraFacts user={candidate.user} /> <span className="sub">— {words.match(candidate.kind)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
