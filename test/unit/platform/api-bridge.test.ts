import { describe, expect, it } from 'vitest';
import { API_METHODS, type ApiEvent } from '../../../src/shared/api';
import { type ApiBridge, createApiBridge } from '../../../src/shared/api-bridge';
import { ApiError, createApiClient } from '../../../src/shared/api-client';
import type { ApiResult } from '../../../src/shared/api-result';
import { API_ARGS } from '../../../src/shared/api-args';
import type { LoginWith } from '../../../src/shared/login-with';
import { exposeInMainWorldTwin } from '../../helpers/context-bridge-twin';

/** The preload's side built over `invoke`, then exposed through the contextBridge twin, as the page sees it. */
function acrossTheBridge(invoke: (method: string, args: unknown[]) => Promise<ApiResult<unknown>>, pathOf: (file: File) => string = () => '') {
  let deliver: (event: ApiEvent) => void = () => undefined;
  const world: Record<string, unknown> = {};
  exposeInMainWorldTwin(world, 'bridgekeeper', createApiBridge(API_METHODS, invoke, (d) => (deliver = d), pathOf) as unknown as Record<string, unknown>);
  return { bridge: world.bridgekeeper as ApiBridge, deliver: (event: ApiEvent) => deliver(event) };
}

describe('the contextBridge twin copies as Electron does', () => {
  it('drops what an Error carries besides its message, thrown or rejected', async () => {
    const world: Record<string, unknown> = {};
    const coded = () => Object.assign(new Error('A newer run replaced this one.'), { code: 'severa-stale-run' });
    exposeInMainWorldTwin(world, 'api', {
      rejects: async () => {
        throw coded();
      },
      throws: () => {
        throw coded();
      },
    });
    const api = world.api as { rejects(): Promise<never>; throws(): never };
    const rejected = await api.rejects().catch((e: unknown) => e);
    expect(rejected).toBeInstanceOf(Error);
    expect((rejected as Error).message).toBe('A newer run replaced this one.');
    expect((rejected as { code?: string }).code).toBeUndefined();
    expect(() => api.throws()).toThrow(expect.not.objectContaining({ code: 'severa-stale-run' }));
  });

  it('copies values by structured clone: the page gets its own copy, class instances arrive as plain objects', async () => {
    class Row {
      constructor(readonly id: string) {}
      label() {
        return this.id;
      }
    }
    const shared = { rows: [new Row('a')], when: new Date(0) };
    const world: Record<string, unknown> = {};
    exposeInMainWorldTwin(world, 'api', { get: async () => shared });
    const got = (await (world.api as { get(): Promise<typeof shared> }).get()) as unknown as { rows: object[]; when: Date };
    expect(got).not.toBe(shared);
    expect(got.rows[0]).not.toBeInstanceOf(Row);
    expect(got.when).toBeInstanceOf(Date);
  });
});

describe('the API across contextBridge', () => {
  it('keeps an error code the renderer branches on (the Severa stale-run check)', async () => {
    const { bridge } = acrossTheBridge(async () => ({ ok: false, error: { code: 'severa-stale-run', message: 'A newer run replaced this one.' } }));
    const api = createApiClient(bridge);
    const error = await api.listSeveraVerdicts(1, { reason: null, search: '' } as never, 0, 10).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'severa-stale-run', message: 'A newer run replaced this one.' });
  });

  it('gives back values, and events reach every listener until it unsubscribes', async () => {
    const { bridge, deliver } = acrossTheBridge(async (method, args) => ({ ok: true, value: { method, args } }));
    const api = createApiClient(bridge);
    expect(await api.listProfiles(0, 5)).toEqual({ method: 'listProfiles', args: [0, 5] });
    const seen: ApiEvent[] = [];
    const stop = api.onEvent((event) => seen.push(event));
    deliver({ type: 'menu-command', command: 'find' });
    stop();
    deliver({ type: 'menu-command', command: 'check-health' });
    expect(seen).toEqual([{ type: 'menu-command', command: 'find' }]);
  });

  it('leaves an optional argument left undefined out, so every method’s schema accepts the call as the caller meant it', async () => {
    const { bridge } = acrossTheBridge(async (method, args) => {
      const parsed = API_ARGS[method as keyof typeof API_ARGS].safeParse(JSON.parse(JSON.stringify(args))); // as the harness's JSON and…
      const cloned = API_ARGS[method as keyof typeof API_ARGS].safeParse(structuredClone(args)); // …as Electron's structured clone carry them
      return { ok: true, value: { args, json: parsed.success, clone: cloned.success } };
    });
    const api = createApiClient(bridge);
    const options: { loginWith?: LoginWith } | undefined = undefined;
    expect(await api.reauthenticate('orders', options)).toEqual({ args: ['orders'], json: true, clone: true });
    expect(await api.reauthenticate('orders', { loginWith: { kind: 'window' } })).toMatchObject({ json: true, clone: true });
  });

  it('turns a failed transport into a result, never a throw that would lose its shape', async () => {
    const { bridge } = acrossTheBridge(async () => {
      throw new Error("No handler registered for 'bridgekeeper:invoke'");
    });
    expect(await bridge.listNotices()).toEqual({ ok: false, error: { code: 'internal', message: "No handler registered for 'bridgekeeper:invoke'" } });
  });

  it('sends a dropped log by the path the preload finds for it, never a path the page names', async () => {
    const calls: unknown[][] = [];
    const dropped = new File(['log'], 'databridge.log');
    const { bridge } = acrossTheBridge(
      async (method, args) => {
        calls.push([method, ...args]);
        return { ok: true, value: null };
      },
      (file) => (file === dropped ? '/home/anna/databridge.log' : ''),
    );
    const api = createApiClient(bridge);
    await api.explainDroppedLog(dropped);
    expect(calls).toEqual([['explainDroppedLog', '/home/anna/databridge.log']]);
    await expect(api.explainDroppedLog(new File(['x'], 'made-by-script.log'))).rejects.toMatchObject({ code: 'no-file-path' });
    await expect(api.explainDroppedLog('/etc/passwd' as unknown as File)).rejects.toMatchObject({ code: 'no-file-path' });
    expect(calls).toHaveLength(1);
  });
});
