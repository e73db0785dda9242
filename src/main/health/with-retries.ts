/** Runs `attempt` until it gives an answer that is not transient, waiting longer each time (with jitter). */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  isTransient: (result: T) => boolean,
  options: { attempts: number; baseDelayMs: number; signal?: AbortSignal },
): Promise<T> {
  let result = await attempt();
  for (let i = 1; i < options.attempts && isTransient(result) && !options.signal?.aborted; i++) {
    const delay = options.baseDelayMs * 2 ** (i - 1) * (0.75 + Math.random() / 2);
    await new Promise((resolve) => setTimeout(resolve, delay));
    result = await attempt();
  }
  return result;
}
