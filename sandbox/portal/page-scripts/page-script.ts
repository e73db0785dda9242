/**
 * A page script is a function of its own module — type-checked and linted like the rest — sent to the
 * browser as its source, called with a JSON config, inline under the page's CSP nonce. Such a function
 * must be self-contained and declare no inner named functions: a build that keeps names (tsx, which
 * runs `npm run sandbox`) would wrap those in a helper the page does not have.
 */
export function pageScript<T>(script: (config: T) => void, config: T): string {
  const source = script.toString();
  if (source.includes('__name(')) throw new Error(`The page script ${script.name} was built with kept names: it declares an inner named function`);
  // "<" escaped, so no text in the config can close the <script> element.
  return `(${source})(${JSON.stringify(config).replace(/</g, '\\u003c')});`;
}
