import type { AppInfo, EngineEvent, Lang } from '../../../shared/contract';
import type { BuiltInConnections } from '../connections/built-in-connections';
import type { ConnectionResolver } from '../connections/connection-resolver';
import type { MissingContacts } from '../contacts/missing-contacts';
import type { HttpClient } from '../crm/http-client';
import type { JobManager } from '../jobs/job-manager';
import type { LedgerBook } from '../ledger/ledger-book';
import type { TokenLanes } from '../quota/token-lanes';
import type { TemplateStore } from '../templates/template-store';

/** What `createEngine` builds once and every group of the API's methods works with. */
export interface EngineParts {
  lang: Lang;
  frontDoor: AppInfo['frontDoor'];
  jobsDir: string;
  /** Per-request timeout for every call the engine makes to a CRM. */
  timeoutMs: number;
  /** The embedded sandbox CRM, when the front door offers it. */
  sandbox: BuiltInConnections | null;
  http: HttpClient;
  connections: ConnectionResolver;
  templates: TemplateStore;
  lanes: TokenLanes;
  ledgers: LedgerBook;
  jobs: JobManager;
  missingContacts: MissingContacts;
  emit: (event: EngineEvent) => void;
}
