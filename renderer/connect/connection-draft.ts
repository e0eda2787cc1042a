import { uniqueExtraValues } from '../../shared/connection/extra-values';
import type { Connection, ConnectionSummary, TargetDescriptor, TargetId } from '../../shared/contract';
import { targetSpec } from '../../shared/targets/catalog';
import { randomId } from '../app/random-id';

export type ConnectionField = TargetDescriptor['connectionFields'][number];

/** A connection being edited. The token is held only until it is saved, then forgotten. */
export interface ConnectionDraft {
  connection: Connection;
  isNew: boolean;
  isSandbox: boolean;
  /** The vault holds a token for this connection (never its value). */
  hasToken: boolean;
  /** What the operator typed; empty keeps the saved token. */
  token: string;
  /** Thalamus: the vault holds the parties' password (never its value). */
  hasPartyPassword: boolean;
  /** Thalamus: the parties' password as typed, held only until saved; empty keeps the saved one. */
  partyPassword: string;
  /** Thalamus: the operator asked to remove the saved party password (passwordless touchpoint). */
  removePartyPassword: boolean;
}

export type DraftProblem = 'name' | 'server' | 'token' | ConnectionField;

export function draftFromSummary(summary: ConnectionSummary): ConnectionDraft {
  const { hasToken, isSandbox, hasPartyPassword, ...connection } = summary;
  return {
    connection,
    isNew: false,
    isSandbox,
    hasToken,
    token: '',
    hasPartyPassword: hasPartyPassword ?? false,
    partyPassword: '',
    removePartyPassword: false,
  };
}

export function newDraft(id: string, target: TargetId): ConnectionDraft {
  return {
    connection: { id, name: '', target, server: '' },
    isNew: true,
    isSandbox: false,
    hasToken: false,
    token: '',
    hasPartyPassword: false,
    partyPassword: '',
    removePartyPassword: false,
  };
}

/** What `saveConnection` gets besides the connection: the secrets typed, or a removal. */
export function secretsToSave(draft: ConnectionDraft): { token?: string; partyPassword?: string } {
  const token = draft.token.trim();
  const secrets: { token?: string; partyPassword?: string } = token ? { token } : {};
  if (draft.connection.target !== 'thalamus-cases') return secrets;
  // A password is sent as typed: spaces may be part of it.
  if (draft.partyPassword !== '') secrets.partyPassword = draft.partyPassword;
  else if (draft.removePartyPassword) secrets.partyPassword = '';
  return secrets;
}

/** A random id for a new connection (the vault keys its token by it). */
export function newConnectionId(): string {
  return randomId('c');
}

/** What is sent to `saveConnection`: trimmed, with only the fields the target uses. */
export function connectionToSave(draft: ConnectionDraft, target: TargetDescriptor): Connection {
  const { connection } = draft;
  const saved: Connection = {
    id: connection.id,
    name: connection.name.trim(),
    target: connection.target,
    server: connection.server.trim(),
  };
  for (const field of target.connectionFields) {
    const value = connection[field]?.trim();
    if (!value) continue;
    if (field === 'campaignType') {
      if (value === 'predictive' || value === 'preview') saved.campaignType = value;
    } else {
      saved[field] = value;
    }
  }
  for (const field of targetSpec(connection.target).fields) {
    const values = field.extendedBy ? uniqueExtraValues(connection[field.extendedBy] ?? []) : [];
    if (field.extendedBy && values.length > 0) saved[field.extendedBy] = values;
  }
  if (connection.dailyLimit !== undefined && connection.dailyLimit > 0)
    saved.dailyLimit = Math.floor(connection.dailyLimit);
  return saved;
}

/** What still has to be filled before the connection can be saved. */
export function draftProblems(draft: ConnectionDraft, target: TargetDescriptor): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const { connection } = draft;
  if (!connection.name.trim()) problems.push('name');
  if (!connection.server.trim()) problems.push('server');
  for (const field of target.connectionFields) {
    if (!connection[field]?.trim()) problems.push(field);
  }
  if (!draft.isSandbox && !draft.hasToken && !draft.token.trim()) problems.push('token');
  return problems;
}

/** Whether the draft differs from what is saved (a typed token counts as a change). */
export function isDirty(
  draft: ConnectionDraft,
  saved: ConnectionSummary | undefined,
  target: TargetDescriptor,
): boolean {
  if (draft.isNew || !saved || Object.keys(secretsToSave(draft)).length > 0) return true;
  const current = connectionToSave(draft, target);
  const {
    hasToken: _hasToken,
    isSandbox: _isSandbox,
    hasPartyPassword: _hasPartyPassword,
    ...savedConnection
  } = saved;
  return (
    JSON.stringify(normalise(current)) !==
    JSON.stringify(normalise(connectionToSave({ ...draft, connection: savedConnection }, target)))
  );
}

function normalise(connection: Connection): [string, unknown][] {
  return Object.entries(connection).sort(([a], [b]) => a.localeCompare(b));
}
