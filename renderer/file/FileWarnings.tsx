import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { Message } from '../../shared/contract';
import { messageText } from '../app/message-text';
import { useLang } from '../i18n/use-lang';

export function FileWarnings({ warnings }: { warnings: Message[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (warnings.length === 0) return null;
  return (
    <Alert color="yellow" title={t('file.warnings')} data-testid="file-warnings">
      <List size="sm">
        {warnings.map((warning, i) => (
          <List.Item key={`${warning.code}-${i}`}>{messageText(lang, warning)}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
