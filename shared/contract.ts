/**
 * The one API between Carga's engine and everything that drives it (the React UI through IPC
 * or HTTP, the CLI, the tests). Every argument and result is plain JSON data so it crosses
 * structured clone and JSON unchanged. Parts implemented by later work are declared here too,
 * so every front door is built against the same shapes.
 */
import type { FailureClass } from './errors/failure-class';
import type { Delimiter, Encoding } from './file-format';
import type { Lang } from './lang';
import type { Message } from './messages/message';
import type { ContactColumns, ContactField, MissingContactsPlan } from './missing-contacts';
import type { TargetId } from './targets/target-ids';
import type { Template } from './template';
import type { ProblemCode, RowProblem } from './validation/problems';

export type { Message, ProblemCode, RowProblem, Template, TargetId, FailureClass };

export type { Lang };

export type { ContactColumns, ContactField, MissingContactsPlan };

// ---------------------------------------------------------------------------------------------
// Connect

export type CampaignType = 'predictive' | 'preview';

/** Where and as whom to send. Never holds the token: that lives in the vault under `id`. */
export interface Connection {
  id: string;
  name: string;
  target: TargetId;
  /** A host (`crm0000.wolkvox.com`), a Manager server number (`0032`), an http(s) origin
   * (http only on loopback), or `sandbox` for the embedded sandbox CRM. */
  server: string;
  operation?: string;
  /** wolkvox CRM module for module records (T2). */
  module?: string;
  campaignId?: string;
  campaignType?: CampaignType;
  campaignStatus?: string;
  /** Thalamus touchpoint. */
  touchpoint?: string;
  /** wolkvox CRM cases: statuses and priorities this CRM has besides the built-in ones
   * (`open`/`closed`, `low`/`medium`/`high`), as the CRM spells them (`in progress`). */
  extraStatuses?: string[];
  extraPriorities?: string[];
  /** Operator-set daily cap; the lower of this and the token's limit wins. */
  dailyLimit?: number;
}

export interface ConnectionSummary extends Connection {
  hasToken: boolean;
  /** Last four characters are never shown either: the renderer only learns that a token exists. */
  isSandbox: boolean;
  /** Thalamus: the vault holds a password for the cases' parties (never its value). */
  hasPartyPassword?: boolean;
}

/** A category and type pair a Thalamus instance accepts for new cases, with the names its
 * operators know them by. */
export interface CaseTypeOption {
  categoryCode: string;
  categoryName: string;
  typeCode: string;
  typeName: string;
}

export interface CaseStatusOption {
  name: string;
  /** Only an initial status may be sent when a case is created. */
  initial: boolean;
}

/** What a Thalamus server declares for a new case (`cases/typecategory`, `cases/status`): the
 * Map step offers these as choices and Check validates every row against them. */
export interface ServerLists {
  caseTypes: CaseTypeOption[];
  statuses: CaseStatusOption[];
}

export interface QuotaInfo {
  limit: number;
  usedToday: number;
  remaining: number;
  /** ISO time the provider's counter resets, when it said so. */
  resetsAt?: string;
  /** Requests this app has counted itself today for this token (persistent ledger). */
  countedToday: number;
}

// ---------------------------------------------------------------------------------------------
// Open a file

export type { Delimiter, Encoding };
export type FileKind = 'csv' | 'xlsx';

/** Operator overrides of what was detected. */
export interface FileOptions {
  encoding?: Encoding;
  delimiter?: Delimiter;
  /** 0-based line (CSV) or row (XLSX) of the header. */
  headerRow?: number;
  sheet?: string;
}

export interface FileInfo {
  path: string;
  name: string;
  size: number;
  kind: FileKind;
  /** null for XLSX. */
  encoding: Encoding | null;
  bom: boolean;
  delimiter: Delimiter | null;
  /** 0-based row holding the header, as Excel numbers rows minus 1 (one per record: a quoted line break is not a row). */
  headerRow: number;
  /** Header cells as written in the file. */
  headers: string[];
  /** Unique, non-blank column names used as keys everywhere else (blank and duplicate headers renamed). */
  columns: string[];
  sheets: string[];
  sheet: string | null;
  /** Why this sheet was opened, when the workbook had several to choose from. */
  sheetReason?: Message;
  /** First data rows, keyed by `columns`. */
  preview: Record<string, string>[];
  /** Row number of each preview row as Excel shows it (the same number Check, Results and reports use). */
  previewRows?: number[];
  /** Exact data-row count when known (CLI `inspect` counts it; `openFile` may leave it null). */
  rowCount: number | null;
  warnings: Message[];
}

