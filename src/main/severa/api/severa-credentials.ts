/** What Severa's REST API settings give an admin: a client id, its secret, and the scope to ask for. */
export interface SeveraCredentials {
  clientId: string;
  clientSecret: string;
  /** Scope names differ between Severa's documents (e.g. "users:read" or one "SeveraAll"): whatever the client was given. */
  scope: string;
}

/** Where the API client gets credentials: the OS keychain in the app (a platform adapter), a plain object in tests and scripts. */
export interface SeveraCredentialSource {
  /** null: none stored yet. */
  load(): Promise<SeveraCredentials | null>;
}

/** What the app's keychain adapter will offer the panel; the API client itself only loads. */
export interface SeveraCredentialStore extends SeveraCredentialSource {
  save(credentials: SeveraCredentials): Promise<void>;
  clear(): Promise<void>;
}

export const fixedCredentials = (credentials: SeveraCredentials): SeveraCredentialSource => ({ load: async () => credentials });
