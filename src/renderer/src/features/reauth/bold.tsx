import type { ReactNode } from 'react';

/** The `<b>` of a catalog message as a <strong>, each with its own key (for `rich`). */
export function boldTags(): Record<'b', (chunks: ReactNode[]) => ReactNode> {
  let next = 0;
  return { b: (chunks) => <strong key={`b${next++}`}>{chunks}</strong> };
}
