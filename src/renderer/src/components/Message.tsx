/** A line that answers the user's last action: read out politely when it went well, at once when not. */
export function Message({ message }: { message: { error: boolean; text: string } | null }) {
  if (!message) return null;
  return (
    <p role={message.error ? 'alert' : 'status'} className={message.error ? 'form-error' : 'form-ok'}>
      {message.text}
    </p>
  );
}
