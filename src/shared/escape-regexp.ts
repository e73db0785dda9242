/** Text to match literally inside a regular expression (RegExp.escape arrives only with Node 24). */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
