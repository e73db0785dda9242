import { codePoint, invisibleCharacterName } from '../../../../shared/severa-words';
import { useSeveraWords } from './reasons';

/** The characters the engine counts as invisible (src/main/severa/invisible-characters.ts): spaces, every default-ignorable, every control. */
const INVISIBLE = /([\s\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}])/u;

/**
 * An address exactly as a system holds it, whole: never cut or elided (a cut address reads as
 * another address), wrapped where the column ends instead. Every space and invisible character
 * is shown as a marked code (⟨U+00A0⟩) where it sits, the difference a person could otherwise not
 * see; a marker is never split across lines.
 */
export function EmailText({ email }: { email: string }) {
  const words = useSeveraWords();
  if (email === '') return <span className="email-empty">{words.t('severa.panel.email.empty')}</span>;
  if (!INVISIBLE.test(email)) return <span className="email">{email}</span>;
  return (
    <span className="email">
      {email.split(INVISIBLE).map((part, i) =>
        i % 2 === 1 ? (
          <span key={i} className="invisible-char" title={words.say(invisibleCharacterName(part))}>
            ⟨{codePoint(part)}⟩
          </span>
        ) : (
          part
        ),
      )}
    </span>
  );
}
