import { Loader, TextInput } from '@mantine/core';
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

import type { SheetCellTexts } from '../app/sheet-cells';

interface EditableCellProps {
  value: string;
  column: string;
  row: number;
  /** What the cell's button says to a screen reader (see cellLabeller). */
  label: string;
  /** How the screen writes the file's cells, from the caller (see the component's comment). */
  sheetCells: SheetCellTexts;
  editable: boolean;
  /** The cell the row's explanation blames: marked, and said so to a screen reader. */
  failed?: boolean;
  /** Outside a grid each value is a Tab stop of its own (in the grid the cell holds it). */
  tabbable?: boolean;
  testId?: string;
  /** Resolves when the engine recorded the fix; rejects to keep the editor open. */
  onCommit: (value: string) => Promise<void>;
}

/** A cell of a failed row: a button that turns into a text box; Enter saves, Escape gives up.
 * Its label and how it writes its value come from the caller: a grid scrolled fast mounts
 * hundreds of cells a second, and a language hook in each made every one of them subscribe to
 * the language (react-i18next binds each hook's listeners on mount and unbinds them on unmount). */
export function EditableCell({
  value,
  column,
  row,
  label,
  sheetCells,
  editable,
  failed = false,
  tabbable = false,
  testId = 'results-cell',
  onCommit,
}: EditableCellProps) {
  // The editor starts from the value as shown: a workbook date in the operator's own order.
  const shown = sheetCells.cell(value);
  const [draft, setDraft] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  /** Outside a grid (the row's panel) the keyboard comes back to this cell's own button. */
  const refocus = useRef(false);

  useEffect(() => {
    if (draft === null && refocus.current) {
      refocus.current = false;
      buttonRef.current?.focus();
    }
  }, [draft]);

  if (!editable) {
    return (
      <span className={failed ? 'carga-cell-text carga-cell-failed' : 'carga-cell-text'} title={shown}>
        {shown}
      </span>
    );
  }

  const commit = async () => {
    if (draft === null || saving) return;
    if (draft === shown) {
      setDraft(null);
      return;
    }
    setSaving(true);
    try {
      await onCommit(sheetCells.typed(draft));
      setDraft(null);
    } catch {
      // The caller told the operator why; the text box stays open with what they typed.
    } finally {
      setSaving(false);
    }
  };

  if (draft !== null) {
    return (
      <CellEditor
        draft={draft}
        column={column}
        row={row}
        saving={saving}
        testId={testId}
        inputRef={inputRef}
        onChange={setDraft}
        onKeyDown={(event) => {
          if (event.key !== 'Enter' && event.key !== 'Escape') return;
          // The keyboard goes back to the cell that was edited, not to the page's start.
          const cell = inputRef.current?.closest<HTMLElement>('[role="gridcell"]');
          event.stopPropagation();
          refocus.current = !cell;
          const done = event.key === 'Enter' ? commit() : Promise.resolve(setDraft(null));
          void done.then(() => cell?.focus());
        }}
        onBlur={() => void commit()}
      />
    );
  }

  return (
    // A plain button (styled by .carga-cell-button): a Mantine component per cell made each row
    // scrolled into view cost a dozen of them.
    <button
      ref={buttonRef}
      type="button"
      onClick={() => setDraft(shown)}
      tabIndex={tabbable ? 0 : -1}
      aria-label={label}
      title={shown}
      className={failed ? 'carga-cell-button carga-cell-failed' : 'carga-cell-button'}
      data-testid={testId}
      data-column={column}
      data-row={row}
      data-failed={failed || undefined}
    >
      {value === '' ? <span className="carga-cell-empty">—</span> : shown}
    </button>
  );
}

interface CellEditorProps {
  draft: string;
  column: string;
  row: number;
  saving: boolean;
  testId: string;
  inputRef: RefObject<HTMLInputElement | null>;
  onChange: (draft: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  onBlur: () => void;
}

/** The text box of the one cell being edited. */
function CellEditor({
  draft,
  column,
  row,
  saving,
  testId,
  inputRef,
  onChange,
  onKeyDown,
  onBlur,
}: CellEditorProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      size="xs"
      autoFocus
      value={draft}
      aria-label={t('results.editCell', { column, row })}
      onChange={(event) => onChange(event.currentTarget.value)}
      ref={inputRef}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
      rightSection={saving ? <Loader size={12} /> : null}
      disabled={saving}
      data-testid={`${testId}-input`}
      w="100%"
    />
  );
}
