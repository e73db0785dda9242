import { readFile } from 'node:fs/promises';
import { expect } from 'vitest';
import type { tempApp } from './temp-app';

/**
 * The token-leak scan for the fast tests: the settings file, the audit trail, the log, every event
 * sent to the window and every answer the test received (what crossed IPC) must not hold a secret.
 */
export async function expectNoSecrets(app: ReturnType<typeof tempApp>, secrets: Record<string, string | undefined>, answers: unknown[] = []) {
  const read = (file: string) => readFile(file, 'utf8').catch(() => '');
  const haystacks = {
    settings: await read(app.settingsFile),
    events: await read(`${app.dir}/events.jsonl`),
    log: JSON.stringify(app.log.lines),
    ipc: JSON.stringify([...app.events, ...answers]),
  };
  expect(haystacks.settings.length, 'the settings file was written').toBeGreaterThan(0);
  for (const [kind, secret] of Object.entries(secrets)) {
    expect(secret, `the test knows the ${kind}`).toBeTruthy();
    for (const [where, text] of Object.entries(haystacks)) expect(text.includes(secret!), `the ${kind} found in ${where}`).toBe(false);
  }
  for (const [where, text] of Object.entries(haystacks)) expect(/eyJ[\w-]{2,}\.[\w-]+\.[\w-]*/.test(text), `a JWT found in ${where}`).toBe(false);
}
