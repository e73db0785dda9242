import type { Message } from '../../shared/i18n/message';
import type { JobConfirmation } from '../../shared/reauth';
import { inWords, joined, verbatim } from '../in-words';
import { BODY_CAPS, readCappedText } from '../http/read-capped';
import { hideSecrets, maskUrl } from '../redact';

/** DataBridge runs at most one job per integration every 5 minutes (visma-facts.md). */
export const JOB_INTERVAL_MS = 5 * 60 * 1000;


/**
 * Shows enough of a triggered-job URL to recognise it, and none of its secret key, wherever the key
 * sits (a query value, a path segment): the origin and the path's first segment, by structure.
 */
export const maskJobUrl = (url: string): string => maskUrl(url);

/**
 * Runs a portal profile's job once through its triggered-job URL and reads the JSON answer
 * (`success`, `message`). It runs a real job, so the caller asks only after a reconnect, and only
 * for profiles whose owner gave the URL; `explain` turns a Visma error in the message into words.
 * Every text that comes from the call (the portal's message, the error's words) has the URL and its
 * key taken out before it goes anywhere: the endpoint may echo them, in any case or encoding.
 */
export async function runTriggeredJob(
  url: string,
  deps: { fetch: typeof fetch; now: Date; lastRunAt?: string; explain(message: string): Promise<Message | undefined>; timeoutMs?: number },
): Promise<JobConfirmation> {
  if (deps.lastRunAt) {
    const next = new Date(Date.parse(deps.lastRunAt) + JOB_INTERVAL_MS);
    if (next > deps.now) {
      const at = next.toISOString().slice(11, 16);
      return { state: 'too-soon', ...inWords('reauth.job.too-soon', { ran: deps.lastRunAt.slice(11, 16), next: at }) };
    }
  }
  const hide = (text: string) => hideSecrets(text, { jobUrl: url });
  let text: string;
  let status: number;
  try {
    const response = await deps.fetch(url, { method: 'GET', redirect: 'error', signal: AbortSignal.timeout(deps.timeoutMs ?? 60_000), headers: { accept: 'application/json' } });
    status = response.status;
    text = await readCappedText(response, BODY_CAPS.job);
  } catch (error) {
    return { state: 'unreachable', ...inWords('reauth.job.unreachable', { detail: hide(error instanceof Error ? error.message : String(error)) }) };
  }
  let answer: { success?: unknown; message?: unknown };
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    return { state: 'unreachable', ...inWords('reauth.job.not-json', { status: String(status) }) };
  }
  // Taken out before the cut, so a key that straddles it cannot leave half of itself behind.
  const message = typeof answer.message === 'string' ? hide(answer.message).slice(0, 2000) : '';
  if (answer.success === true) return message ? { state: 'ok', message } : { state: 'ok', ...inWords('reauth.job.ran') };
  if (status === 401 || status === 403) {
    const refused = inWords('reauth.job.refused', { status: String(status) });
    return { state: 'unreachable', message: `${refused.message} ${message}`.trim(), words: message ? joined(refused.words, verbatim(message)) : refused.words };
  }
  const explanation = await deps.explain(message);
  return { state: 'failed', ...(message ? { message } : inWords('reauth.job.failed', { status: String(status) })), ...(explanation ? { explanation } : {}) };
}
