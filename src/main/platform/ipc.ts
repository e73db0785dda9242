import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC_INVOKE_CHANNEL } from '../../shared/api';
import type { Dispatch } from '../api/dispatcher';
import type { Logger } from '../logger';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/**
 * Trusted = the top frame of one of our own windows, showing our own page. A subframe,
 * another window, or our window after it was somehow navigated elsewhere is refused.
 */
export function trustedSender(isOurWebContents: (id: number) => boolean, isAppUrl: (url: string) => boolean): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    return isOurWebContents(event.sender.id) && isAppUrl(frame.url);
  };
}

/** One channel, one handler: the dispatcher validates the method and its arguments. */
export function serveApi(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch, isTrusted: SenderCheck, log: Logger): void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, method: unknown, args: unknown) => {
    if (!isTrusted(event)) {
      log.warn('ipc.foreign-sender', { url: event.senderFrame?.url ?? null, method: typeof method === 'string' ? method : null });
      return { ok: false, error: { code: 'forbidden', message: 'This window may not call Bridgekeeper.' } };
    }
    return dispatch(method, args);
  });
}
