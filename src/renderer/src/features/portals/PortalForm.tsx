import { type FormEvent, useState } from 'react';
import { type PortalDefinition, PortalDefinitionSchema } from '../../../../shared/portal';
import { api, messageOf } from '../../api';

type Field = keyof PortalDefinition;

const FIELDS: { field: Field; label: string; hint?: string }[] = [
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
  const [draft, setDraft] = useState<Draft>(toDraft(start));
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = PortalDefinitionSchema.safeParse({ ...draft, identityOrigins: draft.identityOrigins.split(/\s+/).filter(Boolean) });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const label = FIELDS.find((f) => f.field === issue.path[0])?.label ?? String(issue.path[0]);
      setError(`${label} ${issue.message}`);
      return;
    }
    try {
      await api.savePortal(parsed.data);
      onDone();
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={editing ? `Edit ${start.name}` : 'New portal'}>
      {FIELDS.map(({ field, label, hint }) => (
        <div className="field" key={field}>
          <label htmlFor={`portal-${field}`}>{label}</label>
          <input
            id={`portal-${field}`}
            value={draft[field]}
            readOnly={editing && field === 'id'}
            onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
            aria-describedby={hint ? `portal-${field}-hint` : undefined}
          />
          {hint && (
            <span id={`portal-${field}-hint`} className="hint">
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
          Save portal
        </button>
      </div>
    </form>
  );
}
