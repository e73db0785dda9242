import { useI18n } from '../i18n/I18nProvider';

/**
 * A line that answers the user's last action: read out politely when it went well, at once when not.
 * With `onDismiss`, it has a button that puts it away.
 */
export function Message({ message, onDismiss }: { message: { error: boolean; text: string } | null; onDismiss?: () => void }) {
  const { t } = useI18n();
  if (!message) return null;
  const line = (
    <p role={message.error ? 'alert' : 'status'} className={message.error ? 'form-error' : 'form-ok'}>
      {message.text}
    </p>
  );
  if (!onDismiss) return line;
  return (
    <span className="message-line">
      {line}
      <button type="button" className="dismiss" onClick={onDismiss} aria-label={t('components.message.dismiss')} title={t('components.message.dismiss')}>
        ×
      </button>
    </span>
  );
}
