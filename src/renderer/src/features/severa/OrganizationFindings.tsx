import type { OrganizationFinding } from '../../../../shared/severa-check';
import { useSeveraWords } from './reasons';

const toneOf = (finding: OrganizationFinding): 'bad' | 'unknown' | 'ok' => (finding.reason ? 'bad' : finding.state === 'unknown' ? 'unknown' : 'ok');
const MARK = { bad: '✗', unknown: '?', ok: '✓' } as const;

/** The organization-wide findings, once, above the users: a bad one is every user's reason too. */
export function OrganizationFindings({ findings }: { findings: readonly OrganizationFinding[] }) {
  const words = useSeveraWords();
  return (
    <section className="org-findings" aria-labelledby="org-findings-title">
      <h3 id="org-findings-title" className="visually-hidden">
        {words.t('severa.panel.org.title')}
      </h3>
      <ul>
        {findings.map((finding) => {
          const tone = toneOf(finding);
          return (
            <li key={finding.topic} className={`org-finding org-${tone}`}>
              <span className="org-mark" aria-hidden="true">
                {MARK[tone]}
              </span>
              <span className="visually-hidden">{words.t('severa.panel.org.state', { tone })} </span>
              <span>
                {words.say(finding.detail)}
                {tone !== 'ok' && <span className="org-fix"> {words.say(finding.fix)}</span>}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
