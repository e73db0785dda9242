import { useRef } from 'react';
import type { FileText } from '../../../shared/api';
import { readPickedFile } from './files';

interface JsonFileButtonProps {
  /** The button's text ("Import from file…"). */
  children: string;
  /** What the hidden file input is called for assistive technology and tests ("Portal file"). */
  inputLabel: string;
  className?: string;
  onFile(file: FileText): void;
}

/** A button that opens the system's file picker for one JSON file (an environment or portal file) and hands over its text. */
export function JsonFileButton({ children, inputLabel, className, onFile }: JsonFileButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={inputLabel}
        onChange={() => void readPickedFile(input.current!).then((file) => file && onFile(file))}
      />
      <button type="button" className={className} onClick={() => input.current?.click()}>
        {children}
      </button>
    </>
  );
}
