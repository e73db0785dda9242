import { useEffect, useState } from 'react';
import type { SeveraCheckState } from '../../../../shared/severa-panel';
import { phrase } from '../../../../shared/severa-words';
import { api } from '../../api';
import { download } from '../../components/files';
import { OrganizationFindings } from './OrganizationFindings';
import { OrganizationInputs } from './OrganizationInputs';
import { QuickCheck } from './QuickCheck';
import { ReasonSummary } from './ReasonSummary';
import { errorWords, useSeveraWords } from './reasons';
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
  const words = useSeveraWords();
  useEffect(() => start(), [start]);

  return (
    <div className="severa-panel">
      {state ? <Inputs state={state} /> : <p className="hint">{words.t('severa.panel.loading')}</p>}
      <div className="status-line">
        <p aria-live="polite">{busy ? words.say(busy) : state ? statusOf(state, words) : ''}</p>
        {message && (
          <p role={message.error ? 'alert' : 'status'} className={message.error ? 'form-error' : 'form-ok'}>
            {words.say(message.words)}
          </p>
        )}
      </div>
      {state?.result ? <Results state={state} /> : state && <Intro state={state} />}
    </div>
  );
}

function statusOf(state: SeveraCheckState, words: ReturnType<typeof useSeveraWords>): string {
  const result = state.result;
  if (!result) return state.ready ? '' : words.t('severa.panel.status.loadBoth');
  const { totals } = result;
  return words.t('severa.panel.status.checked', { azets: totals.azetsUsers, severa: totals.severaUsers, ms: result.durationMs, failing: totals.failing });
}

function Inputs({ state }: { state: SeveraCheckState }) {
  const severaFromApi = state.severa.status === 'loaded' && state.severa.source === 'api';
  const [source, setSource] = useState<'file' | 'api' | null>(null);
  const shown = source ?? (severaFromApi ? 'api' : 'file');
  const { t } = useSeveraWords();
  return (
    <div className="severa-inputs">
      <section className="input-card" aria-labelledby="severa-azets-title">
        <h2 id="severa-azets-title">{t('severa.panel.inputs.azets')}</h2>
        <UserFileSource side="azets" list={state.azets} hint={t('severa.panel.inputs.azetsHint')} />
      </section>
      <section className="input-card" aria-labelledby="severa-severa-title">
        <div className="card-head">
          <h2 id="severa-severa-title">{t('severa.panel.inputs.severa')}</h2>
          <fieldset className="segmented">
            <legend className="visually-hidden">{t('severa.panel.inputs.source')}</legend>
            {(['file', 'api'] as const).map((value) => (
              <label key={value} className={shown === value ? 'checked' : ''}>
                <input type="radio" name="severa-source" value={value} checked={shown === value} onChange={() => setSource(value)} />
                {t('severa.panel.inputs.sourceKind', { kind: value })}
              </label>
            ))}
          </fieldset>
        </div>
        {shown === 'file' ? (
          <UserFileSource side="severa" list={state.severa} hint={t('severa.panel.inputs.severaHint')} />
        ) : (
          <SeveraApiSource state={state} />
        )}
      </section>
      <section className="input-card" aria-labelledby="severa-organization-title">
        <h2 id="severa-organization-title">{t('severa.panel.inputs.organization')}</h2>
        <OrganizationInputs organization={state.organization} />
      </section>
    </div>
  );
}

function Intro({ state }: { state: SeveraCheckState }) {
  const loaded = (list: SeveraCheckState['azets']) => list.status === 'loaded';
  const severaLoaded = loaded(state.severa);
  const { t } = useSeveraWords();
  return (
    <div className="results results-intro">
      <div className="intro-text">
        <h2>{t('severa.panel.intro.title')}</h2>
        <p>{t('severa.panel.intro.text')}</p>
        <ol className="intro-steps">
          <li className={loaded(state.azets) ? 'done' : ''}>{t('severa.panel.intro.stepAzets')}</li>
          <li className={severaLoaded ? 'done' : ''}>{t('severa.panel.intro.stepSevera')}</li>
          <li>{t('severa.panel.intro.stepOrganization')}</li>
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
  const words = useSeveraWords();
  const { t } = words;
  const guide = reason === 'all' || reason === 'failing' ? null : words.reason(reason);

  const exportAs = async (format: 'csv' | 'xlsx' | 'json') => {
    try {
      const file = await api.exportSeveraReport(format);
      download(file);
      say(phrase('severa.panel.exported', { count: result.entries, file: file.fileName }));
    } catch (error) {
      say(errorWords(error), true);
    }
  };

  return (
    <div className="results">
      <OrganizationFindings findings={result.organization} />
      <ReasonSummary result={result} reason={reason} onReason={setReason} />
      {guide && (
        <p className="reason-guide">
          <strong>{t('severa.panel.guide.label', { label: guide.label })}</strong> {guide.means} <strong>{t('severa.panel.guide.fix')}</strong> {guide.fix}
        </p>
      )}
      <div className="toolbar" role="toolbar" aria-label={t('severa.panel.toolbar.label')}>
        <div className="field inline">
          <label htmlFor="severa-search">{t('severa.panel.toolbar.search')}</label>
          <input id="severa-search" type="search" placeholder={t('severa.panel.toolbar.searchPlaceholder')} value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <span className="toolbar-spacer" />
        <button type="button" onClick={() => void exportAs('csv')}>
          {t('severa.panel.toolbar.export', { format: 'CSV' })}
        </button>
        <button type="button" onClick={() => void exportAs('xlsx')}>
          {t('severa.panel.toolbar.export', { format: 'Excel' })}
        </button>
        <button type="button" onClick={() => void exportAs('json')}>
          {t('severa.panel.toolbar.export', { format: 'JSON' })}
        </button>
      </div>
      <VerdictBrowser runId={result.runId} aside={<QuickCheck enabled />} />
    </div>
  );
}
