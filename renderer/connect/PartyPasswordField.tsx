import { Button, Group, PasswordInput, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ConnectionDraft } from './connection-draft';

interface PartyPasswordFieldProps {
  draft: ConnectionDraft;
  onChange: (draft: ConnectionDraft) => void;
}

/** Thalamus: the password the cases' parties log in with, kept by the vault like the token.
 * Optional: a passwordless touchpoint (kiosk, call centre) takes none. Once saved it is only
 * shown as saved; it can be changed or removed, never read back. */
export function PartyPasswordField({ draft, onChange }: PartyPasswordFieldProps) {
  const { t } = useTranslation();
  const [replacing, setReplacing] = useState(false);

  if (draft.hasPartyPassword && !replacing) {
    return (
      <div>
        <Text size="sm" fw={500}>
          {t('connect.partyPassword.label')}
        </Text>
        {draft.removePartyPassword ? (
          <Group gap="sm">
            <Text size="sm" data-testid="connection-party-password-removed">
              {t('connect.partyPassword.removed')}
            </Text>
            <Button
              size="compact-sm"
              variant="subtle"
              onClick={() => onChange({ ...draft, removePartyPassword: false })}
            >
              {t('connect.partyPassword.keep')}
            </Button>
          </Group>
        ) : (
          <Group gap="sm">
            <Text size="sm" data-testid="connection-party-password-saved">
              •••• {t('connect.partyPassword.saved')}
            </Text>
            <Button
              size="compact-sm"
              variant="subtle"
              onClick={() => setReplacing(true)}
              data-testid="connection-party-password-replace"
            >
              {t('connect.partyPassword.replace')}
            </Button>
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              onClick={() => onChange({ ...draft, removePartyPassword: true })}
              data-testid="connection-party-password-remove"
            >
              {t('connect.partyPassword.remove')}
            </Button>
          </Group>
        )}
      </div>
    );
  }
  return (
    <PasswordInput
      label={t('connect.partyPassword.label')}
      description={t('connect.partyPassword.hint')}
      value={draft.partyPassword}
      onChange={(event) => onChange({ ...draft, partyPassword: event.currentTarget.value })}
      autoComplete="off"
      data-testid="connection-party-password"
    />
  );
}
