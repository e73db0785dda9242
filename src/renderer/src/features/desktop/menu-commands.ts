import type { MenuCommand } from '../../../../shared/menu-command';

/** The control a menu command clicks carries `data-menu-command="<command>"`, so the menu works in every language. */
export const PROFILE_FILE_INPUT = 'input[type="file"][data-menu-command="import-profiles"]';

/**
 * What a menu command does: exactly what the person would click, found by the control's
 * data-menu-command mark, so the menu follows the panel as it is (a disabled or hidden control stays
 * untouched). The Profiles area must show first; the caller switches to it.
 */
export function runMenuCommand(command: MenuCommand, root: ParentNode = document): void {
  const panel = root.querySelector('#panel-profiles');
  if (!panel) return;
  switch (command) {
    case 'find': {
      const search = panel.querySelector<HTMLInputElement>('#profile-search');
      search?.focus();
      search?.select();
      return;
    }
    case 'import-profiles':
      return click(panel.querySelector<HTMLInputElement>(PROFILE_FILE_INPUT));
    case 'explain-log':
    case 'check-health':
      return click(marked(panel, command));
  }
}

const marked = (root: ParentNode, command: MenuCommand): HTMLButtonElement | null => root.querySelector<HTMLButtonElement>(`button[data-menu-command="${command}"]`);


function click(element: HTMLElement | null): void {
  if (element && !(element as HTMLButtonElement).disabled) element.click();
}
