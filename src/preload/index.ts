import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL, API_METHODS, type ApiEvent, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../shared/api';
import type { ApiResult } from '../shared/api-result';
import { createApiClient } from '../shared/api-client';

// Exactly the contract, nothing raw: no ipcRenderer, no channel names, no Node reach the page.
contextBridge.exposeInMainWorld(
  API_GLOBAL,
  createApiClient(
    API_METHODS,
    (method, args) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, args) as Promise<ApiResult<unknown>>,
    (deliver) => {
      ipcRenderer.on(IPC_EVENT_CHANNEL, (_event, payload: ApiEvent) => deliver(payload));
    },
  ),
);
