import { afterEach } from 'vitest';
import { type Sandbox, type SandboxOptions, startSandbox } from '../../../sandbox';

/** A fresh sandbox per test (starting one takes a few tens of milliseconds), closed after it. */
export function sandboxPerTest(): (options?: SandboxOptions) => Promise<Sandbox> {
  const open: Sandbox[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((sandbox) => sandbox.close()));
  });
  return async (options) => {
    const sandbox = await startSandbox(options);
    open.push(sandbox);
    return sandbox;
  };
}
