import { z } from 'zod';

/**
 * This machine: 127.0.0.1, [::1], localhost and any name under .localhost (portal.databridge.localhost),
 * which browsers resolve to loopback themselves (RFC 6761 §6.3) — the sandbox gives its portal
 * look-alikes such names to stand on different sites, and a parent domain they share.
 */
export const isLoopbackHost = (host: string): boolean => {
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === '127.0.0.1' || name === '[::1]' || name === 'localhost' || name.endsWith('.localhost');
};

/** https everywhere, plain http only on this machine (the sandbox). */
export const SecureUrl = z.url({ error: 'must be a URL' }).refine((value) => {
  if (!URL.canParse(value)) return true; // z.url has said so already; zod runs refinements after a failed check too
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}, 'must use https (plain http is allowed only on 127.0.0.1 or localhost)');
