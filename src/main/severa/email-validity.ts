import { controlProblem, emailAddressIssue } from '../../shared/email-address';
import { type Message, message } from '../../shared/i18n/message';
import { asciiDomain, type EmailForms } from './email-forms';

/**
 * Most addresses are plain ASCII (see EmailForms; capitals allowed) and valid: the few native string searches below
 * confirm that — at most 64 characters before the @, no dot leading, trailing or doubled there, no
 * label starting or ending with "-", no label over 63 characters, no punycode — before the full check, which
 * can say what is wrong. Anything these do not confirm goes to the full check.
 */
const ASCII_ANY_CASE = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,63}$/;
const PUNYCODE = /xn--/i;

function plainAndValid(forms: EmailForms): boolean {
  const raw = forms.raw;
  // Capitals change nothing here: the domain's labels are checked in their lower-case ASCII form.
  if (raw.length > 254 || !(forms.plain || ASCII_ANY_CASE.test(raw))) return false;
  const at = raw.indexOf('@');
  const dot = 46;
  return (
    at <= 64 &&
    raw.length - at - 1 <= 63 &&
    raw.charCodeAt(0) !== dot &&
    raw.charCodeAt(at - 1) !== dot &&
    !raw.includes('..') &&
    !raw.includes('@-') &&
    !raw.includes('-.') &&
    !raw.includes('.-') &&
    !PUNYCODE.test(raw) // punycode: the full check decodes it
  );
}

/**
 * Why an address cannot be a working email address, as words from the catalog, or null if it can. Checked on
 * the address without invisible characters: those are a problem of their own
 * (WHITESPACE_OR_INVISIBLE), reported with where they are. A control character other than a
 * space is both: reported where it is, and no address can hold one.
 */
export function emailProblem(forms: EmailForms): Message | null {
  return plainAndValid(forms) ? null : explainEmailProblem(forms);
}

/** The full check, which says what is wrong (exported so tests can hold the quick check to it). */
export function explainEmailProblem(forms: EmailForms): Message | null {
  if (forms.clean === '') return message(forms.raw === '' ? 'email.problem.empty' : 'email.problem.onlyInvisible');
  return (forms.hasInvisible ? controlProblem(forms.raw) : null) ?? emailAddressIssue(forms.clean, asciiDomain);
}
