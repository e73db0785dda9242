/** Something the user must know that is not the answer to a click: a moved settings file, a missing keychain. */
export interface Notice {
  id: string;
  level: 'info' | 'warning' | 'error';
  message: string;
  /** Profiles the notice offers to reconnect together (the bulk reconnect chooser opens with exactly these). */
  profileIds?: string[];
}
