import { type FormEvent, useEffect, useState } from 'react';
import type { Environment } from '../../../../shared/environment';
import type { Portal } from '../../../../shared/portal';
import { isSetUp, notSetUpMessage } from '../../../../shared/environment-setup';
import {
  CONNECTION_KINDS,
  CONNECTION_KIND_LABELS,
  DIRECTIONS,
  DIRECTION_LABELS,
  PROFILE_FIELD_LABELS,
  type Profile,
  type ProfileDefinition,
  definitionOf,
} from '../../../../shared/profile';
import { ProfileDefinitionSchema } from '../../../../shared/profile-schema';
import { api, messageOf } from '../../api';
import { Dialog } from '../../components/Dialog';
import { useAppStore } from '../../state/app-store';

type Field = keyof ProfileDefinition;
type Draft = Record<Field, string>;

interface ProfileFormProps {
  /** The profile to edit, or null to add one. */
  profile: Profile | null;
  environments: Environment[];
  onClose(): void;
}

/** A new profile is a portal one when a portal is set up (most DataBridge profiles are), else a direct one. */
const blank = (environmentId: string, portal: Portal | undefined): Draft => ({
  id: '',
  name: '',
  direction: 'import',
  companyId: '',
  companyName: '',
  apiUser: '',
  connection: portal ? 'portal' : 'direct',
  environmentId,
  portalId: portal?.id ?? '',
  portalUrl: '',
});

/** Add or edit one profile; fields are checked with the same schema main uses, before and after saving. */
export function ProfileForm({ profile, environments, onClose }: ProfileFormProps) {
  const portals = useAppStore((s) => s.portals);
  const [draft, setDraft] = useState<Draft>(() => (profile ? definitionOf(profile) : blank(environments[0]?.id ?? '', portals[0])));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  // A new profile starts in the environment last used that is set up (main remembers it).
  useEffect(() => {
    if (profile) return;
    let live = true;
    api.newProfileDefaults().then(
      ({ environmentId }) => live && setDraft((d) => (d.environmentId === (environments[0]?.id ?? '') ? { ...d, environmentId } : d)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [profile, environments]);
  const chosenEnvironment = environments.find((e) => e.id === draft.environmentId);
  const notSetUp = draft.connection === 'direct' && chosenEnvironment && !isSetUp(chosenEnvironment) ? notSetUpMessage(chosenEnvironment) : null;

  const change = (field: Field) => (event: { target: { value: string } }) => setDraft({ ...draft, [field]: event.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Only the fields of the chosen connection kind are sent; the others would be refused as stray.
    const candidate =
      draft.connection === 'portal' ? { ...draft, environmentId: '' } : { ...draft, portalId: '', portalUrl: '' };
    const parsed = ProfileDefinitionSchema.safeParse(candidate);
    if (!parsed.success) {
      const found: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) found[issue.path[0] as Field] ??= issue.message;
      setErrors(found);
      document.getElementById(`profile-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      if (profile) await api.updateProfile(profile.id, parsed.data);
      else await api.createProfile(parsed.data);
      onClose();
    } catch (error) {
      setSaveError(messageOf(error));
    } finally {
      setSaving(false);
    }
  };

  const text = (field: Field, props: { type?: string; readOnly?: boolean; hint?: string } = {}) => (
    <div className="field">
      <label htmlFor={`profile-${field}`}>{PROFILE_FIELD_LABELS[field]}</label>
      <input
        id={`profile-${field}`}
        type={props.type ?? 'text'}
        value={draft[field]}
        onChange={change(field)}
        readOnly={props.readOnly}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={errors[field] ? `profile-${field}-error` : props.hint ? `profile-${field}-hint` : undefined}
      />
      {props.hint && !errors[field] && (
        <span id={`profile-${field}-hint`} className="hint">
          {props.hint}
        </span>
      )}
      {errors[field] && (
        <span id={`profile-${field}-error`} className="field-error">
          {PROFILE_FIELD_LABELS[field]} {errors[field]}
        </span>
      )}
    </div>
  );

  return (
    <Dialog title={profile ? `Edit ${profile.name}` : 'Add profile'} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {text('id', { readOnly: profile !== null, hint: profile ? 'The id cannot be changed.' : 'The DataBridge profile id.' })}
        {text('name')}
        <div className="field">
          <label htmlFor="profile-direction">{PROFILE_FIELD_LABELS.direction}</label>
          <select id="profile-direction" value={draft.direction} onChange={change('direction')}>
            {DIRECTIONS.map((d) => (
              <option key={d} value={d}>
                {DIRECTION_LABELS[d]}
              </option>
            ))}
          </select>
        </div>
        {text('companyId', { hint: 'The Visma.net company the profile works on.' })}
        {text('companyName')}
        {text('apiUser', { type: 'email', hint: 'The Visma.net user with the API User role; used as the login hint.' })}
        <fieldset className="field">
          <legend>Where its Visma.net connection lives</legend>
          {CONNECTION_KINDS.map((kind) => (
            <label key={kind} className="inline-check">
              <input type="radio" name="profile-connection" value={kind} checked={draft.connection === kind} onChange={change('connection')} />
              {CONNECTION_KIND_LABELS[kind]}
            </label>
          ))}
          <span className="hint">
            {draft.connection === 'portal'
              ? 'DataBridge keeps the connection: Bridgekeeper reconnects it inside the portal, in a fresh window per profile.'
              : 'Bridgekeeper is the Visma client and keeps the tokens in the system keychain (integrations that run from this computer).'}
          </span>
        </fieldset>
        {draft.connection === 'portal' ? (
          <>
            <div className="field">
              <label htmlFor="profile-portalId">{PROFILE_FIELD_LABELS.portalId}</label>
              <select id="profile-portalId" value={draft.portalId} onChange={change('portalId')} aria-invalid={errors.portalId ? true : undefined}>
                {portals.length === 0 && <option value="">No portal yet: add one in Portals</option>}
                {portals.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
              {errors.portalId && <span className="field-error">{PROFILE_FIELD_LABELS.portalId} {errors.portalId}</span>}
            </div>
            {text('portalUrl', { type: 'url', hint: "The profile's own page in the portal (Edit Profile), where its Connected button is." })}
          </>
        ) : (
          <div className="field">
            <label htmlFor="profile-environmentId">{PROFILE_FIELD_LABELS.environmentId}</label>
            <select
              id="profile-environmentId"
              value={draft.environmentId}
              onChange={change('environmentId')}
              aria-describedby={notSetUp ? 'profile-environmentId-setup' : undefined}
            >
              {environments.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
            {notSetUp && (
              <span id="profile-environmentId-setup" className="field-warning">
                {notSetUp}
              </span>
            )}
          </div>
        )}
        {profile && profile.status !== 'never-connected' && (
          <p className="hint">Changing the company, API user, connection or its portal page means the profile must be reconnected.</p>
        )}
        {saveError && (
          <p role="alert" className="form-error">
            {saveError}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={saving}>
            {profile ? 'Save' : 'Add profile'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
