import type { SeveraUserView, SeveraVerdictView } from '../../../../shared/severa-panel';
import { EmailText } from './EmailText';
import { MATCH_LABELS, REASONS } from './reasons';

export function ReasonBadge({ reason }: { reason: SeveraVerdictView['reason'] }) {
  return <span className={`reason-badge tone-${REASONS[reason].tone}`}>{REASONS[reason].label}</span>;
}

const where = (row: number | null, id: string | null = null): string | null => (row !== null ? `row ${row}` : id ? `id ${id}` : null);

function SeveraFacts({ user }: { user: SeveraUserView }) {
  const about = [user.name, where(user.row, user.id), user.active === false ? 'inactive' : user.active === null ? 'activity unknown' : 'active'].filter(Boolean);
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
  const { azets, severa } = verdict;
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
              {(azets.name || azets.row !== null) && <span className="sub">({[azets.name, where(azets.row)].filter(Boolean).join(', ')})</span>}
              {notInAzetsList && <span className="sub"> — not in the loaded Azets Work list</span>}
            </>
          ) : (
            '—'
          )}
        </dd>
        <dt>Severa</dt>
        <dd>
          {severa ? <SeveraFacts user={severa} /> : '—'}
          {severa && verdict.match && verdict.match !== 'exact' && <span className="sub"> — {MATCH_LABELS[verdict.match]}</span>}
        </dd>
        {verdict.also.length > 0 && (
          <>
            <dt>Also</dt>
            <dd className="also">
              {verdict.also.map((reason) => (
                <ReasonBadge key={reason} reason={reason} />
              ))}
            </dd>
          </>
        )}
      </dl>
      <h4>Why</h4>
      <p>{verdict.detail}</p>
      <h4>What to do</h4>
      {/* An OK fix says where to turn when login still fails (the connection: customer service): make it stand out. */}
      <p className={verdict.reason === 'OK' ? 'ok-note' : undefined}>{verdict.fix}</p>
      {verdict.otherCandidates.length > 0 && (
        <>
          <h4>Other Severa users it may be</h4>
          <ul className="candidates">
            {verdict.otherCandidates.map((candidate) => (
              <li key={`${candidate.user.email}-${candidate.user.row ?? candidate.user.id}`}>
                <SeveraFacts user={candidate.user} /> <span className="sub">— {MATCH_LABELS[candidate.kind]}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
