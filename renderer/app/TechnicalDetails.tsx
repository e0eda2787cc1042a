import { Box, Button } from '@mantine/core';
import { useDisclosure, useId } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface TechnicalDetailsProps {
  children: ReactNode;
  testId: string;
}

/** What only a technician needs (addresses, the data sent, byte marks), closed until asked for:
 * the operator's path reads in operator words. */
export function TechnicalDetails({ children, testId }: TechnicalDetailsProps) {
  const { t } = useTranslation();
  const [opened, { toggle }] = useDisclosure(false);
  const id = useId();
  return (
    <Box>
      <Button
        variant="subtle"
        size="compact-sm"
        px={0}
        onClick={toggle}
        aria-expanded={opened}
        aria-controls={id}
        data-testid={`${testId}-toggle`}
      >
        {opened ? t('details.hide') : t('details.show')}
      </Button>
      <Box id={id} mt="xs" hidden={!opened} data-testid={testId}>
        {opened && children}
      </Box>
    </Box>
  );
}