// ---------------------------------------------------------------------------------------------
// Map and check

export interface MappingSuggestion {
  column: string;
  field: string | null;
  /** 0..1 */
  confidence: number;
}

export interface RequestPreview {
  /** Spreadsheet row numbers in this request. */
  rows: number[];
  method: 'POST' | 'GET';
  /** URL with the host as configured; never carries a token. */
  url: string;
  /** What the target will receive, as readable text (form fields or JSON). Token masked. */
  body: string;
}

export interface CheckResult {
  totalRows: number;
  validRows: number;
  invalidRows: number;
  problemCounts: Partial<Record<ProblemCode, number>>;
  /** First problems of each kind (a few per kind). */
  examples: RowProblem[];
  /** Problems about the mapping itself (unmapped required fields, near-duplicate custom names). */
  mappingProblems: Message[];
  requests: number;
  /** Module records: when the CRM refuses a whole batch for one record's reason, at most this
   * many more requests go to finding and naming the refused rows of that batch. */
  refusedBatchSearch?: number;
  /** Days of quota the run needs, given what is known of the token's quota (1 when it fits today). */
  quotaDays: number | null;
  /** Rows the destination already accepted in earlier jobs: a run skips them unless the operator
   * allows duplicates. Known only when the check names a connection. */
  alreadySent?: number;
  alreadySentFrom?: AlreadySent[];
}

// ---------------------------------------------------------------------------------------------
// Run

export type JobStatus =
  | 'running'
  | 'paused'
  | 'waiting-quota'
  | 'stopped'
  | 'cancelled'
  | 'finished'
  /** The CRM is down or failing: the job probes it, one request at a time, and goes on by itself. */
  | 'waiting-crm'
  /** The job's record of what was sent is damaged: resume and retry are refused (see the reason). */
  | 'needs-review';

export type RowOutcome = 'pending' | 'sending' | 'ok' | 'failed' | 'uncertain' | 'skipped';

export interface JobCounts {
  total: number;
  ok: number;
  failed: number;
  uncertain: number;
  pending: number;
  skipped: number;
  /** The file's rows are still being counted (sending does not wait): `total` is the rows read so far. */
  counting?: boolean;
}

export interface JobSummary extends JobCounts {
  jobId: string;
  status: JobStatus;
  requests: number;
  createdAt: string;
  updatedAt: string;
  fileName: string;
  /** A workbook's date cells are shown as dates (shared/sheet-cell-text.ts); absent in summaries
   * written before it was kept. */
  fileKind?: FileKind;
  target: TargetId;
  connectionName: string;
  /** Why the job stopped, paused or waits (quota reset time in params.resetsAt). */
  reason?: Message;
  /** Earlier jobs that had the skipped rows accepted at this destination. */
  alreadySentFrom?: AlreadySent[];
  /** Another process is running the job (its progress is read from its journal as it writes). */
  heldBy?: JobHolder;
}

/** The process that holds a job while it runs it, as it tells who asks its lock. */
export interface JobHolder {
  frontDoor: AppInfo['frontDoor'];
  pid: number;
  /** Held for a moment to open or change the job, not to run a pass: a process that wants the
   * job waits for it instead of being told the job runs elsewhere. */
  brief?: true;
}

/** Rows an earlier job had accepted at the same destination: not sent again by default. */
export interface AlreadySent {
  jobId: string;
  /** When that job's rows were accepted (ISO). */
  at: string;
  rows: number;
}

export interface JobProgress extends JobCounts {
  jobId: string;
  status: JobStatus;
  requests: number;
  /** Rows per second over the last seconds. */
  rate: number;
  etaSeconds: number | null;
  quotaLeft: number | null;
  /** The day's budget of requests (token limit or operator cap), when known. */
  dailyQuota?: number | null;
  /** When the token's quota counter turns over (ISO). */
  quotaResetsAt?: string;
  /** Another process is running the job: this progress is read from its journal. */
  heldBy?: JobHolder;
}

export interface ResultRow {
  /** Spreadsheet row number (as Excel shows it). */
  row: number;
  /** 0-based data-row ordinal, the journal's key. */
  index: number;
  outcome: RowOutcome;
  failureClass?: FailureClass | 'validation';
  code?: string;
  message?: string;
  /** Plain explanation and likely fix, in both languages; the UI shows one. */
  explanation?: Message;
  /** CRM id when accepted. */
  crmId?: string;
  /** The file's column the explanation blames, to highlight its cell. */
  failedColumn?: string;
  /** Original cells keyed by column, with the operator's fixes applied: what a retry sends. */
  values: Record<string, string>;
  /** The cells its last attempt sent (or Carga's check refused), which the explanation is about. */
  sent?: Record<string, string>;
  /** The file's own cells, only when the last attempt sent others (the operator's fixes). */
  original?: Record<string, string>;
  fixed: boolean;
  /** Fixed since its last attempt: "retry only the rows I corrected" sends it. */
  unsentFix?: boolean;
}

