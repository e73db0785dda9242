import type { KeyboardEvent, PointerEvent } from 'react';
import { useI18n } from '../../i18n/I18nProvider';

const STEP = 16;
const MAX = 600;

interface ColumnResizerProps {
  /** The id of the column's header text: it describes the handle (its name stays short, so it is not a second "Status"). */
  headerId: string;
  min: number;
  /** The width the user gave the column; undefined while it shares the space with the others. */
  width: number | undefined;
  onResize(width: number | undefined): void;
}

/**
 * The handle on a column header's right edge: drag it, or focus it and press the arrow keys.
 * A double click (or Home) gives the column back its share of the window.
 */
export function ColumnResizer({ headerId, min, width, onResize }: ColumnResizerProps) {
  const { t } = useI18n();
  const clamp = (value: number) => Math.round(Math.max(min, Math.min(MAX, value)));
  const current = (handle: HTMLElement) => width ?? handle.parentElement!.getBoundingClientRect().width;

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    const handle = event.currentTarget;
    const startX = event.clientX;
    const startWidth = current(handle);
    handle.setPointerCapture(event.pointerId);
    const move = (e: globalThis.PointerEvent) => onResize(clamp(startWidth + e.clientX - startX));
    const stop = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', stop);
      handle.removeEventListener('pointercancel', stop);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', stop);
    handle.addEventListener('pointercancel', stop);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const delta = event.key === 'ArrowRight' ? STEP : event.key === 'ArrowLeft' ? -STEP : 0;
    if (delta !== 0) onResize(clamp(current(event.currentTarget) + delta));
    else if (event.key === 'Home') onResize(undefined);
    else return;
    event.preventDefault();
  };

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={t('profiles.column.resize')}
      aria-describedby={headerId}
      aria-valuemin={min}
      aria-valuemax={MAX}
      aria-valuenow={Math.round(width ?? min)}
      tabIndex={0}
      className="column-resizer"
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
      onDoubleClick={() => onResize(undefined)}
    />
  );
}
