/** The characters the engine counts as invisible (src/main/severa/invisible-characters.ts): spaces and every default-ignorable. */
const INVISIBLE = /([\s\p{White_Space}\p{Default_Ignorable_Code_Point}])/u;

const NAMES: Record<string, string> = {
  ' ': 'space',
  '\t': 'tab',
  '\u00a0': 'no-break space',
  '\u00ad': 'soft hyphen',
  '\u200b': 'zero-width space',
  '\u200c': 'zero-width non-joiner',
  '\u200d': 'zero-width joiner',
  '\u2060': 'word joiner',
  '\ufeff': 'byte order mark',
  '\u200e': 'left-to-right mark',
  '\u200f': 'right-to-left mark',
  '\u202e': 'right-to-left override',
};

const codePoint = (char: string): string => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * An address exactly as a system holds it, with every space and invisible character shown as a
 * marked code (⟨U+00A0⟩) where it sits: the difference a person could otherwise not see.
 */
export function EmailText({ email }: { email: string }) {
  if (email === '') return <span className="email-empty">(empty)</span>;
  if (!INVISIBLE.test(email)) return <span className="email">{email}</span>;
  return (
    <span className="email">
      {email.split(INVISIBLE).map((part, i) =>
        i % 2 === 1 ? (
          <span key={i} className="invisible-char" title={NAMES[part] ?? 'invisible character'}>
            ⟨{codePoint(part)}⟩
          </span>
        ) : (
          part
        ),
      )}
    </span>
  );
}
