import { create } from 'zustand';
import type { LogExplanation } from '../../../../shared/log-explanation';
import { ApiError } from '../../../../shared/api-client';
import { api } from '../../api';

/** A log dropped on the window before the explainer was open: the explainer takes it when it opens. */
export const useDroppedLog = create<{ file: File | null; drop(file: File | null): void }>((set) => ({
  file: null,
  drop: (file) => set({ file }),
}));

/**
 * A dropped log is streamed from disk by the path the preload finds for it (any size); a file
 * with no path on disk (dragged out of a browser, or in the test harness) is read here instead.
 */
export async function explainDroppedFile(file: File): Promise<LogExplanation> {
  try {
    return await api.explainDroppedLog(file);
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'no-file-path')) throw error;
    return api.explainLog({ name: file.name, text: await file.text() });
  }
}
