import { useState } from 'react';
import type { LoginWith } from '../../../../shared/login-with';
import { type PortalDefinition, PortalDefinitionSchema } from '../../../../shared/portal';
import { api } from '../../api';
import { DefinitionForm, type FieldSpec } from '../../components/DefinitionForm';
import { LoginWithField } from '../browser-login/LoginWithField';
import { useBrowsers } from '../browser-login/use-browsers';

type Field = Exclude<keyof PortalDefinition, 'loginWith'>;

const FIELDS: FieldSpec<Field>[] = [
  { field: 'id', label: 'Id' },
  { field: 'name', label: 'Name' },
  { field: 'origin', label: 'Address', hint: 'The portal itself, e.g. https://my-databridge.infobridgeuniverse.com.' },
  { field: 'signInUrl', label: 'Sign-in page', hint: 'A page of the portal that lands here during a reconnect means its sign-in has expired.' },
  { field: 'identityOrigins', label: 'Login origins', hint: 'Space-separated: Visma Connect, and any federated sign-in the portal sends people to.' },
  { field: 'connectButtonLabel', label: 'Connect button text', hint: 'Filled in: Bridgekeeper presses that button on the profile page. Empty: you press it.' },
];

type Draft = Record<Field, string>;
const toDraft = (p: Partial<PortalDefinition>): Draft => ({
  id: p.id ?? '',
  name: p.name ?? '',
  origin: p.origin ?? '',
  signInUrl: p.signInUrl ?? '',
  identityOrigins: (p.identityOrigins ?? []).join(' '),
  connectButtonLabel: p.connectButtonLabel ?? '',
});

/** Add or edit a portal; a preset fills what is known of DataBridge or Panels. */
export function PortalForm({ start, editing, onDone }: { start: Partial<PortalDefinition>; editing: boolean; onDone(): void }) {
  const [loginWith, setLoginWith] = useState<LoginWith | undefined>(start.loginWith);
  const browsers = useBrowsers();
  return (
    <DefinitionForm
      label={editing ? `Edit ${start.name}` : 'New portal'}
      idPrefix="portal"
      fields={FIELDS}
      initial={toDraft(start)}
      readOnly={(field) => editing && field === 'id'}
      toCandidate={(draft) => ({ ...draft, identityOrigins: draft.identityOrigins.split(/\s+/).filter(Boolean), ...(loginWith ? { loginWith } : {}) })}
      schema={PortalDefinitionSchema}
      save={(definition) => api.savePortal(definition)}
      saveLabel="Save portal"
      onDone={onDone}
    >
      <LoginWithField value={loginWith} onChange={setLoginWith} browsers={browsers} />
    </DefinitionForm>
  );
}
