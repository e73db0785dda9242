/**
 * A function of ours as the source a page runs: its text, called with JSON arguments. A build that
 * keeps function names (tsx, esbuild's keepNames) wraps inner functions in a `__name` helper that
 * lives outside the function; the page has none, so it gets a harmless one of its own.
 */
export function pageScript<A>(fn: (arg: A) => unknown, arg: A): string {
  return `(() => { const __name = (target) => target; return (${fn.toString()})(${JSON.stringify(arg)}); })()`;
}
