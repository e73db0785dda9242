/** What the application menu asks the window to do (main → renderer, as an ApiEvent). */
export const MENU_COMMANDS = ['find', 'import-profiles', 'explain-log', 'check-health', 'check-updates', 'about'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
