import { useState } from 'react';
import type { LoginWith } from '../../../../shared/login-with';
import {
  BUILT_IN_EDITABLE_FIELDS,
  type Environment,
  type EnvironmentDefinition,
  EnvironmentDefinitionSchema,
} from '../../../../shared/environment';
import { api } from '../../api';
import type { MessageKey } from '../../../../shared/i18n/catalog';
import type { Translator } from '../../../../shared/i18n/translator';
import { DefinitionForm, type FieldSpec } from '../../components/DefinitionForm';
import { LoginWithField } from '../browser-login/LoginWithField';
import { useBrowsers } from '../browser-login/use-browsers';
import { useI18n } from '../../i18n/I18nProvider';

type Field = Exclude<keyof EnvironmentDefinition, 'loginWith'>;

const FIELD_NAMES: readonly Field[] = ['id', 'name', 'issuer', 'clientId', 'scopes', 'redirectUri', 'apiBaseUrl', 'verifyPath', 'extraLoginOrigins'];
const WITH_HINT: ReadonlySet<Field> = new Set(['issuer', 'clientId', 'scopes', 'redirectUri', 'verifyPath', 'extraLoginOrigins']);

/** Each field's label and hint in the reader's words. */
const fieldsIn = (t: Translator['t']): FieldSpec<Field>[] =>
  FIELD_NAMES.map((field) => ({
    field,
    label: t(`environments.field.${field}`),
    ...(WITH_HINT.has(field) ? { hint: t(`environments.field.${field}.hint` as MessageKey, { path: '<issuer>/.well-known/openid-configuration' }) } : {}),
  }));

type Draft = Record<Field, string>;

const toDraft = ({ loginWith: _choice, ...e }: EnvironmentDefinition): Draft => ({ ...e, extraLoginOrigins: e.extraLoginOrigins.join(' ') });
const EMPTY: Draft = {
  id: '',
  name: '',
  issuer: '',
  clientId: '',
  scopes: 'openid email profile tenants offline_access vismanet_erp_interactive_api:read',
  redirectUri: '',
  apiBaseUrl: '',
  verifyPath: '/v1/organization',
  extraLoginOrigins: '',
};

interface EnvironmentFormProps {
  environment: Environment | null;
  onDone(): void;
}

export function EnvironmentForm({ environment, onDone }: EnvironmentFormProps) {
  const [loginWith, setLoginWith] = useState<LoginWith | undefined>(environment?.loginWith);
  const browsers = useBrowsers();
  const { t } = useI18n();
  return (
    <DefinitionForm
      label={environment ? t('environments.edit-label', { name: environment.name }) : t('environments.new')}
      idPrefix="env"
      fields={fieldsIn(t)}
      initial={environment ? toDraft(environment) : EMPTY}
      readOnly={(field) => (!environment ? false : environment.builtIn ? !(BUILT_IN_EDITABLE_FIELDS as readonly string[]).includes(field) : field === 'id')}
      toCandidate={(draft) => ({ ...draft, extraLoginOrigins: draft.extraLoginOrigins.split(/\s+/).filter(Boolean), ...(loginWith ? { loginWith } : {}) })}
      schema={EnvironmentDefinitionSchema}
      save={(definition) => api.saveEnvironment(definition)}
      saveLabel={t('environments.save')}
      onDone={onDone}
    >
      <LoginWithField value={loginWith} onChange={setLoginWith} browsers={browsers} />
    </DefinitionForm>
  );
}
