import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
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
 * the first problem named by its field's label, saved by main (whose own message shows if it refuses).
 */
export function DefinitionForm<F extends string, T>({ label, idPrefix, fields, initial, readOnly, toCandidate, schema, save, saveLabel, onDone, children }: DefinitionFormProps<F, T>) {
  const [draft, setDraft] = useState<Record<F, string>>(initial);
  const [error, setError] = useState<string | null>(null);
  const { t } = useI18n();
  const errorText = useErrorText();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = schema.safeParse(toCandidate(draft));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const name = fields.find((f) => f.field === issue.path[0])?.label ?? String(issue.path[0]);
      setError(t('components.form.problem', { field: name, problem: issue.message }));
      return;
    }
    try {
      await save(parsed.data);
      onDone();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={label}>
      {fields.map(({ field, label: fieldLabel, hint, multiline }) => {
        const props = {
          id: `${idPrefix}-${field}`,
          value: draft[field],
          readOnly: readOnly?.(field) ?? false,
          onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [field]: e.target.value }),
          'aria-describedby': hint ? `${idPrefix}-${field}-hint` : undefined,
        };
        return (
        <div className="field" key={field}>
          <label htmlFor={`${idPrefix}-${field}`}>{fieldLabel}</label>
          {multiline ? <textarea rows={2} {...props} /> : <input {...props} />}
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
