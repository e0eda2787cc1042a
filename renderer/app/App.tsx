import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useMemo, useState, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';

import type { Lang } from '../../shared/lang';
import type { Bridge } from '../bridge/bridge';
import { createI18n } from '../i18n/i18n';
import { initialLang } from '../i18n/lang-preference';
import { BridgeProvider } from './bridge-context';
import { Startup } from './Startup';
import { localizedTheme, readableColors } from './theme';
import { WizardProvider } from './wizard-context';

export interface AppProps {
  bridge: Bridge;
  /** Start in this language instead of the remembered or the OS's one. */
  lang?: Lang;
  /** Mantine's `test` env turns transitions off for component tests. */
  mantineEnv?: 'default' | 'test';
}

export function App({ bridge, lang, mantineEnv = 'default' }: AppProps) {
  const [i18n] = useState(() => createI18n(lang ?? initialLang()));
  return (
    <I18nextProvider i18n={i18n}>
      <LocalizedMantine mantineEnv={mantineEnv}>
        <Notifications position="bottom-right" />
        <BridgeProvider bridge={bridge}>
          <WizardProvider>
            <Startup />
          </WizardProvider>
        </BridgeProvider>
      </LocalizedMantine>
    </I18nextProvider>
  );
}

/** Mantine with the texts its components show by themselves (a close button's name) in the
 * operator's language. */
function LocalizedMantine({ mantineEnv, children }: { mantineEnv: 'default' | 'test'; children: ReactNode }) {
  const { t } = useTranslation();
  const closeLabel = t('a11y.close');
  const theme = useMemo(() => localizedTheme({ close: closeLabel }), [closeLabel]);
  return (
    <MantineProvider
      theme={theme}
      defaultColorScheme="auto"
      env={mantineEnv}
      cssVariablesResolver={readableColors}
    >
      {children}
    </MantineProvider>
  );
}
