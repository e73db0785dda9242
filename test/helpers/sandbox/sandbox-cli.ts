import { type ChildProcess, spawn } from 'node:child_process';

/** `npm run sandbox -- …` as a child process of the tests, with its output gathered and its exit awaited. */
export const runSandboxCli = (args: string[]): ChildProcess => spawn(process.execPath, ['--import', 'tsx', 'sandbox/cli.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });

export const collectOutput = (child: ChildProcess) => {
  const out = { stdout: '', stderr: '' };
  child.stdout!.on('data', (chunk: Buffer) => (out.stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out.stderr += chunk.toString()));
  return out;
};

export const exitOf = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
