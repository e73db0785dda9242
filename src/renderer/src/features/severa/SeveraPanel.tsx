import { useEffect, useState } from 'react';
import type { SeveraCheckState } from '../../../../shared/severa-panel';
import { api, messageOf } from '../../api';
import { download } from '../../components/files';
import { OrganizationFindings } from './OrganizationFindings';
import { OrganizationInputs } from './OrganizationInputs';
import { QuickCheck } from './QuickCheck';
import { ReasonSummary } from './ReasonSummary';
import { REASONS, count, plural } from './reasons';
import { SeveraApiSource } from './SeveraApiSource';
import { useSeveraStore } from './severa-store';
import { UserFileSource } from './UserFileSource';
import { VerdictBrowser } from './VerdictTable';
import './severa.css';

/**
 * The Azets Work → Visma Severa login check (F13–F15): the two user lists and the organization's
 * states in, one verdict per user out — counts per reason, a filterable list, each user's fix,
 * a quick check of one address, and the report as CSV or JSON.
 */
export function SeveraPanel() {
  const state = useSeveraStore((s) => s.state);
  const busy = useSeveraStore((s) => s.busy);
  const message = useSeveraStore((s) => s.message);
  const start = useSeveraStore((s) => s.start);
  useEffect(() => start(), [start]);

  return (
    <div className="severa-panel">
      {state ? <Inputs state={state} /> : <p className="hint">Loading…</p>}
      <div className="status-line">
        <p aria-live="polite">{busy ?? (state ? statusOf(state) : '')}</p>
        {message && (
          <p role={message.error ? 'alert' : 'status'} className={message.error ? 'form-error' : 'form-ok'}>
            {message.text}
          </p>
        )}
      </div>
      {state?.result ? <Results state={state} /> : state && <Intro state={state} />}
    </div>
  );
}

function statusOf(state: SeveraCheckState): string {
  const result = state.result;
  if (!result) return state.ready ? '' : 'Load both user lists to run the check.';
  const { totals } = result;
  return `Checked ${plural(totals.azetsUsers, 'Azets Work user')} against ${plural(totals.severaUsers, 'Severa user')} in ${count(result.durationMs)} ms: ${
    totals.failing === 0 ? 'everyone can log in' : `${plural(totals.failing, 'user')} cannot log in`
  }.`;
}

function Inputs({ state }: { state: SeveraCheckState }) {
  const severaFromApi = state.severa.status === 'loaded' && state.severa.source === 'api';
  const [source, setSource] = useState<'file' | 'api' | null>(null);
  const shown = source ?? (severaFromApi ? 'api' : 'file');
  return (
    <div className="severa-inputs">
      <section className="input-card" aria-labelledby="severa-azets-title">
        <h2 id="severa-azets-title">Azets Work users</h2>
        <UserFileSource side="azets" system="Azets Work" list={state.azets} hint="The Azets Work user export, as CSV, with an email column." />
      </section>
      <section className="input-card" aria-labelledby="severa-severa-title">
        <div className="card-head">
          <h2 id="severa-severa-title">Severa users</h2>
          <fieldset className="segmented">
            <legend className="visually-hidden">Read Severa users from</legend>
            {(['file', 'api'] as const).map((value) => (
              <label key={value} className={shown === value ? 'checked' : ''}>
                <input type="radio" name="severa-source" value={value} checked={shown === value} onChange={() => setSource(value)} />
                {value === 'file' ? 'CSV file' : 'Severa API'}
              </label>
            ))}
          </fieldset>
        </div>
        {shown === 'file' ? (
          <UserFileSource side="severa" system="Severa" list={state.severa} hint="The Severa user export, as CSV, with an email and an active column." />
        ) : (
          <SeveraApiSource state={state} />
        )}
      </section>
      <section className="input-card" aria-labelledby="severa-organization-title">
        <h2 id="severa-organization-title">Organization</h2>
        <OrganizationInputs organization={state.organization} />
      </section>
    </div>
  );
}

function Intro({ state }: { state: SeveraCheckState }) {
  const loaded = (list: SeveraCheckState['azets']) => list.status === 'loaded';
  const severaLoaded = loaded(state.severa);
  return (
    <div className="results results-intro">
      <div className="intro-text">
        <h2>Who cannot open Severa from Azets Work, and why</h2>
        <p>
          Severa finds an Azets Work user by <strong>exactly the same email address</strong>; nothing is created, activated or synced by
          itself. Load both user lists and every Azets Work user gets a verdict: OK, or the reason they will fail — inactive in Severa, the
          add-on not active, an address that differs in case, spaces, invisible characters, look-alike letters, domain or a typo, duplicates
          — with the fix in plain words.
        </p>
        <ol className="intro-steps">
          <li className={loaded(state.azets) ? 'done' : ''}>Choose the Azets Work user export (CSV).</li>
          <li className={severaLoaded ? 'done' : ''}>Choose the Severa user export, or read the users from the Severa API.</li>
          <li>Say what you know about the organization: whether the Azets Work add-on is active and whether it still uses Severa.</li>
        </ol>
      </div>
      <div className="verdict-aside">
        <QuickCheck enabled={severaLoaded} withResult />
      </div>
    </div>
  );
}

function Results({ state }: { state: SeveraCheckState }) {
  const result = state.result!;
  const reason = useSeveraStore((s) => s.reason);
  const setReason = useSeveraStore((s) => s.setReason);
  const search = useSeveraStore((s) => s.search);
  const setSearch = useSeveraStore((s) => s.setSearch);
  const say = useSeveraStore((s) => s.say);
  const guide = reason === 'all' || reason === 'failing' ? null : REASONS[reason];

  const exportAs = async (format: 'csv' | 'xlsx' | 'json') => {
    try {
      const file = await api.exportSeveraReport(format);
      download(file);
      say(`Exported the report of ${plural(result.entries, 'entry', 'entries')} as ${file.fileName}.`);
    } catch (error) {
      say(messageOf(error), true);
    }
  };

  return (
    <div className="results">
      <OrganizationFindings findings={result.organization} />
      <ReasonSummary result={result} reason={reason} onReason={setReason} />
      {guide && (
        <p className="reason-guide">
          <strong>{guide.label}:</strong> {guide.means} <strong>Fix:</strong> {guide.fix}
        </p>
      )}
      <div className="toolbar" role="toolbar" aria-label="Verdicts">
        <div className="field inline">
          <label htmlFor="severa-search">Search</label>
          <input id="severa-search" type="search" placeholder="Address or name…" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <span className="toolbar-spacer" />
        <button type="button" onClick={() => void exportAs('csv')}>
          Export CSV
        </button>
        <button type="button" onClick={() => void exportAs('xlsx')}>
          Export Excel
        </button>
        <button type="button" onClick={() => void exportAs('json')}>
          Export JSON
        </button>
      </div>
      <VerdictBrowser runId={result.runId} aside={<QuickCheck enabled />} />
    </div>
  );
}
