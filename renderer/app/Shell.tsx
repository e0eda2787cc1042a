import { AppShell } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import { HistoryView } from '../history/HistoryView';
import { useLang } from '../i18n/use-lang';
import { JobEndNotifier } from '../run/JobEndNotifier';
import { ConnectionNotice } from './ConnectionNotice';
import { Header } from './Header';
import { STEP_CONTENT_ID, Wizard } from './Wizard';
import { useWizard } from './wizard-context';

export function Shell() {
  const { state } = useWizard();
  const lang = useLang();
  const { t } = useTranslation();

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  return (
    <AppShell header={{ height: 60 }} padding="md">
      <a
        href={`#${STEP_CONTENT_ID}`}
        className="carga-skip-link"
        onClick={(event) => {
          // Moves the keyboard there without touching the address (the web front door's own).
          event.preventDefault();
          document.getElementById(STEP_CONTENT_ID)?.focus();
        }}
      >
        {t('a11y.skipToContent')}
      </a>
      <AppShell.Header>
        <Header />
      </AppShell.Header>
      <AppShell.Main>
        <ConnectionNotice />
        <JobEndNotifier />
        {state.view === 'history' ? (
          <div id={STEP_CONTENT_ID} tabIndex={-1}>
            <HistoryView />
          </div>
        ) : (
          <Wizard />
        )}
      </AppShell.Main>
    </AppShell>
  );
}
