import { Alert } from '@mantine/core';
import { useEffect, useState } from 'react';

import type { Message } from '../../shared/messages/message';
import { useLang } from '../i18n/use-lang';
import { useBridge } from './bridge-context';
import { messageText } from './message-text';

/** Says so at once when the page lost its server (behind the web front door): after a restart
 * only the new address the terminal printed opens Carga, and a reload cannot. */
export function ConnectionNotice() {
  const bridge = useBridge();
  const lang = useLang();
  const [lost, setLost] = useState<Message | null>(null);

  useEffect(() => bridge.onConnectionChange?.(setLost), [bridge]);

  if (!lost) return null;
  return (
    <Alert color="red" role="alert" mb="md" data-testid="connection-notice">
      {messageText(lang, lost)}
    </Alert>
  );
}
