/**
 * The tests send traffic to this machine only. An app under test that is pointed at a real Visma
 * address (to check what it says about it) gets this fetch: a non-loopback host fails at once, as an
 * unreachable one would, instead of leaving the machine.
 */
export const loopbackOnlyFetch: typeof fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new TypeError('fetch failed', { cause: Object.assign(new Error(`getaddrinfo ENOTFOUND ${url.hostname}`), { code: 'ENOTFOUND' }) });
  }
  return fetch(input, init);
};
