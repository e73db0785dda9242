import type * as SheetJsModule from '@e965/xlsx';
import { createRequire } from 'node:module';

type SheetJs = typeof SheetJsModule;
let loaded: SheetJs | undefined;

/**
 * SheetJS, loaded on first use: it builds its code-page tables as it loads (about a quarter of a
 * second of CPU), which a CSV-only run — the CLI on two CSV files — should not pay.
 */
export const sheetJs = (): SheetJs => (loaded ??= createRequire(import.meta.url)('@e965/xlsx') as SheetJs);
