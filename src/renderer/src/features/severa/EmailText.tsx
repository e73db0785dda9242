import { codePoint, invisibleCharacterName } from '../../../../shared/severa-words';
import { useSeveraWords } from './reasons';

/** The characters the engine counts as invisible (src/main/severa/invisible-characters.ts): spaces and every default-ignorable. */
const INVISIBLE = /([\s\p{White_Space}\p{Default_Ignorable_Code_Point}])/u;


/** Where two addresses start to differ, a few characters early so the cut keeps some context; 0 when they do not share a start. */
function sharedStart(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i === a.length && i === b.length ? 0 : Math.max(0, i - 3);
}

/**
 * An address exactly as a system holds it, with every space and invisible character shown as a
 * marked code (⟨U+00A0⟩) where it sits: the difference a person could otherwise not see.
 */
export function EmailText({ email, comparedWith }: { email: string; comparedWith?: string | undefined }) {
  const words = useSeveraWords();
  if (email === '') return <span className="email-empty">{words.t('severa.panel.email.empty')}</span>;
  if (!INVISIBLE.test(email)) {
    const cut = comparedWith === undefined ? 0 : sharedStart(email, comparedWith);
    if (cut === 0) return <span className="email" title={email}>{email}</span>;
    // A narrow column cuts what both addresses share, so the part that differs stays in view.
    return (
      <span className="email email-split" title={email}>
        <span className="email-same">{email.slice(0, cut)}</span>
        <span className="email-differs">{email.slice(cut)}</span>
      </span>
    );
  }
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
