import { useState } from 'react';
import type { LoginWith } from '../../../../shared/login-with';
import {
  BUILT_IN_EDITABLE_FIELDS,
  type Environment,
  type EnvironmentDefinition,
  EnvironmentDefinitionSchema,
} from '../../../../shared/environment';
import { api } from '../../api';
import { DefinitionForm, type FieldSpec } from '../../components/DefinitionForm';
import { LoginWithField } from '../browser-login/LoginWithField';
import { useBrowsers } from '../browser-login/use-browsers';

type Field = Exclude<keyof EnvironmentDefinition, 'loginWith'>;

const FIELDS: FieldSpec<Field>[] = [
  { field: 'id', label: 'Id' },
  { field: 'name', label: 'Name' },
  { field: 'issuer', label: 'Issuer (Visma Connect)', hint: 'Discovery is read from <issuer>/.well-known/openid-configuration.' },
  { field: 'clientId', label: 'Client id', hint: 'The client registered for DataBridge with Visma.' },
  { field: 'scopes', label: 'Scopes', hint: 'Space-separated; must include openid, and offline_access for refresh tokens.' },
  { field: 'redirectUri', label: 'Redirect URI', hint: 'Registered with the client; caught inside the login window, never loaded.' },
  { field: 'apiBaseUrl', label: 'ERP API base URL' },
  { field: 'verifyPath', label: 'Verify path', hint: 'A light API call that proves a token works.' },
  { field: 'extraLoginOrigins', label: 'Other login origins', hint: 'Space-separated https origins the login may pass through.' },
];

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
  return (
    <DefinitionForm
      label={environment ? `Edit ${environment.name}` : 'New environment'}
      idPrefix="env"
      fields={FIELDS}
      initial={environment ? toDraft(environment) : EMPTY}
      readOnly={(field) => (!environment ? false : environment.builtIn ? !(BUILT_IN_EDITABLE_FIELDS as readonly string[]).includes(field) : field === 'id')}
      toCandidate={(draft) => ({ ...draft, extraLoginOrigins: draft.extraLoginOrigins.split(/\s+/).filter(Boolean), ...(loginWith ? { loginWith } : {}) })}
      schema={EnvironmentDefinitionSchema}
      save={(definition) => api.saveEnvironment(definition)}
      saveLabel="Save environment"
      onDone={onDone}
    >
      <LoginWithField value={loginWith} onChange={setLoginWith} browsers={browsers} />
    </DefinitionForm>
  );
}
