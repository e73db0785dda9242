import { create } from 'zustand';
import type { ApiEvent } from '../../../shared/api';
import type { BulkRun } from '../../../shared/bulk';
import type { Environment } from '../../../shared/environment';
import type { Notice } from '../../../shared/notice';
import type { Portal } from '../../../shared/portal';
import type { Profile } from '../../../shared/profile';
import type { PortalPrompt, ReauthStep } from '../../../shared/reauth';
import { api, messageOf } from '../api';

/** The first page fills the screen at once; the rest follows in larger pages. */
const FIRST_PAGE = 100;
const NEXT_PAGES = 2500;

/**
 * The renderer's view of main's truth: filled once, then kept current by main's events.
 * Nothing here is written except from what main said.
 */
interface AppState {
  profiles: ReadonlyMap<string, Profile>;
  /** How many profiles main has, known from the first page on. */
  profileTotal: number;
  environments: Environment[];
  portals: Portal[];
  notices: Notice[];
  /** The first page of profiles has arrived (the rest may still be coming). */
  loaded: boolean;
  /** Every page has arrived. */
  complete: boolean;
  loadError: string | null;
  /** The step each running reconnect has reached, by profile id. */
  reauthSteps: ReadonlyMap<string, ReauthStep>;
  /** What a portal reconnect asks of the person now, by profile id. */
  portalPrompts: ReadonlyMap<string, PortalPrompt>;
  /** The health check's progress while one runs (and its last count after); waitingUntil while Visma asked it to slow down. */
  health: { done: number; total: number; running: boolean; waitingUntil?: string } | null;
  /** Profiles a notice offers to reconnect together: the profiles panel opens the bulk chooser with them. */
  bulkRequest: { ids: string[]; label: string } | null;
  requestBulk(request: { ids: string[]; label: string } | null): void;
  /** The bulk reconnect main keeps, if any. */
  bulkRun: BulkRun | null;
  start(): () => void;
  apply(event: ApiEvent): void;
}

export const useAppStore = create<AppState>((set, get) => {
  // Ids main removed while pages were still coming: a later page must not bring them back.
  const removedWhileLoading = new Set<string>();

  /**
   * A page never overwrites what the map has: anything there came from an earlier page or
   * from an event, and events are newer than or as new as any page fetched after them.
   */
  const mergePage = (page: Profile[]) => {
    const profiles = new Map(get().profiles);
    for (const p of page) if (!profiles.has(p.id) && !removedWhileLoading.has(p.id)) profiles.set(p.id, p);
    set({ profiles });
  };

  const loadProfiles = async () => {
    const first = await api.listProfiles(0, FIRST_PAGE);
    mergePage(first.profiles);
    set({ loaded: true, profileTotal: first.total });
    for (let offset = FIRST_PAGE; offset < first.total; offset += NEXT_PAGES) {
      mergePage((await api.listProfiles(offset, NEXT_PAGES)).profiles);
    }
    removedWhileLoading.clear();
    set({ complete: true });
  };

  return {
    profiles: new Map(),
    profileTotal: 0,
    environments: [],
    portals: [],
    notices: [],
    loaded: false,
    complete: false,
    loadError: null,
    reauthSteps: new Map(),
    portalPrompts: new Map(),
    health: null,
    bulkRun: null,
    bulkRequest: null,
    requestBulk: (bulkRequest) => set({ bulkRequest }),

    start() {
      const stop = api.onEvent((event) => get().apply(event));
      const fail = (error: unknown) => set({ loadError: messageOf(error), loaded: true });
      loadProfiles().catch(fail);
      Promise.all([api.listEnvironments(), api.listPortals(), api.listNotices(), api.getBulkRun()])
        .then(([environments, portals, notices, bulkRun]) => set({ environments, portals, notices, bulkRun }))
        .catch(fail);
      return stop;
    },

    apply(event) {
      switch (event.type) {
        case 'profiles-upserted': {
          const profiles = new Map(get().profiles);
          for (const p of event.profiles) {
            profiles.set(p.id, p);
            removedWhileLoading.delete(p.id);
          }
          set({ profiles });
          break;
        }
        case 'profiles-removed': {
          const profiles = new Map(get().profiles);
          for (const id of event.ids) {
            profiles.delete(id);
            if (!get().complete) removedWhileLoading.add(id);
          }
          set({ profiles });
          break;
        }
        case 'environments-changed':
          set({ environments: event.environments });
          break;
        case 'portals-changed':
          set({ portals: event.portals });
          break;
        case 'notices-changed':
          set({ notices: event.notices });
          break;
        case 'reauth-progress':
          set({ reauthSteps: new Map(get().reauthSteps).set(event.profileId, event.step) });
          break;
        case 'portal-prompt': {
          const portalPrompts = new Map(get().portalPrompts);
          if (event.prompt) portalPrompts.set(event.profileId, event.prompt);
          else portalPrompts.delete(event.profileId);
          set({ portalPrompts });
          break;
        }
        case 'health-progress':
          set({ health: { done: event.done, total: event.total, running: event.running, ...(event.waitingUntil ? { waitingUntil: event.waitingUntil } : {}) } });
          break;
        case 'bulk-changed':
          set({ bulkRun: event.run });
          break;
      }
    },
  };
});
