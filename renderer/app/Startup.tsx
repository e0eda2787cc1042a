import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { AppInfo, ConnectionSummary, TargetDescriptor } from '../../shared/contract';
import { useLang } from '../i18n/use-lang';
import { AppDataProvider, type AppData } from './app-data';
import { useBridge } from './bridge-context';
import { errorMessage } from './error-message';
import { initialConnection, readLastConnectionId } from './initial-connection';
import { Shell } from './Shell';
import { useEngineEvents } from './use-engine-events';
import { useWizard } from './wizard-context';

interface Loaded {
  info: AppInfo;
  targets: TargetDescriptor[];
  connections: ConnectionSummary[];
}

/** Loads what every screen needs, reopens a job that is still running, then shows the app. */
export function Startup() {
  const bridge = useBridge();
  const { dispatch } = useWizard();
  const { t } = useTranslation();
  const lang = useLang();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    Promise.all([
      bridge.getAppInfo(),
      bridge.listTargets(),
      bridge.listConnections(),
      bridge.listJobs(),
    ]).then(
      ([info, targets, connections, jobs]) => {
        if (!current) return;
        const connection = initialConnection(connections, readLastConnectionId());
        if (connection)
          dispatch({ type: 'connection-chosen', connectionId: connection.id, target: connection.target });
        // The run goes on while the window is closed: show it again.
        const live = jobs.find((job) => job.status === 'running' || job.status === 'waiting-quota');
        if (live)
          dispatch({ type: 'job-opened', jobId: live.jobId, status: live.status, usesTemplate: false });
        setFailure(null);
        setLoaded({ info, targets, connections });
      },
      (error: unknown) => {
        if (current) setFailure(error);
      },
    );
    return () => {
      current = false;
    };
  }, [bridge, dispatch, attempt]);

  useEffect(() => {
    // The signal end-to-end tests wait for: the first screen has its data.
    if (loaded) document.body.dataset.ready = 'true';
  }, [loaded]);

  const reloadConnections = useCallback(async () => {
    const connections = await bridge.listConnections();
    setLoaded((previous) => (previous ? { ...previous, connections } : previous));
    return connections;
  }, [bridge]);

  useEngineEvents((event) => {
    if (event.type === 'connections-changed') void reloadConnections();
  });

  const data: AppData | null = useMemo(
    () => (loaded ? { ...loaded, reloadConnections } : null),
    [loaded, reloadConnections],
  );

  if (failure && !loaded) {
    return (
      <Center h="100vh" p="xl">
        <Stack maw={480}>
          <Alert color="red" title={t('startup.failed')} role="alert">
            {errorMessage(lang, failure)}
          </Alert>
          <Button onClick={() => setAttempt((n) => n + 1)} data-testid="startup-retry">
            {t('common.retry')}
          </Button>
        </Stack>
      </Center>
    );
  }
  if (!data) {
    return (
      <Center h="100vh" aria-busy="true">
        <Loader aria-label={t('startup.loading')} />
      </Center>
    );
  }
  return (
    <AppDataProvider value={data}>
      <Shell />
    </AppDataProvider>
  );
}
