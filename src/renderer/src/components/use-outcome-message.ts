import { useState } from 'react';
import { useErrorText } from '../i18n/I18nProvider';

export type OutcomeMessage = { error: boolean; text: string } | null;

/** Runs an action that says what it did; its words, or the error's, become the message shown (components/Message). */
export function useOutcomeMessage() {
  const [message, setMessage] = useState<OutcomeMessage>(null);
  const errorText = useErrorText();
  const run = async (action: () => Promise<string>) => {
    try {
      setMessage({ error: false, text: await action() });
    } catch (error) {
      setMessage({ error: true, text: errorText(error) });
    }
  };
  return { message, run };
}
