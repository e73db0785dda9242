import type { KnownErrorReport, LogExplanation, Occurrences, ProfileMatchField, UnknownErrorReport } from '../../../../shared/log-explanation';
import { formatTime } from '../../components/files';

const when = (o: Occurrences) =>
  o.firstSeen
    ? o.firstSeen === o.lastSeen
      ? `at ${formatTime(o.firstSeen)}`
      : `from ${formatTime(o.firstSeen)} to ${formatTime(o.lastSeen ?? o.firstSeen)}`
    : `lines ${o.firstLine}–${o.lastLine} (no time in the log)`;

/** How the log named a profile, in words (the JSON report keeps the field names). */
const MATCH_WORDS: Record<ProfileMatchField, string> = {
  id: 'its id',
  name: 'its name',
  companyId: 'its company id',
  companyName: 'its company name',
  sourceName: 'the name DataBridge logs',
};

const times = (n: number) => `${n.toLocaleString('en')} time${n === 1 ? '' : 's'}`;

function Where({ o }: { o: Occurrences }) {
  // Visma's per-request error ids ("12002_12002_<guid>") are for Visma's support, not companies.
  const errorIds = o.companies.filter((c) => c.label === 'visma-error-id');
  const companies = o.companies.filter((c) => c.label !== 'visma-error-id');
  return (
    <>
      {o.endpoints.length > 0 && (
        <p>
          <strong>Endpoints:</strong> {o.endpoints.map((e) => `${e.value} (${e.count})`).join(', ')}
          {o.moreEndpoints > 0 && `, and ${o.moreEndpoints} more`}
        </p>
      )}
      {companies.length > 0 && (
        <p>
          <strong>Companies:</strong> {companies.map((c) => `${c.label} ${c.value} (${c.count})`).join(', ')}
          {o.moreCompanies > 0 && `, and ${o.moreCompanies} more`}
        </p>
      )}
      {errorIds.length > 0 && (
        <p>
          <strong>Visma error ids:</strong> {errorIds.map((c) => `${c.value} (${c.count})`).join(', ')}
          {companies.length === 0 && o.moreCompanies > 0 && `, and ${o.moreCompanies} more`}
        </p>
      )}
      <details>
        <summary>Sample lines</summary>
        {o.samples.map((s, i) => (
          <pre key={i} className="log-sample">
            {`line ${s.line}${s.time ? ` · ${formatTime(s.time)}` : ''}\n${s.text}`}
          </pre>
        ))}
      </details>
    </>
  );
}

function KnownError({ error }: { error: KnownErrorReport }) {
  return (
    <article className="explained" aria-label={error.title} data-code={error.code}>
      <h4>
        {error.title}
        {!error.title.includes(error.code) && <span className="sub"> ({error.code})</span>}
      </h4>
      <p className="sub">
        Seen {times(error.count)}, {when(error)}
      </p>
      <p>{error.meaning}</p>
      <p>
        <strong>What to do:</strong> {error.whatToDo}
      </p>
      <Where o={error} />
    </article>
  );
}

function UnknownError({ error }: { error: UnknownErrorReport }) {
  return (
    <article className="explained unknown" aria-label={`Unknown: ${error.signature}`}>
      <h4>
        Unknown error{error.faultCode ? ` (fault code ${error.faultCode})` : ''}
      </h4>
      <p className="sub">
        Seen {times(error.count)}, {when(error)}
      </p>
      <p className="log-signature">{error.signature}</p>
      <Where o={error} />
    </article>
  );
}

/** The report: known errors with what to do, unknown ones as unknown, and the profiles they touch. */
export function ExplanationView({ report, onReconnect }: { report: LogExplanation; onReconnect(profileIds: string[]): void }) {
  const reconnect = report.reconnectProfileIds;
  const titles = new Map(report.known.map((e) => [e.kind, e.title]));
  return (
    <div className="explanation">
      <p role="status">
        {report.source}: {report.lines.toLocaleString('en')} lines, {report.errorEntries.toLocaleString('en')} with an error —{' '}
        {report.known.length} known kind{report.known.length === 1 ? '' : 's'}
        {report.unknown.length > 0 && `, ${report.unknown.length} unknown`}.
      </p>
      {report.notes.map((note, i) => (
        <p key={i} className="hint">
          {note}
        </p>
      ))}
      {report.findings.map((f) => (
        <section key={f.kind} aria-label={f.title} className="explained finding" role="note">
          <h3>{f.title}</h3>
          <p className="sub">
            In {times(f.count)} error line{f.count === 1 ? '' : 's'}, first at line {f.firstLine}
          </p>
          <p>{f.meaning}</p>
          <p>
            <strong>What to do:</strong> {f.whatToDo}
          </p>
        </section>
      ))}
      {report.profiles.length > 0 && (
        <section aria-label="Profiles named near the errors" className="explained-profiles">
          <h3>Profiles named near the errors</h3>
          <table className="simple-table">
            <thead>
              <tr>
                <th scope="col">Profile</th>
                <th scope="col">Company</th>
                <th scope="col">Errors</th>
                <th scope="col">Recognised by</th>
              </tr>
            </thead>
            <tbody>
              {report.profiles.map((p) => (
                <tr key={p.profileId}>
                  <td>{p.name}</td>
                  <td>
                    {p.companyName} ({p.companyId})
                  </td>
                  <td>
                    {p.errorEntries} ({[...p.kinds.map((k) => titles.get(k) ?? k), ...(p.unknownEntries ? ['unknown errors'] : [])].join(', ')})
                  </td>
                  <td>{p.matchedBy.map((field) => MATCH_WORDS[field]).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {reconnect.length > 0 && (
            <button type="button" className="primary" onClick={() => onReconnect(reconnect)}>
              Reconnect these {reconnect.length} profile{reconnect.length === 1 ? '' : 's'}…
            </button>
          )}
        </section>
      )}
      {report.known.length === 0 && report.unknown.length === 0 && <p>No Visma error was found.</p>}
      {report.known.length > 0 && (
        <section aria-label="Known Visma errors">
          <h3>Known Visma errors</h3>
          {report.known.map((e) => (
            <KnownError key={e.kind} error={e} />
          ))}
        </section>
      )}
      {report.unknown.length > 0 && (
        <section aria-label="Unknown errors">
          <h3>Unknown errors</h3>
          <p className="hint">Lines that look like errors but are none of the known Visma errors. They are listed, not guessed at.</p>
          {report.unknown.map((e, i) => (
            <UnknownError key={i} error={e} />
          ))}
          {report.unknownNotListed > 0 && <p>…and {report.unknownNotListed.toLocaleString('en')} more unknown error lines.</p>}
        </section>
      )}
    </div>
  );
}
