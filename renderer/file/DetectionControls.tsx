import { Badge, Card, Group, NumberInput, Select, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { Delimiter, Encoding, FileInfo, FileOptions } from '../../shared/contract';
import { ENCODINGS } from '../../shared/file-format';
import { formatBytes, formatNumber } from '../app/format';
import { messageText } from '../app/message-text';
import { TechnicalDetails } from '../app/TechnicalDetails';
import { useLang } from '../i18n/use-lang';

const DELIMITERS: { value: Delimiter; key: 'comma' | 'semicolon' | 'tab' | 'pipe' }[] = [
  { value: ',', key: 'comma' },
  { value: ';', key: 'semicolon' },
  { value: '\t', key: 'tab' },
  { value: '|', key: 'pipe' },
];

interface DetectionControlsProps {
  info: FileInfo;
  options: FileOptions;
  disabled: boolean;
  onChange: (options: FileOptions) => void;
}

/** What was detected, each value open to an override that reads the file again. */
export function DetectionControls({ info, options, disabled, onChange }: DetectionControlsProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const isCsv = info.kind === 'csv';

  return (
    <Card withBorder padding="md" data-testid="file-detection">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Text fw={600} data-testid="file-name">
            {info.name}
          </Text>
          <Badge variant="light">{info.kind.toUpperCase()}</Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {formatBytes(lang, info.size)}
          {info.rowCount !== null &&
            ` · ${t('file.rows', { count: info.rowCount, formatted: formatNumber(lang, info.rowCount) })}`}
          {` · ${t('file.columns', { count: info.columns.length })}`}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        {isCsv && (
          <Select<Encoding>
            label={t('file.encoding')}
            data={ENCODINGS.map((value) => ({ value, label: t(`file.encodings.${value}`) }))}
            value={info.encoding}
            onChange={(value) => value && onChange({ ...options, encoding: value })}
            allowDeselect={false}
            disabled={disabled}
            data-testid="file-encoding"
          />
        )}
        {isCsv && (
          <Select<Delimiter>
            label={t('file.delimiter')}
            data={DELIMITERS.map(({ value, key }) => ({ value, label: t(`file.delimiters.${key}`) }))}
            value={info.delimiter}
            onChange={(value) => value && onChange({ ...options, delimiter: value })}
            allowDeselect={false}
            disabled={disabled}
            data-testid="file-delimiter"
          />
        )}
        {!isCsv && info.sheets.length > 0 && (
          <Select
            label={t('file.sheet')}
            data={info.sheets}
            value={info.sheet}
            onChange={(value) => value && onChange({ ...options, sheet: value, headerRow: undefined })}
            allowDeselect={false}
            disabled={disabled}
            data-testid="file-sheet"
          />
        )}
        <NumberInput
          label={t('file.headerRow')}
          description={t('file.headerRowHint')}
          // Shown 1-based, as the spreadsheet numbers its rows; the contract counts from 0.
          value={info.headerRow + 1}
          onChange={(value) => {
            if (typeof value === 'number' && value >= 1 && value - 1 !== info.headerRow)
              onChange({ ...options, headerRow: value - 1 });
          }}
          min={1}
          allowDecimal={false}
          allowNegative={false}
          disabled={disabled}
          data-testid="file-header-row"
        />
      </SimpleGrid>
      {info.sheetReason && (
        <Text size="sm" mt="sm" data-testid="file-sheet-reason">
          {messageText(lang, info.sheetReason)}
        </Text>
      )}
      {isCsv && (
        <TechnicalDetails testId="file-details">
          <Text size="sm">{t(info.bom ? 'details.bom' : 'details.noBom')}</Text>
        </TechnicalDetails>
      )}
    </Card>
  );
}
