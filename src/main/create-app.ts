import type { ApiEvent, BridgekeeperApi } from '../shared/api';
import { createEnvironmentService } from './environments/environment-service';
import type { Logger } from './logger';
import { createNoticeBoard } from './notices';
import { createProfileService } from './profiles/profile-service';
import { type JsonFileBackend, openSettings } from './settings/settings-store';

export interface AppDeps {
  /** electron-store in the app, conf in tests: the same file format and code path. */
  createSettingsBackend: () => JsonFileBackend;
  settingsPath: string;
  emit: (event: ApiEvent) => void;
  log: Logger;
  now?: () => Date;
}

/**
 * Builds every main-side service and the API object over them, with no Electron in sight:
 * src/main/index.ts serves it over IPC, the E2E harness binds it into Chromium.
 */
export function createApp({ createSettingsBackend, settingsPath, emit, log, now = () => new Date() }: AppDeps) {
  const opened = openSettings(createSettingsBackend, settingsPath, now());
  for (const notice of opened.notices) log.error('settings.moved-aside', { message: notice.message });
  const settings = opened.store;
  const notices = createNoticeBoard(emit, opened.notices);
  const environments = createEnvironmentService({ settings, emit });
  const profiles = createProfileService({ settings, environmentExists: environments.exists, emit, now });

  const api: BridgekeeperApi = {
    listNotices: notices.listNotices,
    dismissNotice: notices.dismissNotice,
    listProfiles: profiles.listProfiles,
    createProfile: profiles.createProfile,
    updateProfile: profiles.updateProfile,
    deleteProfiles: profiles.deleteProfiles,
    importProfiles: profiles.importProfiles,
    exportProfiles: profiles.exportProfiles,
    listEnvironments: environments.listEnvironments,
    saveEnvironment: environments.saveEnvironment,
    deleteEnvironment: environments.deleteEnvironment,
    importEnvironment: environments.importEnvironment,
  };
  return { api, settings, notices, environments, profiles };
}

export type App = ReturnType<typeof createApp>;
