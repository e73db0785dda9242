import { Menu, type WebContents } from 'electron';
import type { Translator } from '../../shared/i18n/translator';
import { editItems } from './app-menu';

/**
 * Right-click in a text field: Cut, Copy, Paste, Select all, as in every other program; on selected
 * text: Copy. In the chosen language, read at each right-click.
 */
export function installTextContextMenu(contents: WebContents, words: () => Pick<Translator, 't'>): void {
  contents.on('context-menu', (_event, params) => {
    const { editFlags } = params;
    const { t } = words();
    if (params.isEditable) {
      const [cut, copy, paste, selectAll] = editItems(t, editFlags);
      Menu.buildFromTemplate([cut!, copy!, paste!, { type: 'separator' }, selectAll!]).popup();
    } else if (params.selectionText.trim() !== '') {
      Menu.buildFromTemplate([editItems(t, editFlags)[1]!]).popup();
    }
  });
}
