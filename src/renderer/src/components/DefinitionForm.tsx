import { type FormEvent, useLayoutEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { validationWords } from '../../../shared/field-schemas';
import { useErrorText, useI18n } from '../i18n/I18nProvider';

export interface FieldSpec<F extends string> {
  field: F;
  label: string;
  hint?: string;
  /** Several lines may be typed (one per line). */
  multiline?: boolean;
}

interface DefinitionFormProps<F extends string, T> {
  /** What the form is called for assistive technology ("Edit DataBridge", "New environment"). */
  label: string;
  /** The id prefix of its inputs. */
  idPrefix: string;
  fields: readonly FieldSpec<F>[];
  initial: Record<F, string>;
  readOnly?(field: F): boolean;
  /** The draft as the schema wants it (lists split, …), checked with the same schema main uses. */
  toCandidate(draft: Record<F, string>): unknown;
  schema: z.ZodType<T>;
  save(definition: T): Promise<unknown>;
  saveLabel: string;
  onDone(): void;
  /** Fields that are not text (a choice), shown after the text fields; their values reach toCandidate by closure. */
  children?: React.ReactNode;
}

/**
 * A settings definition typed as text fields (an environment, a portal): checked before it leaves,
 * every field's problem shown by that field and focus on the first of them, saved by main (whose own
 * message shows if it refuses). It opens with focus in its first field that can be typed in (an
 * existing definition's id is read-only).
 */
export function DefinitionForm<F extends string, T>({ label, idPrefix, fields, initial, readOnly, toCandidate, schema, save, saveLabel, onDone, children }: DefinitionFormProps<F, T>) {
  const [draft, setDraft] = useState<Record<F, string>>(initial);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<Partial<Record<F, string>>>({});
  const { t, text } = useI18n();
  const errorText = useErrorText();
  const form = useRef<HTMLFormElement>(null);
  useLayoutEffect(() => {
    form.current?.querySelector<HTMLElement>('input:not([readonly]), textarea:not([readonly]), select')?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = schema.safeParse(toCandidate(draft));
    if (!parsed.success) {
      const found: Partial<Record<F, string>> = {};
      const elsewhere: string[] = [];
      for (const issue of parsed.error.issues) {
        const words = validationWords(issue.message);
        const problem = words ? text(words) : issue.message;
        const spec = fields.find((f) => f.field === issue.path[0]);
        if (spec) found[spec.field] ??= t('components.form.problem', { field: spec.label, problem });
        else elsewhere.push(t('components.form.problem', { field: String(issue.path[0] ?? ''), problem }));
      }
      setProblems(found);
      setError(elsewhere.length > 0 ? elsewhere.join(' ') : null);
      const first = fields.find((f) => found[f.field]);
      if (first) document.getElementById(`${idPrefix}-${first.field}`)?.focus();
      return;
    }
    setProblems({});
    try {
      await save(parsed.data);
      onDone();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <form ref={form} onSubmit={(e) => void submit(e)} noValidate aria-label={label}>
      {fields.map(({ field, label: fieldLabel, hint, multiline }) => {
        const props = {
          id: `${idPrefix}-${field}`,
          value: draft[field],
          readOnly: readOnly?.(field) ?? false,
          onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [field]: e.target.value }),
          'aria-invalid': problems[field] ? true : undefined,
          'aria-describedby': [problems[field] && `${idPrefix}-${field}-error`, hint && `${idPrefix}-${field}-hint`].filter(Boolean).join(' ') || undefined,
        };
        return (
        <div className="field" key={field}>
          <label htmlFor={`${idPrefix}-${field}`}>{fieldLabel}</label>
          {multiline ? <textarea rows={2} {...props} /> : <input {...props} />}
          {problems[field] && (
            <span id={`${idPrefix}-${field}-error`} className="field-error">
              {problems[field]}
            </span>
          )}
          {hint && (
            <span id={`${idPrefix}-${field}-hint`} className="hint">
              {hint}
            </span>
          )}
        </div>
        );
      })}
      {children}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onDone}>
          {t('components.dialog.cancel')}
        </button>
        <button type="submit" className="primary">
          {saveLabel}
        </button>
      </div>
    </form>
  );
}
