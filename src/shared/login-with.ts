import { z } from 'zod';

/** The browsers Bridgekeeper knows how to start with a throw-away profile or a private window (B4). */
export const BROWSER_IDS = ['chrome', 'edge', 'firefox', 'brave', 'chromium'] as const;
export type BrowserId = (typeof BROWSER_IDS)[number];

/** Chromium's flags (Chrome, Edge, Brave, Chromium) or Firefox's. */
export type BrowserFamily = 'chromium' | 'firefox';

/**
 * How a browser is opened for one login: a new, empty profile folder deleted afterwards (nothing of
 * anyone's carried over), or a private window of the person's own browser (their password manager,
 * where they allowed it; private windows share one session while any is open).
 */
export const BROWSER_MODES = ['throwaway-profile', 'private-window'] as const;
export type BrowserMode = (typeof BROWSER_MODES)[number];

/** A browser found on this machine. */
export interface DetectedBrowser {
  id: BrowserId;
  name: string;
  family: BrowserFamily;
  /** The executable. */
  path: string;
}

/** Where a login is shown: the built-in window (the default) or a browser on this machine. */
export const LoginWithSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('window') }),
  z
    .object({
      kind: z.literal('browser'),
      /** A detected browser, or 'custom' with its path. */
      browser: z.union([z.enum(BROWSER_IDS), z.literal('custom')]),
      /** A custom browser's executable. */
      path: z.string().trim().max(1000, 'is longer than 1000 characters').optional(),
      mode: z.enum(BROWSER_MODES),
    })
    .refine((choice) => choice.browser !== 'custom' || Boolean(choice.path), { path: ['path'], message: 'names no browser: give the path of its program' }),
]);
export type LoginWith = z.infer<typeof LoginWithSchema>;

export const BUILT_IN_WINDOW: LoginWith = { kind: 'window' };
