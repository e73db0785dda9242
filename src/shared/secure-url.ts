import { z } from 'zod';

export const isLoopbackHost = (host: string): boolean => host === '127.0.0.1' || host === 'localhost' || host === '[::1]';

/** https everywhere, plain http only on this machine (the sandbox). */
export const SecureUrl = z.url({ error: 'must be a URL' }).refine((value) => {
  if (!URL.canParse(value)) return true; // z.url has said so already; zod runs refinements after a failed check too
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}, 'must use https (plain http is allowed only on 127.0.0.1 or localhost)');
