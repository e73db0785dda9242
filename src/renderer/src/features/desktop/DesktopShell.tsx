import { useEffect, useState } from 'react';
import type { MenuCommand } from '../../../../shared/menu-command';
import { api } from '../../api';
import { type Words, useI18n } from '../../i18n/I18nProvider';
import { useDroppedLog } from '../explainer/dropped-log';
import { draggingFiles, dropKind, giveToFileInput } from './file-drop';
import { PROFILE_FILE_INPUT, runMenuCommand } from './menu-commands';

type Area = 'profiles' | 'severa';

/**
 * What makes the window behave like a desktop program: the application menu's commands, and
 * files dropped on the window going where they belong. Renders only what it has to say.
 */
export function DesktopShell({ area, onArea }: { area: Area; onArea(area: Area): void }) {
  const translator = useI18n();
  const { t } = translator;
  // Words as data: a language switch while it shows changes it too.
  const [message, setMessage] = useState<Words | null>(null);

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type !== 'menu-command') return;
        // About and Check for updates… open the About box (features/updates) over any area.
        if (event.command === 'about' || event.command === 'check-updates') return;
        onArea('profiles');
        afterRender(() => runMenuCommand(event.command as MenuCommand));
      }),
    [onArea],
  );

  useEffect(() => {
    const over = (event: DragEvent) => {
      if (!draggingFiles(event)) return;
      event.preventDefault(); // allows the drop
      event.dataTransfer!.dropEffect = 'copy';
    };
    const drop = (event: DragEvent) => {
      // A drop zone that read the file itself (a Severa user list) has handled it.
      if (event.defaultPrevented || !draggingFiles(event)) return;
      event.preventDefault();
      const file = event.dataTransfer!.files[0];
      if (!file) return;
      setMessage(null);
      // A drop zone of its own (a Severa user list) takes any file; its reader judges it.
      const zone = (event.target as Element | null)?.closest?.('[data-file-drop]')?.querySelector<HTMLInputElement>('input[type="file"]');
      if (zone) return giveToFileInput(zone, file);
      if (area === 'severa') return setMessage(() => (tr: Parameters<Words>[0]) => tr.t('desktop.drop.severa', { file: file.name }));
      const kind = dropKind(file.name);
      if (kind === 'profiles') {
        const input = document.querySelector<HTMLElement>('#panel-profiles')?.querySelector<HTMLInputElement>(PROFILE_FILE_INPUT);
        if (input) giveToFileInput(input, file);
      } else if (kind === 'log') {
        useDroppedLog.getState().drop(file);
        runMenuCommand('explain-log');
      } else {
        setMessage(() => (tr: Parameters<Words>[0]) => tr.t('desktop.drop.unknown', { file: file.name }));
      }
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [area]);

  if (!message) return null;
  return (
    <div className="notices">
      <div className="notice notice-info" role="status">
        <p>{message(translator)}</p>
        <button type="button" onClick={() => setMessage(null)}>
          {t('desktop.dismiss')}
        </button>
      </div>
    </div>
  );
}

/** After React has shown the area the command needs. */
const afterRender = (run: () => void) => requestAnimationFrame(() => requestAnimationFrame(run));
