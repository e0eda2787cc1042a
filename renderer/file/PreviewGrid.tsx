import { ScrollArea, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { FileInfo } from '../../shared/contract';
import { sheetCellText } from '../../shared/sheet-cell-text';
import { useLang } from '../i18n/use-lang';

const SHOWN_ROWS = 20;

/** The first rows as read with the current detection: what the operator checks it against. */
export function PreviewGrid({ info }: { info: FileInfo }) {
  const { t } = useTranslation();
  const lang = useLang();
  const rows = info.preview.slice(0, SHOWN_ROWS);
  const shown = (value: string) => sheetCellText(lang, value, info.kind);
  return (
    <div>
      <Text fw={600} mb={4}>
        {t('file.preview', { count: rows.length })}
      </Text>
      <ScrollArea.Autosize
        mah={420}
        type="auto"
        offsetScrollbars
        viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': t('a11y.previewRegion') }}
      >
        <Table
          striped
          highlightOnHover
          withTableBorder
          withColumnBorders
          stickyHeader
          fz="sm"
          data-testid="file-preview"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">#</Table.Th>
              {info.columns.map((column) => (
                <Table.Th key={column} scope="col" style={{ whiteSpace: 'nowrap' }}>
                  {column}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, i) => (
              <Table.Tr key={i}>
                <Table.Td c="dimmed">{info.previewRows?.[i] ?? i + 1}</Table.Td>
                {info.columns.map((column) => (
                  <Table.Td
                    key={column}
                    style={{
                      whiteSpace: 'nowrap',
                      maxWidth: 320,
                      overflow: 'hidden',
                      textOverflow: 'ellipsis',
                    }}
                  >
                    {shown(row[column] ?? '')}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </div>
  );
}
