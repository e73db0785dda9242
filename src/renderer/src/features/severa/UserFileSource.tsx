import { Suspense, lazy, useId, useRef, useState } from 'react';
import type { UserField, UserFileInfo } from '../../../../shared/severa-check';
import type { SeveraListState, SeveraSide } from '../../../../shared/severa-panel';
import { phrase, sayFileProblem } from '../../../../shared/severa-words';
import { api } from '../../api';
import type { FileBytes } from '../../../../shared/severa-panel';
import { readFileBytes, readPickedBytes } from '../../components/files';
import { errorWords, useSeveraWords } from './reasons';
import { useSeveraStore } from './severa-store';

const ColumnMappingDialog = lazy(() => import('./ColumnMappingDialog').then((m) => ({ default: m.ColumnMappingDialog })));

/** Encodings by their technical names (not words): the same in every language. */
const ENCODINGS: Record<Exclude<NonNullable<UserFileInfo['encoding']>, 'text' | 'utf-8-bom'>, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252',
};
const DELIMITERS: Record<NonNullable<UserFileInfo['delimiter']>, 'comma' | 'semicolon' | 'tab'> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

interface UserFileSourceProps {
  side: SeveraSide;
  list: SeveraListState;
  hint: string;
}

/** A file picker for one user list, what the reader found in the file, and its column mapping. */
export function UserFileSource({ side, list, hint }: UserFileSourceProps) {
  const words = useSeveraWords();
  const { t } = words;
  const input = useRef<HTMLInputElement>(null);
  const [mapping, setMapping] = useState(false);
  const change = useSeveraStore((s) => s.change);
  const say = useSeveraStore((s) => s.say);
  const busy = useSeveraStore((s) => s.busy) !== null;
  const problemsId = useId();
  const fromFile = list.status !== 'empty' && list.source === 'file' ? list : null;
  const file = fromFile?.file ?? null;

  const [dragging, setDragging] = useState(false);

  const read = async (take: () => Promise<FileBytes | null>) => {
    let picked: FileBytes | null;
    try {
      picked = await take();
    } catch (error) {
      say(errorWords(error), true);
      return;
    }
    if (!picked) return;
    await change(phrase('severa.panel.busy.reading', { file: picked.name }), () => api.loadSeveraFile(side, picked), (state) => {
      const now = state[side];
      return now.status === 'loaded' ? phrase('severa.panel.file.read', { side, count: now.users, file: picked.name }) : null;
    });
  };

  const chooseSheet = (sheet: string) =>
    void change(phrase('severa.panel.busy.readingSheet', { sheet }), () => api.setSeveraSheet(side, sheet), (state) => {
      const now = state[side];
      return now.status === 'loaded' ? phrase('severa.panel.file.readSheet', { side, count: now.users, sheet }) : null;
    });

  return (
    <div
      className={`source-file${dragging ? ' dropping' : ''}`}
      onDragOver={(event) => {
        if (busy || !event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        const dropped = event.dataTransfer.files[0];
        if (dropped && !busy) void read(() => readFileBytes(dropped));
      }}
    >
      <input
        ref={input}
        type="file"
        accept=".csv,.txt,.tsv,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={t('severa.panel.file.input', { side })}
        onChange={() => void read(() => readPickedBytes(input.current!))}
      />
      <div className="source-actions">
        <button type="button" className={fromFile ? '' : 'primary'} onClick={() => input.current?.click()} disabled={busy}>
          {t(fromFile ? 'severa.panel.file.chooseAnother' : 'severa.panel.file.choose', { side })}
        </button>
        {file && (
          <button type="button" className={fromFile?.status === 'problems' ? 'primary' : ''} onClick={() => setMapping(true)} disabled={busy}>
            {t('severa.panel.file.columns')}
          </button>
        )}
      </div>
      {!fromFile && (
        <p className="hint">
          {list.status === 'loaded' && list.source === 'api'
            ? t('severa.panel.file.inUseFromApi', { count: list.users })
            : hint}
        </p>
      )}
      {fromFile?.status === 'loaded' && (
        <p className="source-loaded">
          <span className="source-name">{fromFile.file.fileName}</span> · {t('severa.panel.count.users', { count: fromFile.users })}
        </p>
      )}
      {fromFile?.status === 'problems' && (
        <div className="source-problems" role="alert" aria-labelledby={problemsId}>
          <p id={problemsId} className="form-error">
            {t('severa.panel.file.notRead', { file: fromFile.fileName })}
          </p>
          <ul aria-label={t('severa.panel.file.problems', { file: fromFile.fileName })}>
            {fromFile.problems.map((problem, i) => (
              <li key={i}>{sayFileProblem(words, fromFile.fileName, problem)}</li>
            ))}
          </ul>
        </div>
      )}
      {file && file.sheets.length > 1 && (
        <div className="field inline">
          <label htmlFor={`${side}-sheet`}>{t('severa.panel.file.sheet')}</label>
          <select id={`${side}-sheet`} value={file.sheet ?? ''} disabled={busy} onChange={(event) => chooseSheet(event.target.value)}>
            {file.sheets.map((sheet) => (
              <option key={sheet} value={sheet}>
                {sheet}
              </option>
            ))}
          </select>
        </div>
      )}
      {file && <FileFacts file={file} />}
      {mapping && file && (
        <Suspense>
          <ColumnMappingDialog side={side} file={file} onClose={() => setMapping(false)} />
        </Suspense>
      )}
    </div>
  );
}

function encodingName(t: ReturnType<typeof useSeveraWords>['t'], encoding: UserFileInfo['encoding']): string {
  if (encoding === null || encoding === 'text') return t('severa.panel.file.encodingText');
  if (encoding === 'utf-8-bom') return t('severa.panel.file.encodingWithBom', { encoding: 'UTF-8' });
  return ENCODINGS[encoding];
}

function FileFacts({ file }: { file: UserFileInfo }) {
  const words = useSeveraWords();
  const { t } = words;
  const mapped = (Object.entries(file.columns) as [UserField, string | null][]).filter(([, header]) => header !== null);
  return (
    <>
      <p className="file-facts">
        {file.format === 'xlsx'
          ? t('severa.panel.file.workbook', { sheet: file.sheet ?? '' })
          : t('severa.panel.file.csv', { encoding: encodingName(t, file.encoding), delimiter: file.delimiter ? DELIMITERS[file.delimiter] : 'comma' })}{' '}
        · {t('severa.panel.count.rows', { count: file.dataRows })}
      </p>
      <p className="file-facts">
        {t('severa.panel.file.columnsFound')}{' '}
        {mapped.length === 0
          ? t('severa.panel.file.noColumns')
          : mapped.map(([field, header], i) => (
              <span key={field}>
                {i > 0 && ', '}
                {t('severa.panel.file.field', { field })} <q>{header}</q>
              </span>
            ))}
      </p>
      {file.notes.map((note, i) => (
        <p key={i} className="file-facts">
          {words.say(note)}
        </p>
      ))}
    </>
  );
}
