import { Alert, Button, Group, Loader, Progress, Stack, Text, Title } from '@mantine/core';
import { Dropzone, type FileRejection } from '@mantine/dropzone';
import { useRef, useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

import type { FileOptions } from '../../shared/contract';
import { useBridge } from '../app/bridge-context';
import { errorMessage } from '../app/error-message';
import { StepFooter } from '../app/StepFooter';
import { useWizard } from '../app/wizard-context';
import { useLang } from '../i18n/use-lang';
import { DetectionControls } from './DetectionControls';
import { FileWarnings } from './FileWarnings';
import { PreviewGrid } from './PreviewGrid';
import { percentReporter } from './upload-progress';

const ACCEPT = {
  'text/csv': ['.csv', '.txt'],
  'text/plain': ['.csv', '.txt'],
  'application/vnd.ms-excel': ['.csv'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
};

type Phase =
  { kind: 'idle' } | { kind: 'sending'; name: string; percent: number } | { kind: 'reading'; name: string };

export function FileStep() {
  const { t } = useTranslation();
  const lang = useLang();
  const bridge = useBridge();
  const { state, dispatch } = useWizard();
  const openRef = useRef<() => void>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [failure, setFailure] = useState<unknown>(null);
  /** Name of a dropped file that is not a spreadsheet. */
  const [rejected, setRejected] = useState<string | null>(null);
  const file = state.file;

  const open = async (picked: File) => {
    setFailure(null);
    setRejected(null);
    setPhase({ kind: 'sending', name: picked.name, percent: 0 });
    try {
      const path = await bridge.pathForFile(
        picked,
        percentReporter(picked.size, (percent) => setPhase({ kind: 'sending', name: picked.name, percent })),
      );
      setPhase({ kind: 'reading', name: picked.name });
      const info = await bridge.openFile({ path });
      dispatch({ type: 'file-opened', file: { info, options: {} } });
    } catch (error) {
      setFailure(error);
    } finally {
      setPhase({ kind: 'idle' });
    }
  };

  const reopen = async (options: FileOptions) => {
    if (!file) return;
    setFailure(null);
    setRejected(null);
    setPhase({ kind: 'reading', name: file.info.name });
    try {
      const info = await bridge.openFile({ path: file.info.path, options });
      dispatch({ type: 'file-opened', file: { info, options } });
    } catch (error) {
      setFailure(error);
    } finally {
      setPhase({ kind: 'idle' });
    }
  };

  const reject = (rejections: FileRejection[]) => {
    setRejected(rejections[0]?.file.name ?? '');
  };

  const busy = phase.kind !== 'idle';

  return (
    <Stack gap="md" data-testid="file-screen">
      <div>
        <Title order={2}>{t('file.title')}</Title>
        <Text c="dimmed">{t('file.intro')}</Text>
      </div>

      <Dropzone
        onDrop={(files) => {
          const picked = files[0];
          if (picked) void open(picked);
        }}
        onReject={reject}
        accept={ACCEPT}
        multiple={false}
        openRef={openRef}
        activateOnClick={false}
        activateOnKeyboard={false}
        disabled={busy}
        inputProps={inputProps(t('file.inputLabel'))}
        enablePointerEvents
        data-testid="file-dropzone"
      >
        <Stack align="center" gap="xs" py={file ? 'md' : 'xl'} mih={file ? 80 : 180} justify="center">
          <Dropzone.Accept>
            <Text fw={600}>{t('file.dropAccept')}</Text>
          </Dropzone.Accept>
          <Dropzone.Reject>
            <Text fw={600} c="red">
              {t('file.dropReject')}
            </Text>
          </Dropzone.Reject>
          <Dropzone.Idle>
            <Text fw={600} size={file ? 'md' : 'lg'}>
              {file ? t('file.dropAnother') : t('file.dropHere')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('file.kinds')}
            </Text>
          </Dropzone.Idle>
          <Button
            variant="light"
            onClick={() => openRef.current?.()}
            disabled={busy}
            data-testid="file-browse"
          >
            {t('file.browse')}
          </Button>
        </Stack>
      </Dropzone>

      {phase.kind === 'sending' && (
        <Stack gap={4} data-testid="file-uploading">
          <Text size="sm">{t('file.sending', { name: phase.name, percent: phase.percent })}</Text>
          <Progress value={phase.percent} aria-label={t('file.sendingLabel')} />
        </Stack>
      )}
      {phase.kind === 'reading' && (
        <Group gap="xs" data-testid="file-reading">
          <Loader size="sm" />
          <Text size="sm">{t('file.reading', { name: phase.name })}</Text>
        </Group>
      )}
      {(failure !== null || rejected !== null) && (
        <Alert color="red" role="alert" data-testid="file-error">
          {rejected !== null ? t('file.rejected', { name: rejected }) : errorMessage(lang, failure)}
        </Alert>
      )}

      {file && (
        <>
          <DetectionControls
            info={file.info}
            options={file.options}
            disabled={busy}
            onChange={(options) => void reopen(options)}
          />
          <FileWarnings warnings={file.info.warnings} />
          <PreviewGrid info={file.info} />
        </>
      )}

      <StepFooter
        onBack={() => dispatch({ type: 'go', step: 'connect' })}
        onNext={() => dispatch({ type: 'go', step: 'map' })}
        nextDisabled={!file || busy || file.info.columns.length === 0}
      />
    </Stack>
  );
}

/** The drop zone's own file input, named for assistive tech and for end-to-end tests. */
function inputProps(label: string): InputHTMLAttributes<HTMLInputElement> {
  const props: InputHTMLAttributes<HTMLInputElement> & Record<`data-${string}`, string> = {
    'aria-label': label,
    'data-testid': 'file-input',
  };
  return props;
}
