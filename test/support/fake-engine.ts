import type { Bridge, DeliveredReport } from '../../renderer/bridge/bridge';
import type {
  AppInfo,
  CheckResult,
  Connection,
  ConnectionSummary,
  EngineClient,
  EngineEvent,
  FailureClass,
  FileInfo,
  JobSummary,
  MappingSuggestion,
  MethodInput,
  MethodName,
  MissingContactsPlan,
  MissingContactsStart,
  QuotaInfo,
  RequestPreview,
  ResultPage,
  ResultRow,
  ServerLists,
  TargetDescriptor,
  Template,
} from '../../shared/contract';
import { CargaError } from '../../shared/errors/carga-error';
import { msg } from '../../shared/messages/catalog';
import { TARGET_SPECS } from '../../shared/targets/catalog';

const SANDBOX_CONNECTION: Connection = {
  id: 'sandbox-cases',
  name: 'Sandbox · wolkvox CRM',
  target: 'wolkvox-crm-cases',
  server: 'sandbox',
  operation: 'demo',
};

/** The one connection a new fake engine lists. */
export const SANDBOX: ConnectionSummary = { ...SANDBOX_CONNECTION, hasToken: false, isSandbox: true };

export const FILE_COLUMNS = ['Asunto', 'Estado', 'Prioridad', 'Correo', 'Responsable', 'Ciudad'];

const PREVIEW: Record<string, string>[] = [
  {
    Asunto: 'No llega la factura',
    Estado: 'Abierto',
    Prioridad: 'Alta',
    Correo: 'ana@example.com',
    Responsable: 'luis@demo',
    Ciudad: 'Cali',
  },
  {
    Asunto: 'Cambio de plan',
    Estado: 'Cerrado',
    Prioridad: 'Baja',
    Correo: 'beto@example.com',
    Responsable: 'luis@demo',
    Ciudad: 'Bogotá',
  },
  {
    Asunto: 'Reclamo por cobro',
    Estado: 'Pendiente',
    Prioridad: 'Media',
    Correo: 'carla@example',
    Responsable: 'sofia@demo',
    Ciudad: 'Medellín',
  },
];

const SUGGESTIONS: Record<string, { field: string | null; confidence: number }> = {
  Asunto: { field: 'description', confidence: 0.92 },
  Estado: { field: 'status', confidence: 0.95 },
  Prioridad: { field: 'priority', confidence: 0.9 },
  Correo: { field: 'contact', confidence: 0.6 },
  Responsable: { field: 'responsible', confidence: 0.85 },
  Ciudad: { field: null, confidence: 0 },
};

/** What every check of the fake file finds: one row of three with a bad email. */
export const CHECK_RESULT: CheckResult = {
  totalRows: 3,
  validRows: 2,
  invalidRows: 1,
  problemCounts: { 'invalid-email': 1 },
  examples: [
    {
      row: 5,
      index: 2,
      column: 'Correo',
      field: 'contact',
      value: 'carla@example',
      code: 'invalid-email',
      message: msg('validation.invalid-email', { row: 5, column: 'Correo', value: 'carla@example' }),
    },
  ],
  mappingProblems: [],
  requests: 2,
  quotaDays: 1,
};

export interface FakeJobRows {
  ok: number;
  failed: number;
  uncertain: number;
}

export interface RecordedCall<M extends MethodName = MethodName> {
  method: M;
  input: MethodInput<M>;
}

/** What a failure the engine did not foresee looks like: no Carga message, an internal detail a
 * front door must never pass on. */
export function unexpectedFailure(method: MethodName): Error {
  return new Error(`${method} failed in the fake engine (internal detail: /srv/private/path)`);
}

/**
 * The engine's contract in memory, for every test that needs an engine but not its files or HTTP:
 * the real target catalogs, one sandbox connection, a file of six columns, and jobs whose result
 * rows are generated on demand (so a job can have 100,000 failed rows without holding them).
 *
 * Knobs: every call is recorded (`calls`, `inputsOf`); `failNext` makes a method's next call
 * reject; `emit` pushes an event; `addJob` puts a past job on "disk"; `appInfo`, `connections`,
 * `templates`, `serverLists` and `jobs` are plain state to set. Tokens go to `tokens` and never
 * back out, and saving or deleting a connection or template emits the event the real engine emits.
 *
 * Typed as the contract's `EngineClient`: a method added to the contract fails to compile here
 * until it is modelled.
 */
