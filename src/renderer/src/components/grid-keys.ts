/**
 * Where a key moves the active row of a virtualized grid — arrows, Page Up/Down, Home, End —
 * kept within the rows there are; null for any other key.
 */
export function gridMoveTarget(key: string, active: number, count: number, scroller: HTMLElement | null, rowHeight: number): number | null {
  const page = Math.max(1, Math.floor((scroller?.clientHeight ?? rowHeight) / rowHeight) - 1);
  const moves: Record<string, number> = {
    ArrowDown: active + 1,
    ArrowUp: active - 1,
    PageDown: active + page,
    PageUp: active - page,
    Home: 0,
    End: count - 1,
  };
  const target = moves[key];
  return target === undefined || count === 0 ? null : Math.max(0, Math.min(count - 1, target));
}
