import { Table, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The head of a table translating the file's values into what is sent: the value map's and
 * the Thalamus lists' editors show the same three columns. */
export function ValueTableHead() {
  const { t } = useTranslation();
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th scope="col">{t('map.valueInFile')}</Table.Th>
        <Table.Th scope="col">{t('map.valueSent')}</Table.Th>
        <Table.Th scope="col">
          <VisuallyHidden>{t('map.valueOrigin')}</VisuallyHidden>
        </Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
}
