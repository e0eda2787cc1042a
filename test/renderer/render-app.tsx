import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';

import { App } from '../../renderer/app/App';
import { BridgeProvider } from '../../renderer/app/bridge-context';
import { Startup } from '../../renderer/app/Startup';
import { theme } from '../../renderer/app/theme';
import { WizardProvider } from '../../renderer/app/wizard-context';
import { initialWizardState, type WizardState } from '../../renderer/app/wizard-state';
import { createI18n } from '../../renderer/i18n/i18n';
import type { Lang } from '../../shared/lang';
import type { FakeBridge } from '../support/fake-engine';

/** The whole app, as main.tsx mounts it, on a fake bridge. */
export function renderApp(bridge: FakeBridge, lang: Lang = 'en') {
  return render(<App bridge={bridge} lang={lang} mantineEnv="test" />);
}

/** The app opened at a given point of the wizard (a file already open, a job already run…). */
export function renderAt(bridge: FakeBridge, state: Partial<WizardState>, lang: Lang = 'en') {
  return render(
    <I18nextProvider i18n={createI18n(lang)}>
      <MantineProvider theme={theme} env="test">
        <Notifications />
        <BridgeProvider bridge={bridge}>
          <WizardProvider initial={{ ...initialWizardState, ...state }}>
            <Startup />
          </WizardProvider>
        </BridgeProvider>
      </MantineProvider>
    </I18nextProvider>,
  );
}
