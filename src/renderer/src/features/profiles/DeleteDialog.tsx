import { DELETE_UNDO_SECONDS } from '../../../../shared/api';
import type { Profile } from '../../../../shared/profile';
import { Dialog } from '../../components/Dialog';
import { useI18n } from '../../i18n/I18nProvider';

/** Says exactly what a delete touches: Bridgekeeper's copy and its keychain entry, never DataBridge itself. */
export function DeleteDialog({ profiles, onConfirm, onClose }: { profiles: Profile[]; onConfirm(): void; onClose(): void }) {
  const one = profiles.length === 1 ? profiles[0]! : null;
  const { t } = useI18n();
  // Portal profiles' tokens are the portal's: Bridgekeeper holds at most their job URL.
  const withTokens = profiles.filter((p) => p.connection === 'direct' && p.status !== 'never-connected').length;
  const withJobUrl = profiles.filter((p) => p.jobUrlMasked).length;
  return (
    <Dialog title={one ? t('profiles.delete.title.one', { name: one.name }) : t('profiles.delete.title.many', { count: profiles.length })} onClose={onClose}>
      <p>
        {one ? t('profiles.delete.what.one', { name: one.name, id: one.id }) : t('profiles.delete.what.many', { count: profiles.length })}
      </p>
      <ul className="delete-effects">
        <li>
          {withTokens === 0
            ? t('profiles.delete.no-tokens', { one: one ? 'yes' : 'no' })
            : one
              ? t('profiles.delete.tokens.one')
              : t('profiles.delete.tokens.many', { count: withTokens })}
        </li>
        {withJobUrl > 0 && <li>{t('profiles.delete.job-urls', { count: withJobUrl })}</li>}
        <li>{t('profiles.delete.databridge')}</li>
        <li>{t('profiles.delete.undo', { seconds: DELETE_UNDO_SECONDS })}</li>
      </ul>
      <div className="dialog-actions">
        <button type="button" onClick={onClose} autoFocus>
          {t('profiles.delete.cancel')}
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          {one ? t('profiles.delete.confirm.one') : t('profiles.delete.confirm.many', { count: profiles.length })}
        </button>
      </div>
    </Dialog>
  );
}