export class FakeEngine implements EngineClient {
  readonly calls: RecordedCall[] = [];
  /** The token last received for each connection id. */
  readonly tokens = new Map<string, string>();
  appInfo: AppInfo = {
    version: '0.0.0-test',
    lang: 'en',
    frontDoor: 'web',
    sandboxOrigin: 'http://127.0.0.1:1',
  };
  connections = new Map<string, Connection>([[SANDBOX_CONNECTION.id, SANDBOX_CONNECTION]]);
  templates: Template[] = [];
  /** What the fake Thalamus declares: two pairs, an initial and a final status. */
  serverLists: ServerLists = {
    caseTypes: [
      { categoryCode: 'RECL', categoryName: 'Reclamos', typeCode: 'FACT', typeName: 'Facturación' },
      { categoryCode: 'SOLI', categoryName: 'Solicitudes', typeCode: 'INFO', typeName: 'Información' },
    ],
    statuses: [
      { name: 'Creado', initial: true },
      { name: 'Cerrado', initial: false },
    ],
  };
  jobs = new Map<string, JobSummary>();
  /** Result rows per job, made from the counts; fixes are kept apart. */
  readonly jobRows = new Map<string, FakeJobRows>();
  readonly fixes = new Map<string, Map<number, Record<string, string>>>();
  private readonly failures = new Map<MethodName, Error>();
  private readonly listeners = new Set<(event: EngineEvent) => void>();
  private nextJob = 1;

