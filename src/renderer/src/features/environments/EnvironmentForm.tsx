import { type FormEvent, useState } from 'react';
import {
  BUILT_IN_EDITABLE_FIELDS,
  type Environment,
  type EnvironmentDefinition,
  EnvironmentDefinitionSchema,
} from '../../../../shared/environment';
import { api, messageOf } from '../../api';

type Field = Exclude<keyof EnvironmentDefinition, 'extraLoginOrigins'> | 'extraLoginOrigins';

const FIELDS: { field: Field; label: string; hint?: string }[] = [
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

const toDraft = (e: EnvironmentDefinition): Draft => ({ ...e, extraLoginOrigins: e.extraLoginOrigins.join(' ') });
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
  const [draft, setDraft] = useState<Draft>(environment ? toDraft(environment) : EMPTY);
  const [error, setError] = useState<string | null>(null);
  const editable = (field: Field) =>
    !environment ? true : environment.builtIn ? (BUILT_IN_EDITABLE_FIELDS as readonly string[]).includes(field) : field !== 'id';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const candidate = { ...draft, extraLoginOrigins: draft.extraLoginOrigins.split(/\s+/).filter(Boolean) };
    const parsed = EnvironmentDefinitionSchema.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const label = FIELDS.find((f) => f.field === issue.path[0])?.label ?? String(issue.path[0]);
      setError(`${label} ${issue.message}`);
      return;
    }
    try {
      await api.saveEnvironment(parsed.data);
      onDone();
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={environment ? `Edit ${environment.name}` : 'New environment'}>
      {FIELDS.map(({ field, label, hint }) => (
        <div className="field" key={field}>
          <label htmlFor={`env-${field}`}>{label}</label>
          <input
            id={`env-${field}`}
            value={draft[field]}
            readOnly={!editable(field)}
            onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
            aria-describedby={hint ? `env-${field}-hint` : undefined}
          />
          {hint && (
            <span id={`env-${field}-hint`} className="hint">
              {hint}
            </span>
          )}
        </div>
      ))}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Save environment
        </button>
      </div>
    </form>
  );
}
