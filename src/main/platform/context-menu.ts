import { Menu, type WebContents } from 'electron';

/** Right-click in a text field: Cut, Copy, Paste, Select all, as in every other program; on selected text: Copy. */
export function installTextContextMenu(contents: WebContents): void {
  contents.on('context-menu', (_event, params) => {
    const { editFlags } = params;
    if (params.isEditable) {
      Menu.buildFromTemplate([
        { role: 'cut', enabled: editFlags.canCut },
        { role: 'copy', enabled: editFlags.canCopy },
        { role: 'paste', enabled: editFlags.canPaste },
        { type: 'separator' },
        { role: 'selectAll', enabled: editFlags.canSelectAll },
      ]).popup();
    } else if (params.selectionText.trim() !== '') {
      Menu.buildFromTemplate([{ role: 'copy', enabled: editFlags.canCopy }]).popup();
    }
  });
}
