import type { ApiEvent, BridgekeeperApi, FileText } from '../../shared/api';
import {
  type Environment,
  type EnvironmentDefinition,
  EnvironmentDefinitionSchema,
  PRODUCTION_ENVIRONMENT,
  PRODUCTION_ENVIRONMENT_ID,
} from '../../shared/environment';
import { isSetUp } from '../../shared/environment-setup';
import { conflict, invalid, notFound } from '../errors';
import type { SettingsStore } from '../settings/settings-store';

type EnvironmentApi = Pick<BridgekeeperApi, 'listEnvironments' | 'saveEnvironment' | 'deleteEnvironment' | 'importEnvironment' | 'newProfileDefaults'>;

export type EnvironmentService = EnvironmentApi & {
  get(id: string): Environment | undefined;
  exists(id: string): boolean;
};

export interface EnvironmentServiceDeps {
  settings: SettingsStore;
  emit(event: ApiEvent): void;
}

function check(definition: unknown, where: string): EnvironmentDefinition {
  const parsed = EnvironmentDefinitionSchema.safeParse(definition);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join('.');
  throw invalid(`${where}${field ? `, ${field}` : ''}: ${issue.message}`);
}

/** The built-in production environment plus the user's own; a used environment cannot be removed. */
export function createEnvironmentService({ settings, emit }: EnvironmentServiceDeps): EnvironmentService {
  const list = (): Environment[] => [
    { ...PRODUCTION_ENVIRONMENT, ...settings.current.production, builtIn: true },
    ...settings.current.environments.map((e) => ({ ...e, builtIn: false })),
  ];
  const changed = () => emit({ type: 'environments-changed', environments: list() });

  const save = (definition: EnvironmentDefinition): Environment => {
    if (definition.id === PRODUCTION_ENVIRONMENT_ID) {
      // The client registration and the federated login origins are the user's to set; Visma's own addresses stay as published.
      const { clientId, redirectUri, extraLoginOrigins, loginWith } = definition;
      const production = { clientId, redirectUri, ...(extraLoginOrigins.length > 0 ? { extraLoginOrigins } : {}), ...(loginWith ? { loginWith } : {}) };
      settings.update((s) => ({ ...s, production }));
    } else {
      settings.update((s) => {
        const others = s.environments.filter((e) => e.id !== definition.id);
        const at = s.environments.findIndex((e) => e.id === definition.id);
        const environments = at === -1 ? [...others, definition] : s.environments.map((e, i) => (i === at ? definition : e));
        return { ...s, environments };
      });
    }
    changed();
    return list().find((e) => e.id === definition.id)!;
  };

  return {
    get: (id) => list().find((e) => e.id === id),
    exists: (id) => list().some((e) => e.id === id),

    async listEnvironments() {
      return list();
    },

    /** The environment last used if it is set up, else the first that is; one not set up only when none is. */
    async newProfileDefaults() {
      const all = list();
      const last = all.find((e) => e.id === settings.current.lastEnvironmentId);
      const ready = all.filter(isSetUp);
      const chosen = (last && isSetUp(last) ? last : undefined) ?? ready[0] ?? last ?? all[0]!;
      return { environmentId: chosen.id };
    },

    async saveEnvironment(input) {
      return save(check(input, 'environment'));
    },

    async deleteEnvironment(id) {
      if (id === PRODUCTION_ENVIRONMENT_ID) throw invalid('The built-in Visma.net production environment cannot be removed.');
      if (!settings.current.environments.some((e) => e.id === id)) throw notFound(`Environment "${id}"`);
      const users = settings.current.profiles.filter((p) => p.environmentId === id);
      if (users.length > 0) {
        const names = users.slice(0, 3).map((p) => `"${p.name}"`).join(', ');
        throw conflict(
          `Environment "${id}" is used by ${users.length} profile${users.length > 1 ? 's' : ''} (${names}${users.length > 3 ? ', …' : ''}); move or delete them first.`,
        );
      }
      settings.update((s) => ({ ...s, environments: s.environments.filter((e) => e.id !== id) }));
      changed();
    },

    async importEnvironment(file: FileText) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(file.text.replace(/^\uFEFF/, ''));
      } catch (error) {
        throw invalid(`${file.name}: not valid JSON (${(error as Error).message})`);
      }
      const definition = check(parsed, file.name);
      if (definition.id === PRODUCTION_ENVIRONMENT_ID) {
        throw invalid(`${file.name}, id: "${PRODUCTION_ENVIRONMENT_ID}" is the built-in environment; choose another id.`);
      }
      return save(definition);
    },
  };
}