  emit(event: EngineEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  onEvent(listener: (event: EngineEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** The next call of `method` is recorded, then rejects with `error` (by default an unexpected
   * failure with an internal detail in its text). */
  failNext(method: MethodName, error: Error = unexpectedFailure(method)): void {
    this.failures.set(method, error);
  }

  /** The inputs `method` was called with, in order. */
  inputsOf<M extends MethodName>(method: M): MethodInput<M>[] {
    return this.calls
      .filter((call): call is RecordedCall<M> => call.method === method)
      .map((call) => call.input);
  }

  /** Adds a job directly (the way a past run would be found on disk). */
  addJob(rows: FakeJobRows, patch: Partial<JobSummary> = {}): JobSummary {
    const jobId = `job-${this.nextJob++}`;
    const total = totalRows(rows);
    const summary: JobSummary = {
      jobId,
      status: 'finished',
      total,
      ok: rows.ok,
      failed: rows.failed,
      uncertain: rows.uncertain,
      pending: 0,
      skipped: 0,
      requests: total,
      createdAt: '2026-03-14T15:00:00.000Z',
      updatedAt: '2026-03-14T15:05:00.000Z',
      fileName: 'casos.csv',
      target: 'wolkvox-crm-cases',
      connectionName: 'Sandbox · wolkvox CRM',
      ...patch,
    };
    this.jobs.set(jobId, summary);
    this.jobRows.set(jobId, rows);
    return summary;
  }

  async getAppInfo(): Promise<AppInfo> {
    this.record('getAppInfo', undefined);
    return { ...this.appInfo };
  }

  async listTargets(): Promise<TargetDescriptor[]> {
    this.record('listTargets', undefined);
    return Object.values(TARGET_SPECS);
  }

  async listConnections(): Promise<ConnectionSummary[]> {
    this.record('listConnections', undefined);
    return [...this.connections.values()].map((connection) => this.summary(connection));
  }

  async saveConnection(input: MethodInput<'saveConnection'>): Promise<ConnectionSummary> {
    this.record('saveConnection', input);
    // A saved connection goes last, as a list read back from disk would have it.
    this.connections.delete(input.connection.id);
    this.connections.set(input.connection.id, input.connection);
    if (input.token !== undefined) this.tokens.set(input.connection.id, input.token);
    this.emit({ type: 'connections-changed' });
    return this.summary(input.connection);
  }

  async deleteConnection(input: MethodInput<'deleteConnection'>): Promise<void> {
    this.record('deleteConnection', input);
    this.connections.delete(input.id);
    this.tokens.delete(input.id);
    this.emit({ type: 'connections-changed' });
  }

  async testConnection(input: MethodInput<'testConnection'>): Promise<QuotaInfo> {
    this.record('testConnection', input);
    if (!this.connections.has(input.id))
      throw new CargaError(msg('job.connection-not-found', { id: input.id }));
    return {
      limit: 4800,
      usedToday: 120,
      remaining: 4680,
      resetsAt: '2026-03-15T05:00:00.000Z',
      countedToday: 20,
    };
  }

  async resetSandbox(): Promise<void> {
    this.record('resetSandbox', undefined);
  }

  async readServerLists(input: MethodInput<'readServerLists'>): Promise<ServerLists> {
    this.record('readServerLists', input);
    return structuredClone(this.serverLists);
  }

  async openFile(input: MethodInput<'openFile'>): Promise<FileInfo> {
    this.record('openFile', input);
    const name = input.path.split('/').pop() ?? input.path;
    const options = input.options ?? {};
    const xlsx = name.endsWith('.xlsx');
    return {
      path: input.path,
      name,
      size: 2048,
      kind: xlsx ? 'xlsx' : 'csv',
      encoding: xlsx ? null : (options.encoding ?? 'windows-1252'),
      bom: false,
      delimiter: xlsx ? null : (options.delimiter ?? ';'),
      headerRow: options.headerRow ?? 1,
      headers: FILE_COLUMNS,
      columns: FILE_COLUMNS,
      sheets: xlsx ? ['Casos', 'Notas'] : [],
      sheet: xlsx ? (options.sheet ?? 'Casos') : null,
      preview: PREVIEW.map((row) => ({ ...row })),
      rowCount: 3,
      warnings: [msg('file.header-below-title', { line: 2 })],
    };
  }

  async suggestMapping(input: MethodInput<'suggestMapping'>): Promise<MappingSuggestion[]> {
    this.record('suggestMapping', input);
    return input.columns.map((column) => ({
      column,
      ...(SUGGESTIONS[column] ?? { field: null, confidence: 0 }),
    }));
  }

  async previewRequests(input: MethodInput<'previewRequests'>): Promise<RequestPreview[]> {
    this.record('previewRequests', input);
    return [
      {
        rows: [3],
        method: 'POST',
        url: 'http://127.0.0.1:1/server/API/v2/cases/insert.php',
        body: Object.entries(input.template.columns)
          .map(([column, field]) => `${field}=${PREVIEW[0]?.[column] ?? ''}`)
          .join('\n'),
      },
    ];
  }

  async checkFile(input: MethodInput<'checkFile'>): Promise<CheckResult> {
    this.record('checkFile', input);
    await Promise.resolve();
    this.emit({ type: 'check-progress', checkId: input.checkId, rows: 2 });
    return structuredClone(CHECK_RESULT);
  }

  async startJob(input: MethodInput<'startJob'>): Promise<JobSummary> {
    this.record('startJob', input);
    return this.addJob({ ok: 0, failed: 0, uncertain: 0 }, { status: 'running', total: 3, pending: 3 });
  }

  async pauseJob(input: MethodInput<'pauseJob'>): Promise<JobSummary> {
    this.record('pauseJob', input);
    return this.transition(input.jobId, 'paused');
  }

  async resumeJob(input: MethodInput<'resumeJob'>): Promise<JobSummary> {
    this.record('resumeJob', input);
    return this.transition(input.jobId, 'running');
  }

  async cancelJob(input: MethodInput<'cancelJob'>): Promise<JobSummary> {
    this.record('cancelJob', input);
    return this.transition(input.jobId, 'cancelled');
  }

  async retryJob(input: MethodInput<'retryJob'>): Promise<JobSummary> {
    this.record('retryJob', input);
    return this.transition(input.jobId, 'running');
  }

  async fixRow(input: MethodInput<'fixRow'>): Promise<ResultRow> {
    this.record('fixRow', input);
    const fixes = this.fixes.get(input.jobId) ?? new Map<number, Record<string, string>>();
    fixes.set(input.index, input.values);
    this.fixes.set(input.jobId, fixes);
    return this.rowAt(input.jobId, input.index);
  }

  async getJob(input: MethodInput<'getJob'>): Promise<JobSummary> {
    this.record('getJob', input);
    return this.job(input.jobId);
  }

  async listJobs(): Promise<JobSummary[]> {
    this.record('listJobs', undefined);
    return [...this.jobs.values()];
  }

  async listResults(input: MethodInput<'listResults'>): Promise<ResultPage> {
    this.record('listResults', input);
    const total = totalRows(this.rowsOf(input.jobId));
    const filter = input.filter ?? {};
    const text = filter.text?.toLowerCase();
    const page: ResultRow[] = [];
    let matched = 0;
    // Generated row by row and never stored: a job of 100,000 rows costs nothing until asked.
    for (let index = 0; index < total; index += 1) {
      const row = this.rowAt(input.jobId, index);
      if (filter.outcomes && !filter.outcomes.includes(row.outcome)) continue;
      if (filter.classes && (!row.failureClass || !filter.classes.includes(row.failureClass))) continue;
      if (filter.corrected && !row.unsentFix) continue;
      // Any value the row shows, as the engine searches: its cells and its CRM id.
      const shown = [...Object.values(row.values), row.crmId ?? ''];
      if (text && !shown.some((value) => value.toLowerCase().includes(text))) continue;
      if (matched >= input.offset && page.length < input.limit) page.push(row);
      matched += 1;
    }
    return { total: matched, offset: input.offset, rows: page };
  }

  async failureBreakdown(
    input: MethodInput<'failureBreakdown'>,
  ): Promise<Partial<Record<FailureClass | 'validation', number>>> {
    this.record('failureBreakdown', input);
    const rows = this.rowsOf(input.jobId);
    const breakdown: Partial<Record<FailureClass | 'validation', number>> = {};
    if (rows.failed > 0) {
      breakdown.validation = Math.ceil(rows.failed / 2);
      breakdown.row = rows.failed - breakdown.validation;
    }
    if (rows.uncertain > 0) breakdown.uncertain = rows.uncertain;
    return breakdown;
  }

  /** Cases refused for a missing contact, per job (none unless a test sets them). */
  readonly missingContacts = new Map<string, MissingContactsPlan>();

  async planMissingContacts(input: MethodInput<'planMissingContacts'>): Promise<MissingContactsPlan> {
    this.record('planMissingContacts', input);
    return (
      this.missingContacts.get(input.jobId) ?? { cases: 0, contacts: 0, columns: FILE_COLUMNS, suggested: {} }
    );
  }

  /** Starts the contacts import as a running job of its own; the test moves it on with events. */
  async createMissingContacts(input: MethodInput<'createMissingContacts'>): Promise<MissingContactsStart> {
    this.record('createMissingContacts', input);
    const plan = this.missingContacts.get(input.jobId);
    if (!plan || plan.cases === 0) throw new CargaError(msg('contacts.none-missing'));
    const contactsJob = this.addJob(
      { ok: 0, failed: 0, uncertain: 0 },
      { status: 'running', total: plan.contacts, pending: plan.contacts, target: 'wolkvox-crm-records' },
    );
    return { contactsJob, cases: plan.cases, contacts: plan.contacts };
  }

  async exportReport(input: MethodInput<'exportReport'>): Promise<{ path: string }> {
    this.record('exportReport', input);
    return { path: `/home/operador/Carga/${input.jobId}-${input.kind}.${input.format}` };
  }

  async listTemplates(): Promise<Template[]> {
    this.record('listTemplates', undefined);
    return this.templates.map((template) => structuredClone(template));
  }

  async saveTemplate(input: MethodInput<'saveTemplate'>): Promise<Template> {
    this.record('saveTemplate', input);
    this.templates = [
      ...this.templates.filter((candidate) => candidate.name !== input.template.name),
      structuredClone(input.template),
    ];
    this.emit({ type: 'templates-changed' });
    return structuredClone(input.template);
  }

  async deleteTemplate(input: MethodInput<'deleteTemplate'>): Promise<void> {
    this.record('deleteTemplate', input);
    this.templates = this.templates.filter((template) => template.name !== input.name);
    this.emit({ type: 'templates-changed' });
  }

  async matchTemplates(input: MethodInput<'matchTemplates'>): Promise<Template[]> {
    this.record('matchTemplates', input);
    return this.templates.filter((template) =>
      Object.keys(template.columns).every((column) => input.columns.includes(column)),
    );
  }

  /** Every method starts here: the call is recorded, then fails if `failNext` asked it to. */
  private record<M extends MethodName>(method: M, input: MethodInput<M>): void {
    this.calls.push({ method, input } as RecordedCall);
    const failure = this.failures.get(method);
    if (failure) {
      this.failures.delete(method);
      throw failure;
    }
  }

  private summary(connection: Connection): ConnectionSummary {
    return {
      ...connection,
      hasToken: this.tokens.has(connection.id),
      isSandbox: connection.server === 'sandbox',
    };
  }

  private job(jobId: string): JobSummary {
    const summary = this.jobs.get(jobId);
    if (!summary) throw new CargaError(msg('job.not-found', { jobId }));
    return summary;
  }

  private transition(jobId: string, status: JobSummary['status']): JobSummary {
    const next = { ...this.job(jobId), status };
    this.jobs.set(jobId, next);
    return next;
  }

  private rowsOf(jobId: string): FakeJobRows {
    return this.jobRows.get(jobId) ?? { ok: 0, failed: 0, uncertain: 0 };
  }

  /** Row `index` of a job: failed rows first (odd ones invalid data, even ones rejected by the
   * CRM), then uncertain, then accepted. */
  private rowAt(jobId: string, index: number): ResultRow {
    const rows = this.rowsOf(jobId);
    const fixed = this.fixes.get(jobId)?.get(index);
    const base = PREVIEW[index % PREVIEW.length] ?? {};
    const original = { ...base, Correo: `persona${index}@example` };
    const values = fixed ?? original;
    const row = index + 3;
    if (index < rows.failed) {
      const invalid = index % 2 === 0;
      return {
        row,
        index,
        outcome: 'failed',
        failureClass: invalid ? 'validation' : 'row',
        code: invalid ? 'invalid-email' : '404',
        message: invalid ? undefined : 'REVIEW THE ERROR MESSAGE',
        // About the values its last attempt sent, as the engine's are, whatever was fixed since.
        explanation: invalid
          ? msg('validation.invalid-email', { row, column: 'Correo', value: original.Correo })
          : msg('crm.wolkvox.review-detail', { detail: 'contact not found' }),
        failedColumn: 'Correo',
        values,
        ...(fixed ? { sent: original, unsentFix: true } : {}),
        fixed: fixed !== undefined,
      };
    }
    if (index < rows.failed + rows.uncertain) {
      return {
        row,
        index,
        outcome: 'uncertain',
        failureClass: 'uncertain',
        code: 'ETIMEDOUT',
        explanation: msg('crm.network.timeout-after-send'),
        values,
        fixed: fixed !== undefined,
      };
    }
    return { row, index, outcome: 'ok', crmId: `C-${1000 + index}`, values, fixed: false };
  }
}

/** The engine behind the renderer's Bridge: the browser's one extra turns a dropped file into a
 * path under `/fake/`. */
export class FakeBridge extends FakeEngine implements Bridge {
  /** How reports are handed over: downloaded (the web door) unless set (the app saves them). */
  savesReports = false;
  /** Paths "Show in folder" was asked for. */
  shownInFolder: string[] = [];

  async pathForFile(file: File, onProgress?: (sentBytes: number) => void): Promise<string> {
    onProgress?.(file.size);
    return `/fake/${file.name}`;
  }

  async deliverReport(input: Parameters<Bridge['deliverReport']>[0]): Promise<DeliveredReport> {
    const { path } = await this.exportReport(input);
    return this.savesReports
      ? { kind: 'saved', path }
      : { kind: 'downloaded', fileName: path.split('/').pop() ?? path };
  }

  showInFolder = async (path: string): Promise<void> => {
    this.shownInFolder.push(path);
  };
}

function totalRows(rows: FakeJobRows): number {
  return rows.ok + rows.failed + rows.uncertain;
}
