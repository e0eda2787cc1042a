import { createContext, useContext, useMemo } from 'react';

import type { FileKind } from '../../shared/contract';
import type { Message } from '../../shared/messages/message';
import { sheetCellMessage, sheetCellText, sheetCellValue } from '../../shared/sheet-cell-text';
import { useLang } from '../i18n/use-lang';
import { messageText } from './message-text';

/** The kind of file whose cells a screen shows: a workbook's date cells read as dates. */
const SheetKindContext = createContext<FileKind>('csv');

export const SheetKindProvider = SheetKindContext.Provider;

export interface SheetCellTexts {
  /** A cell's value as the operator reads it (a workbook date in their language's order). */
  cell: (value: string) => string;
  /** What the operator typed over a cell, as the value to keep (a date typed as `cell` shows
   * dates is kept as the workbook's own date cells are). */
  typed: (text: string) => string;
  /** An engine message in the operator's language, quoting the cell it is about as `cell` shows it. */
  message: (message: Message) => string;
}

/** How this screen writes the file's cells and the explanations quoting them. */
export function useSheetCells(): SheetCellTexts {
  const lang = useLang();
  const kind = useContext(SheetKindContext);
  return useMemo(
    () => ({
      cell: (value) => sheetCellText(lang, value, kind),
      typed: (text) => sheetCellValue(lang, text, kind),
      message: (message) => messageText(lang, sheetCellMessage(lang, message, kind)),
    }),
    [lang, kind],
  );
}
