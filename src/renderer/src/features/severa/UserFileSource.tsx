import { Suspense, lazy, useId, useRef, useState } from 'react';
import { describeProblem } from '../../../../shared/import-report';
import type { UserField, UserFileInfo } from '../../../../shared/severa-check';
import type { SeveraListState, SeveraSide } from '../../../../shared/severa-panel';
import { api, messageOf } from '../../api';
import { readPickedBytes } from './read-file-bytes';
import { plural } from './reasons';
import { useSeveraStore } from './severa-store';

const ColumnMappingDialog = lazy(() => import('./ColumnMappingDialog').then((m) => ({ default: m.ColumnMappingDialog })));

const ENCODINGS: Record<UserFileInfo['encoding'], string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 with BOM',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252',
  text: 'text',
};
const DELIMITERS: Record<UserFileInfo['delimiter'], string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

export const FIELD_LABELS: Record<UserField, string> = {
  email: 'email',
  active: 'active',
  firstName: 'first name',
  lastName: 'last name',
  fullName: 'name',
  id: 'id',
};

interface UserFileSourceProps {
  side: SeveraSide;
  /** "Azets Work" or "Severa": names the file in buttons and messages. */
  system: string;
  list: SeveraListState;
  hint: string;
}

/** A file picker for one user list, what the reader found in the file, and its column mapping. */
export function UserFileSource({ side, system, list, hint }: UserFileSourceProps) {
  const input = useRef<HTMLInputElement>(null);
  const [mapping, setMapping] = useState(false);
  const change = useSeveraStore((s) => s.change);
  const say = useSeveraStore((s) => s.say);
  const busy = useSeveraStore((s) => s.busy) !== null;
  const problemsId = useId();
  const fromFile = list.status !== 'empty' && list.source === 'file' ? list : null;
  const file = fromFile?.file ?? null;

  const pick = async () => {
    let picked;
    try {
      picked = await readPickedBytes(input.current!);
    } catch (error) {
      say(messageOf(error), true);
      return;
    }
    if (!picked) return;
    await change(`Reading ${picked.name}…`, () => api.loadSeveraFile(side, picked), (state) => {
      const now = state[side];
      return now.status === 'loaded' ? `Read ${plural(now.users, `${system} user`)} from ${picked.name}.` : null;
    });
  };

  return (
    <div className="source-file" data-file-drop>
      <input
        ref={input}
        type="file"
        accept=".csv,.txt,.tsv,text/csv,text/plain"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={`${system} user file`}
        onChange={() => void pick()}
      />
      <div className="source-actions">
        <button type="button" className={fromFile ? '' : 'primary'} onClick={() => input.current?.click()} disabled={busy}>
          {fromFile ? `Choose another ${system} file…` : `Choose ${system} file…`}
        </button>
        {file && (
          <button type="button" className={fromFile?.status === 'problems' ? 'primary' : ''} onClick={() => setMapping(true)} disabled={busy}>
            Columns…
          </button>
        )}
      </div>
      {!fromFile && (
        <p className="hint">
          {list.status === 'loaded' && list.source === 'api'
            ? `In use now: ${plural(list.users, 'user')} read from the Severa API. A file replaces them.`
            : hint}
        </p>
      )}
      {fromFile?.status === 'loaded' && (
        <p className="source-loaded">
          <span className="source-name">{fromFile.file.fileName}</span> · {plural(fromFile.users, 'user')}
        </p>
      )}
      {fromFile?.status === 'problems' && (
        <div className="source-problems" role="alert" aria-labelledby={problemsId}>
          <p id={problemsId} className="form-error">
            {fromFile.fileName} was not read: nothing of it is used.
          </p>
          <ul aria-label={`Problems in ${fromFile.fileName}`}>
            {fromFile.problems.map((problem, i) => (
              <li key={i}>{describeProblem(fromFile.fileName, problem)}</li>
            ))}
          </ul>
        </div>
      )}
      {file && <FileFacts file={file} />}
      {mapping && file && (
        <Suspense>
          <ColumnMappingDialog side={side} system={system} file={file} onClose={() => setMapping(false)} />
        </Suspense>
      )}
    </div>
  );
}

function FileFacts({ file }: { file: UserFileInfo }) {
  const mapped = (Object.entries(file.columns) as [UserField, string | null][]).filter(([, header]) => header !== null);
  return (
    <>
      <p className="file-facts">
        {ENCODINGS[file.encoding]} · {DELIMITERS[file.delimiter]}-separated · {plural(file.dataRows, 'row')}
      </p>
      <p className="file-facts">
        Columns:{' '}
        {mapped.length === 0
          ? 'none recognised'
          : mapped.map(([field, header], i) => (
              <span key={field}>
                {i > 0 && ', '}
                {FIELD_LABELS[field]} <q>{header}</q>
              </span>
            ))}
      </p>
      {file.notes.map((note) => (
        <p key={note} className="file-facts">
          {note}
        </p>
      ))}
    </>
  );
}
