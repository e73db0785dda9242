import { useState } from 'react';
import type { LoginWith } from '../../../../shared/login-with';
import { type PortalDefinition, PortalDefinitionSchema } from '../../../../shared/portal';
import { api } from '../../api';
import type { MessageKey } from '../../../../shared/i18n/catalog';
import type { Translator } from '../../../../shared/i18n/translator';
import { DefinitionForm, type FieldSpec } from '../../components/DefinitionForm';
import { LoginWithField } from '../browser-login/LoginWithField';
import { useBrowsers } from '../browser-login/use-browsers';
import { useI18n } from '../../i18n/I18nProvider';

type Field = Exclude<keyof PortalDefinition, 'loginWith'>;

const FIELD_NAMES: readonly Field[] = ['id', 'name', 'origin', 'signInUrl', 'signInOrigins', 'identityOrigins', 'connectSection', 'connectButtonLabel', 'connectedMarker', 'listUrl', 'profilePattern', 'profileDetails'];
const WITH_HINT: ReadonlySet<Field> = new Set(['origin', 'signInUrl', 'signInOrigins', 'identityOrigins', 'connectSection', 'connectButtonLabel', 'connectedMarker', 'listUrl', 'profilePattern', 'profileDetails']);
/** Lists of origins, typed space-separated. */
const LISTS = ['signInOrigins', 'identityOrigins'] as const;

/** Each field's label and hint in the reader's words. */
const fieldsIn = (t: Translator['t']): FieldSpec<Field>[] =>
  FIELD_NAMES.map((field) => ({
    field,
    label: t(`portals.field.${field}`),
    ...(WITH_HINT.has(field) ? { hint: t(`portals.field.${field}.hint` as MessageKey) } : {}),
    ...(field === 'connectedMarker' || field === 'profileDetails' ? { multiline: true } : {}),
  }));

type Draft = Record<Field, string>;
const toDraft = (p: Partial<PortalDefinition>): Draft => ({
  id: p.id ?? '',
  name: p.name ?? '',
  origin: p.origin ?? '',
  signInUrl: p.signInUrl ?? '',
  signInOrigins: (p.signInOrigins ?? []).join(' '),
  identityOrigins: (p.identityOrigins ?? []).join(' '),
  connectSection: p.connectSection ?? '',
  connectButtonLabel: p.connectButtonLabel ?? '',
  connectedMarker: p.connectedMarker ?? '',
  listUrl: p.listUrl ?? '',
  profilePattern: p.profilePattern ?? '',
  profileDetails: p.profileDetails ?? '',
});
const splitList = (value: string) => value.split(/\s+/).filter(Boolean);

/** Add or edit a portal; a preset fills what is known of DataBridge or Panels. */
export function PortalForm({ start, editing, onDone }: { start: Partial<PortalDefinition>; editing: boolean; onDone(): void }) {
  const [loginWith, setLoginWith] = useState<LoginWith | undefined>(start.loginWith);
  const browsers = useBrowsers();
  const { t } = useI18n();
  return (
    <DefinitionForm
      label={editing ? t('portals.edit-title', { name: start.name ?? '' }) : t('portals.new')}
      idPrefix="portal"
      fields={fieldsIn(t)}
      initial={toDraft(start)}
      readOnly={(field) => editing && field === 'id'}
      toCandidate={(draft) => ({ ...draft, ...Object.fromEntries(LISTS.map((field) => [field, splitList(draft[field])])), ...(loginWith ? { loginWith } : {}) })}
      schema={PortalDefinitionSchema}
      save={(definition) => api.savePortal(definition)}
      saveLabel={t('portals.save')}
      onDone={onDone}
    >
      <LoginWithField value={loginWith} onChange={setLoginWith} browsers={browsers} />
    </DefinitionForm>
  );
}
