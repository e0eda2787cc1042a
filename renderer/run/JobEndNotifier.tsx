import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';

import { useAppData } from '../app/app-data';
import { formatNumber } from '../app/format';
import { messageText } from '../app/message-text';
import { useEngineEvents } from '../app/use-engine-events';
import { useLang } from '../i18n/use-lang';
import { notifyOs } from './os-notification';

/** Tells the operator a run ended or stopped, wherever they are in the app, and outside it when
 * they are looking elsewhere. In Electron the main process sends the OS notification itself. */
export function JobEndNotifier() {
  const { t } = useTranslation();
  const lang = useLang();
  const { info } = useAppData();
  const tellOs = (title: string, body: string) => {
    if (info.frontDoor === 'web' && !document.hasFocus()) notifyOs(title, body);
  };
  useEngineEvents((event) => {
    if (event.type === 'job-finished') {
      const { summary } = event;
      const title = t('notify.finishedTitle', { file: summary.fileName });
      const body = t('notify.finishedBody', {
        ok: formatNumber(lang, summary.ok),
        failed: formatNumber(lang, summary.failed),
        uncertain: formatNumber(lang, summary.uncertain),
      });
      notifications.show({
        title,
        message: body,
        color: summary.failed + summary.uncertain > 0 ? 'yellow' : 'teal',
        autoClose: 10_000,
        'data-testid': 'job-finished-notification',
      });
      tellOs(title, body);
    } else if (event.type === 'job-status' && event.status === 'stopped') {
      const title = t('notify.stoppedTitle');
      const body = event.reason ? messageText(lang, event.reason) : t('notify.stoppedBody');
      notifications.show({
        title,
        message: body,
        color: 'red',
        autoClose: false,
        'data-testid': 'job-stopped-notification',
      });
      tellOs(title, body);
    }
  });
  return null;
}
