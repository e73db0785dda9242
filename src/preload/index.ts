import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { API_GLOBAL, API_METHODS, type ApiEvent, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../shared/api';
import { createApiBridge } from '../shared/api-bridge';
import type { ApiResult } from '../shared/api-result';

// Exactly the contract, nothing raw: no ipcRenderer, no channel names, no Node reach the page.
// Results, not thrown errors, cross contextBridge (it keeps only an Error's message).
contextBridge.exposeInMainWorld(
  API_GLOBAL,
  createApiBridge(
    API_METHODS,
    (method, args) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, args) as Promise<ApiResult<unknown>>,
    (deliver) => {
      ipcRenderer.on(IPC_EVENT_CHANNEL, (_event, payload: ApiEvent) => deliver(payload));
    },
    (file) => webUtils.getPathForFile(file),
  ),
);