export type ResultFilter = {
  outcomes?: RowOutcome[];
  classes?: (FailureClass | 'validation')[];
  text?: string;
  /** Only rows fixed since their last attempt. */
  corrected?: boolean;
  /** The language the rows are read in: `text` is looked for in the explanations and workbook
   * dates as shown in it (in both languages when absent). */
  lang?: Lang;
};

export interface ResultPage {
  total: number;
  offset: number;
  rows: ResultRow[];
}

/** The contacts import started for a case job's missing contacts; the cases are retried when it ends. */
export interface MissingContactsStart {
  contactsJob: JobSummary;
  cases: number;
  contacts: number;
}

/** `accepted`: the success report, every accepted row with its CRM id. */
export type ReportKind = 'errors' | 'failed-rows' | 'accepted' | 'summary';
export type ReportFormat = 'csv' | 'xlsx';

// ---------------------------------------------------------------------------------------------
// Events: one discriminated union on one channel.

export type EngineEvent =
  | { type: 'job-progress'; progress: JobProgress }
  | { type: 'job-status'; jobId: string; status: JobStatus; reason?: Message }
  | { type: 'job-finished'; summary: JobSummary }
  /** The count alongside ended while no pass runs (e.g. the job waits for its quota): its total is known now. */
  | { type: 'job-counted'; summary: JobSummary }
  /** Something the operator should know that does not change the job's status (e.g. it needs more days of quota). */
  | { type: 'job-notice'; jobId: string; notice: Message }
  /** A job another process created (a terminal's `carga import`) appeared in the jobs folder. */
  | { type: 'job-listed'; summary: JobSummary }
  | { type: 'check-progress'; checkId: string; rows: number }
  | { type: 'connections-changed' }
  | { type: 'templates-changed' };

// ---------------------------------------------------------------------------------------------
// Methods. Each takes one plain object (or nothing) and returns a promise of plain data.

export interface TargetField {
  key: string;
  label: Record<Lang, string>;
  required: boolean;
  kind: 'text' | 'system' | 'date' | 'phone' | 'email' | 'number';
  /** Free text several columns may feed: their non-empty values are joined, one per line. */
  joinsColumns?: boolean;
}

export interface TargetDescriptor {
  id: TargetId;
  name: Record<Lang, string>;
  /** Rows per request: 1, or up to 10,000 for batch targets. */
  maxBatch: number;
  fields: TargetField[];
  /** Custom fields go under this prefix in a mapping (`form.Ciudad`). */
  customPrefix: string | null;
  /** What its requests cannot be built without (the URL's parameters, the `operation` field). */
  connectionFields: ConnectionField[];
}

/** The parts of a connection a target may require. */
export type ConnectionField =
  'operation' | 'module' | 'campaignId' | 'campaignType' | 'campaignStatus' | 'touchpoint';

export interface AppInfo {
  version: string;
  lang: Lang;
  /** Which front door the renderer is behind. */
  frontDoor: 'electron' | 'web' | 'cli';
  sandboxOrigin: string | null;
}

export interface CargaApi {
  getAppInfo(): Promise<AppInfo>;
  listTargets(): Promise<TargetDescriptor[]>;

  listConnections(): Promise<ConnectionSummary[]>;
  /** Saves a connection; `token`, when given, goes to the vault and is never returned. So does
   * Thalamus's `partyPassword`: a value replaces the saved one, '' removes it (passwordless
   * touchpoints), absent keeps it. */
  saveConnection(input: {
    connection: Connection;
    token?: string;
    partyPassword?: string;
  }): Promise<ConnectionSummary>;
  deleteConnection(input: { id: string }): Promise<void>;
  /** Reads the token's quota (costs one request). */
  testConnection(input: { id: string }): Promise<QuotaInfo>;
  /** The embedded sandbox starts its day over: every target's quota whole again, nothing accepted. */
  resetSandbox(): Promise<void>;
  /** Reads the lists the connection's server declares (Thalamus: category/type pairs and
   * statuses); Test and the Map step show them. Thalamus shows them to a logged-in `party` only
   * (the Map step's, from `partyForLists`); without one they are refused as `lists.party-needed`. */
  readServerLists(input: { id: string; party?: string }): Promise<ServerLists>;

