import { Loader, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface EditableCellProps {
  value: string;
  column: string;
  row: number;
  editable: boolean;
  /** Resolves when the engine recorded the fix; rejects to keep the editor open. */
  onCommit: (value: string) => Promise<void>;
}

/** A cell of a failed row: a button that turns into a text box; Enter saves, Escape gives up. */
export function EditableCell({ value, column, row, editable, onCommit }: EditableCellProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  if (!editable) {
    return (
      <span className="carga-cell-text" title={value}>
        {value}
      </span>
    );
  }

  const commit = async () => {
    if (draft === null || saving) return;
    if (draft === value) {
      setDraft(null);
      return;
    }
    setSaving(true);
    try {
      await onCommit(draft);
      setDraft(null);
    } catch {
      // The caller told the operator why; the text box stays open with what they typed.
    } finally {
      setSaving(false);
    }
  };

  if (draft !== null) {
    return (
      <TextInput
        size="xs"
        autoFocus
        value={draft}
        aria-label={t('results.editCell', { column, row })}
        onChange={(event) => setDraft(event.currentTarget.value)}
        ref={inputRef}
        onKeyDown={(event) => {
          if (event.key !== 'Enter' && event.key !== 'Escape') return;
          // The keyboard goes back to the cell that was edited, not to the page's start.
          const cell = inputRef.current?.closest<HTMLElement>('[role="gridcell"]');
          event.stopPropagation();
          const done = event.key === 'Enter' ? commit() : Promise.resolve(setDraft(null));
          void done.then(() => cell?.focus());
        }}
        onBlur={() => void commit()}
        rightSection={saving ? <Loader size={12} /> : null}
        disabled={saving}
        data-testid="results-cell-input"
        w="100%"
      />
    );
  }

  return (
    // A plain button (styled by .carga-cell-button): a Mantine component per cell made each row
    // scrolled into view cost a dozen of them.
    <button
      type="button"
      onClick={() => setDraft(value)}
      tabIndex={-1}
      aria-label={t('a11y.cellValue', { value: value === '' ? t('a11y.emptyValue') : value, column, row })}
      title={value}
      className="carga-cell-button"
      data-testid="results-cell"
      data-column={column}
      data-row={row}
    >
      {value === '' ? <span className="carga-cell-empty">—</span> : value}
    </button>
  );
}
