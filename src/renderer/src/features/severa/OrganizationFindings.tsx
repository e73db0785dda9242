import type { OrganizationFinding } from '../../../../shared/severa-check';

const toneOf = (finding: OrganizationFinding): 'bad' | 'unknown' | 'ok' => (finding.reason ? 'bad' : finding.state === 'unknown' ? 'unknown' : 'ok');
const MARK = { bad: '✗', unknown: '?', ok: '✓' } as const;
const STATE = { bad: 'Blocks everyone', unknown: 'Not checked', ok: 'Fine' } as const;

/** The organization-wide findings, once, above the users: a bad one is every user's reason too. */
export function OrganizationFindings({ findings }: { findings: readonly OrganizationFinding[] }) {
  return (
    <section className="org-findings" aria-labelledby="org-findings-title">
      <h3 id="org-findings-title" className="visually-hidden">
        Organization-wide findings
      </h3>
      <ul>
        {findings.map((finding) => {
          const tone = toneOf(finding);
          return (
            <li key={finding.topic} className={`org-finding org-${tone}`}>
              <span className="org-mark" aria-hidden="true">
                {MARK[tone]}
              </span>
              <span className="visually-hidden">{STATE[tone]}: </span>
              <span>
                {finding.detail}
                {tone !== 'ok' && <span className="org-fix"> {finding.fix}</span>}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
