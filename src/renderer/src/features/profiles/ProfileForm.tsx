import { type FormEvent, useEffect, useState } from 'react';
import type { Environment } from '../../../../shared/environment';
import { isSetUp, notSetUpMessage } from '../../../../shared/environment-setup';
import {
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

type Field = keyof ProfileDefinition;
type Draft = Record<Field, string>;

interface ProfileFormProps {
  /** The profile to edit, or null to add one. */
  profile: Profile | null;
  environments: Environment[];
  onClose(): void;
}

const blank = (environmentId: string): Draft => ({
  id: '',
  name: '',
  direction: 'import',
  companyId: '',
  companyName: '',
  apiUser: '',
  connection: 'direct',
  environmentId,
  portalId: '',
  portalUrl: '',
});

/** Add or edit one profile; fields are checked with the same schema main uses, before and after saving. */
export function ProfileForm({ profile, environments, onClose }: ProfileFormProps) {
  const [draft, setDraft] = useState<Draft>(() => (profile ? definitionOf(profile) : blank(environments[0]?.id ?? '')));
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
    const parsed = ProfileDefinitionSchema.safeParse(draft);
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
        {profile && profile.status !== 'never-connected' && (
          <p className="hint">Changing the company, API user or environment means the profile must be reconnected.</p>
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
