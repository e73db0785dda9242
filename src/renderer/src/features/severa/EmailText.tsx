/** The characters the engine counts as invisible (src/main/severa/invisible-characters.ts). */
const INVISIBLE = /([\s\u00ad\u200b-\u200d\u2060\ufeff])/u;

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
};

const codePoint = (char: string): string => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * An address exactly as a system holds it, with every space and invisible character shown as a
 * marked code (U+00A0) where it sits: the difference a person could otherwise not see.
 */
export function EmailText({ email }: { email: string }) {
  if (email === '') return <span className="email-empty">(empty)</span>;
  if (!INVISIBLE.test(email)) return <span className="email">{email}</span>;
  return (
    <span className="email">
      {email.split(INVISIBLE).map((part, i) =>
        i % 2 === 1 ? (
          <span key={i} className="invisible-char" title={NAMES[part] ?? 'invisible character'}>
            {codePoint(part)}
          </span>
        ) : (
          part
        ),
      )}
    </span>
  );
}
