import {
  ActionIcon,
  Button,
  Group,
  SegmentedControl,
  Text,
  Title,
  Tooltip,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { Lang } from '../../shared/lang';
import { rememberLang } from '../i18n/lang-preference';
import { useLang } from '../i18n/use-lang';
import { MoonIcon, SunIcon } from './icons';
import { useWizard } from './wizard-context';

export function Header() {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const { state, dispatch } = useWizard();
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const nextScheme = scheme === 'dark' ? 'light' : 'dark';

  const switchLang = (value: string) => {
    const chosen: Lang = value === 'es' ? 'es' : 'en';
    void i18n.changeLanguage(chosen);
    rememberLang(chosen);
  };

  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="xs" wrap="nowrap">
        <Title order={1} size="h3">
          Carga
        </Title>
        <Text size="sm" c="dimmed" visibleFrom="sm">
          {t('app.tagline')}
        </Text>
      </Group>
      <Group gap="sm" wrap="nowrap" component="nav" aria-label={t('header.navigation')}>
        <Button
          variant={state.view === 'wizard' ? 'light' : 'subtle'}
          onClick={() => dispatch({ type: 'show-wizard' })}
          aria-current={state.view === 'wizard' ? 'page' : undefined}
          data-testid="nav-wizard"
        >
          {t('header.import')}
        </Button>
        <Button
          variant={state.view === 'history' ? 'light' : 'subtle'}
          onClick={() => dispatch({ type: 'show-history' })}
          aria-current={state.view === 'history' ? 'page' : undefined}
          data-testid="nav-history"
        >
          {t('header.history')}
        </Button>
        <SegmentedControl
          size="xs"
          value={lang}
          onChange={switchLang}
          aria-label={t('header.language')}
          data-testid="lang-switch"
          data={[
            { value: 'es', label: 'ES' },
            { value: 'en', label: 'EN' },
          ]}
        />
        <Tooltip label={t(nextScheme === 'dark' ? 'header.darkMode' : 'header.lightMode')}>
          <ActionIcon
            variant="default"
            size="lg"
            onClick={() => setColorScheme(nextScheme)}
            aria-label={t(nextScheme === 'dark' ? 'header.darkMode' : 'header.lightMode')}
            data-testid="color-scheme-toggle"
          >
            {nextScheme === 'dark' ? <MoonIcon /> : <SunIcon />}
          </ActionIcon>
        </Tooltip>
      </Group>
    </Group>
  );
}
