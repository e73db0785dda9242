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

/** Where two addresses start to differ, a few characters early so the cut keeps some context; 0 when they do not share a start. */
function sharedStart(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i === a.length && i === b.length ? 0 : Math.max(0, i - 3);
}

const codePoint = (char: string): string => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * An address exactly as a system holds it, with every space and invisible character shown as a
 * marked code (⟨U+00A0⟩) where it sits: the difference a person could otherwise not see.
 */
export function EmailText({ email, comparedWith }: { email: string; comparedWith?: string | undefined }) {
  if (email === '') return <span className="email-empty">(empty)</span>;
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
