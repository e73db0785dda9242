import { type FormEvent, useEffect, useState } from 'react';
import type { Environment } from '../../../../shared/environment';
import type { Portal } from '../../../../shared/portal';
import { isSetUp, missingSetup } from '../../../../shared/environment-setup';
import {
  CONNECTION_KINDS,
  DIRECTIONS,
  type Profile,
  type ProfileDefinition,
  definitionOf,
} from '../../../../shared/profile';
import { validationWords } from '../../../../shared/field-schemas';
import { ProfileDefinitionSchema } from '../../../../shared/profile-schema';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { useErrorText, useI18n } from '../../i18n/I18nProvider';
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
  const { t, text: textOf } = useI18n();
  const messageOf = useErrorText();
  const label = (field: Field) => t(`profiles.field.${field}`);
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
  const missing = chosenEnvironment ? missingSetup(chosenEnvironment) : [];
  const notSetUp =
    draft.connection === 'direct' && chosenEnvironment && !isSetUp(chosenEnvironment)
      ? t('profiles.form.not-set-up', { environment: chosenEnvironment.name, missing: missing.length > 1 ? 'both' : missing[0] === 'client id' ? 'client' : 'redirect' })
      : null;

  const change = (field: Field) => (event: { target: { value: string } }) => setDraft({ ...draft, [field]: event.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Only the fields of the chosen connection kind are sent; the others would be refused as stray.
    const candidate =
      draft.connection === 'portal' ? { ...draft, environmentId: '' } : { ...draft, portalId: '', portalUrl: '' };
    const parsed = ProfileDefinitionSchema.safeParse(candidate);
    if (!parsed.success) {
      const found: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) {
        const words = validationWords(issue.message);
        found[issue.path[0] as Field] ??= words ? textOf(words) : issue.message;
      }
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
      <label htmlFor={`profile-${field}`}>{label(field)}</label>
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
          {label(field)} {errors[field]}
        </span>
      )}
    </div>
  );

  return (
    <Dialog title={profile ? t('profiles.form.edit', { name: profile.name }) : t('profiles.form.add')} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {text('id', { readOnly: profile !== null, hint: t(profile ? 'profiles.form.id-fixed' : 'profiles.form.id-hint') })}
        {text('name')}
        <div className="field">
          <label htmlFor="profile-direction">{label('direction')}</label>
          <select id="profile-direction" value={draft.direction} onChange={change('direction')}>
            {DIRECTIONS.map((d) => (
              <option key={d} value={d}>
                {t(`profiles.direction.${d}.long`)}
              </option>
            ))}
          </select>
        </div>
        {text('companyId', { hint: t('profiles.form.company-hint') })}
        {text('companyName')}
        {text('apiUser', { type: 'email', hint: t('profiles.form.user-hint') })}
        <fieldset className="field">
          <legend>{t('profiles.form.where')}</legend>
          {CONNECTION_KINDS.map((kind) => (
            <label key={kind} className="inline-check">
              <input type="radio" name="profile-connection" value={kind} checked={draft.connection === kind} onChange={change('connection')} />
              {t(`profiles.form.kind.${kind}`)}
            </label>
          ))}
          <span className="hint">
            {t(draft.connection === 'portal' ? 'profiles.form.portal-hint' : 'profiles.form.direct-hint')}
          </span>
        </fieldset>
        {draft.connection === 'portal' ? (
          <>
            <div className="field">
              <label htmlFor="profile-portalId">{label('portalId')}</label>
              <select id="profile-portalId" value={draft.portalId} onChange={change('portalId')} aria-invalid={errors.portalId ? true : undefined}>
                {portals.length === 0 && <option value="">{t('profiles.form.no-portal')}</option>}
                {portals.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
              {errors.portalId && <span className="field-error">{label('portalId')} {errors.portalId}</span>}
            </div>
            {text('portalUrl', { type: 'url', hint: t('profiles.form.url-hint') })}
          </>
        ) : (
          <div className="field">
            <label htmlFor="profile-environmentId">{label('environmentId')}</label>
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
          <p className="hint">{t('profiles.form.changes-reconnect')}</p>
        )}
        {saveError && (
          <p role="alert" className="form-error">
            {saveError}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('profiles.form.cancel')}
          </button>
          <button type="submit" className="primary" disabled={saving}>
            {t(profile ? 'profiles.form.save' : 'profiles.form.add')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
