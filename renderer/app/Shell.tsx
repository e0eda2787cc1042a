import { useEffect } from 'react';
import { AppShell } from '@mantine/core';
import { HistoryView } from '../history/HistoryView';
import { useLang } from '../i18n/use-lang';
import { JobEndNotifier } from '../run/JobEndNotifier';
import { Header } from './Header';
import { Wizard } from './Wizard';
import { useWizard } from './wizard-context';

export function Shell() {
  const { state } = useWizard();
  const lang = useLang();

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  return (
    <AppShell header={{ height: 60 }} padding="md">
      <AppShell.Header>
        <Header />
      </AppShell.Header>
      <AppShell.Main>
        <JobEndNotifier />
        {state.view === 'history' ? <HistoryView /> : <Wizard />}
      </AppShell.Main>
    </AppShell>
  );
}
