import type { KnownErrorReport, LogExplanation, Occurrences, ProfileMatchField, UnknownErrorReport } from '../../../../shared/log-explanation';
import type { Translator } from '../../../../shared/i18n/translator';
import { useI18n } from '../../i18n/I18nProvider';

/** A time the log gave: with its zone when it had one, as written otherwise (read in the reader's locale). */
const timeOf = (iso: string, { date }: Translator) => date(iso, { dateStyle: 'medium', timeStyle: 'medium' });

const when = (o: Occurrences, translator: Translator) => {
  const { t } = translator;
  if (!o.firstSeen) return t('explainer.view.lines-no-time', { first: o.firstLine, last: o.lastLine });
  if (o.firstSeen === o.lastSeen) return t('explainer.view.at', { time: timeOf(o.firstSeen, translator) });
  return t('explainer.view.from-to', { first: timeOf(o.firstSeen, translator), last: timeOf(o.lastSeen ?? o.firstSeen, translator) });
};

/** How the log named a profile, in words (the JSON report keeps the field names). */
const MATCH_KEYS: Record<ProfileMatchField, `explainer.match.${ProfileMatchField}`> = {
  id: 'explainer.match.id',
  name: 'explainer.match.name',
  companyId: 'explainer.match.companyId',
  companyName: 'explainer.match.companyName',
  sourceName: 'explainer.match.sourceName',
};

function Where({ o }: { o: Occurrences }) {
  const translator = useI18n();
  const { t, number } = translator;
  // Visma's per-request error ids ("12002_12002_<guid>") are for Visma's support, not companies.
  const errorIds = o.companies.filter((c) => c.label === 'visma-error-id');
  const companies = o.companies.filter((c) => c.label !== 'visma-error-id');
  return (
    <>
      {o.endpoints.length > 0 && (
        <p>
          <strong>{t('explainer.view.endpoints')}</strong> {o.endpoints.map((e) => `${e.value} (${number(e.count)})`).join(', ')}
          {o.moreEndpoints > 0 && t('explainer.view.and-more', { count: o.moreEndpoints })}
        </p>
      )}
      {companies.length > 0 && (
        <p>
          <strong>{t('explainer.view.companies')}</strong> {companies.map((c) => t('explainer.view.company-mention', { label: c.label === 'company' ? t('explainer.view.company-word') : c.label, value: c.value, count: c.count })).join(', ')}
          {o.moreCompanies > 0 && t('explainer.view.and-more', { count: o.moreCompanies })}
        </p>
      )}
      {errorIds.length > 0 && (
        <p>
          <strong>{t('explainer.view.error-ids')}</strong> {errorIds.map((c) => `${c.value} (${number(c.count)})`).join(', ')}
          {companies.length === 0 && o.moreCompanies > 0 && t('explainer.view.and-more', { count: o.moreCompanies })}
        </p>
      )}
      <details>
        <summary>{t('explainer.view.samples')}</summary>
        {o.samples.map((s, i) => (
          <pre key={i} className="log-sample">
            {`${t('explainer.view.sample-line', { line: s.line })}${s.time ? ` · ${timeOf(s.time, translator)}` : ''}\n${s.text}`}
          </pre>
        ))}
      </details>
    </>
  );
}

function KnownError({ error }: { error: KnownErrorReport }) {
  const translator = useI18n();
  const { t, text } = translator;
  const title = text(error.title);
  return (
    <article className="explained" aria-label={title} data-code={error.code}>
      <h4>
        {title}
        {!title.includes(error.code) && <span className="sub"> ({error.code})</span>}
      </h4>
      <p className="sub">{t('explainer.view.seen', { count: error.count, when: when(error, translator) })}</p>
      <p>{text(error.meaning)}</p>
      <p>
        <strong>{t('explainer.view.what-to-do')}</strong> {text(error.whatToDo)}
      </p>
      <Where o={error} />
    </article>
  );
}

function UnknownError({ error }: { error: UnknownErrorReport }) {
  const translator = useI18n();
  const { t } = translator;
  return (
    <article className="explained unknown" aria-label={t('explainer.view.unknown-label', { signature: error.signature })}>
      <h4>{error.faultCode ? t('explainer.view.unknown-title.code', { code: error.faultCode }) : t('explainer.view.unknown-title')}</h4>
      <p className="sub">{t('explainer.view.seen', { count: error.count, when: when(error, translator) })}</p>
      <p className="log-signature">{error.signature}</p>
      <Where o={error} />
    </article>
  );
}

/** The report: known errors with what to do, unknown ones as unknown, and the profiles they touch. */
export function ExplanationView({ report, onReconnect }: { report: LogExplanation; onReconnect(profileIds: string[]): void }) {
  const { t, text } = useI18n();
  const reconnect = report.reconnectProfileIds;
  const titles = new Map(report.known.map((e) => [e.kind, text(e.title)]));
  return (
    <div className="explanation">
      <p role="status">
        {t('explainer.view.summary', { source: report.source, lines: report.lines, errors: report.errorEntries, known: report.known.length, unknown: report.unknown.length })}
      </p>
      {report.notes.map((note, i) => (
        // Reports saved before words were data carry notes as text.
        <p key={i} className="hint">
          {typeof note === 'string' ? note : text(note)}
        </p>
      ))}
      {report.findings.map((f) => (
        <section key={f.kind} aria-label={text(f.title)} className="explained finding" role="note">
          <h3>{text(f.title)}</h3>
          <p className="sub">{t('explainer.view.finding-where', { count: f.count, line: f.firstLine })}</p>
          <p>{text(f.meaning)}</p>
          <p>
            <strong>{t('explainer.view.what-to-do')}</strong> {text(f.whatToDo)}
          </p>
        </section>
      ))}
      {report.profiles.length > 0 && (
        <section aria-label={t('explainer.view.profiles')} className="explained-profiles">
          <h3>{t('explainer.view.profiles')}</h3>
          <table className="simple-table">
            <thead>
              <tr>
                <th scope="col">{t('explainer.view.col.profile')}</th>
                <th scope="col">{t('explainer.view.col.company')}</th>
                <th scope="col">{t('explainer.view.col.errors')}</th>
                <th scope="col">{t('explainer.view.col.recognised')}</th>
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
                    {p.errorEntries} ({[...p.kinds.map((k) => titles.get(k) ?? k), ...(p.unknownEntries ? [t('explainer.view.unknown-errors-word')] : [])].join(', ')})
                  </td>
                  <td>{p.matchedBy.map((field) => t(MATCH_KEYS[field])).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {reconnect.length > 0 && (
            <button type="button" className="primary" onClick={() => onReconnect(reconnect)}>
              {t('explainer.view.reconnect', { count: reconnect.length })}
            </button>
          )}
        </section>
      )}
      {report.known.length === 0 && report.unknown.length === 0 && <p>{t('explainer.view.none')}</p>}
      {report.known.length > 0 && (
        <section aria-label={t('explainer.view.known')}>
          <h3>{t('explainer.view.known')}</h3>
          {report.known.map((e) => (
            <KnownError key={e.kind} error={e} />
          ))}
        </section>
      )}
      {report.unknown.length > 0 && (
        <section aria-label={t('explainer.view.unknown')}>
          <h3>{t('explainer.view.unknown')}</h3>
          <p className="hint">{t('explainer.view.unknown-hint')}</p>
          {report.unknown.map((e, i) => (
            <UnknownError key={i} error={e} />
          ))}
          {report.unknownNotListed > 0 && <p>{t('explainer.view.unknown-more', { count: report.unknownNotListed })}</p>}
        </section>
      )}
    </div>
  );
}
