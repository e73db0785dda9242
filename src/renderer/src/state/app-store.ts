import { create } from 'zustand';
import type { ApiEvent } from '../../../shared/api';
import type { Environment } from '../../../shared/environment';
import type { Notice } from '../../../shared/notice';
import type { Profile } from '../../../shared/profile';
import { api, messageOf } from '../api';

/**
 * The renderer's view of main's truth: filled once, then kept current by main's events.
 * Nothing here is written except from what main said.
 */
interface AppState {
  profiles: ReadonlyMap<string, Profile>;
  environments: Environment[];
  notices: Notice[];
  loaded: boolean;
  loadError: string | null;
  start(): () => void;
  apply(event: ApiEvent): void;
}

export const useAppStore = create<AppState>((set, get) => ({
  profiles: new Map(),
  environments: [],
  notices: [],
  loaded: false,
  loadError: null,

  start() {
    const stop = api.onEvent((event) => get().apply(event));
    Promise.all([api.listProfiles(), api.listEnvironments(), api.listNotices()])
      .then(([profiles, environments, notices]) =>
        set({ profiles: new Map(profiles.map((p) => [p.id, p])), environments, notices, loaded: true }),
      )
      .catch((error: unknown) => set({ loadError: messageOf(error), loaded: true }));
    return stop;
  },

  apply(event) {
    switch (event.type) {
      case 'profiles-upserted': {
        const profiles = new Map(get().profiles);
        for (const p of event.profiles) profiles.set(p.id, p);
        set({ profiles });
        break;
      }
      case 'profiles-removed': {
        const profiles = new Map(get().profiles);
        for (const id of event.ids) profiles.delete(id);
        set({ profiles });
        break;
      }
      case 'environments-changed':
        set({ environments: event.environments });
        break;
      case 'notices-changed':
        set({ notices: event.notices });
        break;
    }
  },
}));