  openFile(input: { path: string; options?: FileOptions }): Promise<FileInfo>;
  suggestMapping(input: { target: TargetId; columns: string[] }): Promise<MappingSuggestion[]>;
  previewRequests(input: {
    path: string;
    options?: FileOptions;
    template: Template;
    connectionId: string;
    rows?: number;
  }): Promise<RequestPreview[]>;
  checkFile(input: {
    checkId: string;
    path: string;
    options?: FileOptions;
    template: Template;
    connectionId?: string;
  }): Promise<CheckResult>;

  /** Rows the destination already accepted in earlier jobs are skipped unless `allowDuplicates`. */
  startJob(input: {
    path: string;
    options?: FileOptions;
    template: Template;
    connectionId: string;
    allowDuplicates?: boolean;
  }): Promise<JobSummary>;
  pauseJob(input: { jobId: string }): Promise<JobSummary>;
  resumeJob(input: { jobId: string }): Promise<JobSummary>;
  cancelJob(input: { jobId: string }): Promise<JobSummary>;
  /** Resends failed rows (and uncertain ones only when `includeUncertain`), with fixes applied;
   * with `onlyCorrected`, only those the operator fixed since their last attempt. */
  retryJob(input: {
    jobId: string;
    includeUncertain: boolean;
    onlyCorrected?: boolean;
    template?: Template;
  }): Promise<JobSummary>;
  /** Records an operator's fix of one cell; applied when the row is retried. */
  fixRow(input: { jobId: string; index: number; values: Record<string, string> }): Promise<ResultRow>;
  getJob(input: { jobId: string }): Promise<JobSummary>;
  listJobs(): Promise<JobSummary[]>;
  /** The rows that need the operator (failed, uncertain, skipped), in file order, with why and their cells. */
  listResults(input: {
    jobId: string;
    filter?: ResultFilter;
    offset: number;
    limit: number;
  }): Promise<ResultPage>;
  failureBreakdown(input: { jobId: string }): Promise<Partial<Record<FailureClass | 'validation', number>>>;
  /** A wolkvox CRM case job's cases refused because their contact does not exist, and the columns
   * suggested to create those contacts from. */
  planMissingContacts(input: { jobId: string }): Promise<MissingContactsPlan>;
  /** Imports those contacts into the contacts module from the same rows, then retries exactly
   * the cases whose contact now exists. */
  createMissingContacts(input: { jobId: string; columns: ContactColumns }): Promise<MissingContactsStart>;
  /** Writes a report in `lang` (default: the engine's language) to `path` (default: the job's folder). */
  exportReport(input: {
    jobId: string;
    kind: ReportKind;
    format: ReportFormat;
    path?: string;
    lang?: Lang;
  }): Promise<{ path: string }>;

  listTemplates(): Promise<Template[]>;
  saveTemplate(input: { template: Template }): Promise<Template>;
  deleteTemplate(input: { name: string }): Promise<void>;
  /** Templates whose columns all appear among these headers, best first. */
  matchTemplates(input: { columns: string[] }): Promise<Template[]>;
}

export type MethodName = keyof CargaApi;
export type MethodInput<M extends MethodName> = Parameters<CargaApi[M]>[0];
export type MethodResult<M extends MethodName> = Awaited<ReturnType<CargaApi[M]>>;

/** The API plus the one event subscription; the renderer's Bridge adds what needs the DOM. */
export interface EngineClient extends CargaApi {
  /** Returns the function that unsubscribes. */
  onEvent(listener: (event: EngineEvent) => void): () => void;
}

/** Every method name, for front doors that register them one by one. */
export const METHOD_NAMES = [
  'getAppInfo',
  'listTargets',
  'listConnections',
  'saveConnection',
  'deleteConnection',
  'testConnection',
  'resetSandbox',
  'readServerLists',
  'openFile',
  'suggestMapping',
  'previewRequests',
  'checkFile',
  'startJob',
  'pauseJob',
  'resumeJob',
  'cancelJob',
  'retryJob',
  'fixRow',
  'getJob',
  'listJobs',
  'listResults',
  'failureBreakdown',
  'planMissingContacts',
  'createMissingContacts',
  'exportReport',
  'listTemplates',
  'saveTemplate',
  'deleteTemplate',
  'matchTemplates',
] as const satisfies readonly MethodName[];

// Fails to compile when a method is added to CargaApi but not to METHOD_NAMES.
type MissingMethods = Exclude<MethodName, (typeof METHOD_NAMES)[number]>;
export const everyMethodListed: MissingMethods extends never ? true : MissingMethods = true;
