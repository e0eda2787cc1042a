import type { Bridge, DeliveredReport } from '../../renderer/bridge/bridge';
import type {
  AppInfo,
  CheckResult,
  Connection,
  ConnectionSummary,
  EngineEvent,
  FailureClass,
  FileInfo,
  FileOptions,
  JobSummary,
  MappingSuggestion,
  MethodInput,
  QuotaInfo,
  ReportFormat,
  ReportKind,
  RequestPreview,
  ResultFilter,
  ResultPage,
  ResultRow,
  ServerLists,
  TargetDescriptor,
  TargetId,
  Template,
} from '../../shared/contract';
import { CargaError } from '../../shared/errors/carga-error';
import { msg } from '../../shared/messages/catalog';
import { TARGETS } from '../../shared/targets/catalog';

export const SANDBOX: ConnectionSummary = {
  id: 'sandbox-cases',
  name: 'Sandbox · wolkvox CRM',
  target: 'wolkvox-crm-cases',
  server: 'sandbox',
  operation: 'demo',
  hasToken: false,
  isSandbox: true,
};

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

export interface FakeJobRows {
  ok: number;
  failed: number;
  uncertain: number;
}

/**
 * The engine's contract in memory, enough to drive every screen: the real target catalogs, one
 * sandbox connection, a file of six columns, and jobs whose result rows are generated on demand
 * (so a job can have 100,000 failed rows without holding them).
 */
export class FakeBridge implements Bridge {
  connections: ConnectionSummary[] = [SANDBOX];
  templates: Template[] = [];
  jobs = new Map<string, JobSummary>();
  /** Result rows per job, made from the counts; fixes are kept apart. */
  jobRows = new Map<string, FakeJobRows>();
  fixes = new Map<string, Map<number, Record<string, string>>>();
  /** Tokens the renderer sent, to check it sent each once and never read one back. */
  receivedTokens: string[] = [];
  lang: AppInfo['lang'] = 'en';
  private readonly listeners = new Set<(event: EngineEvent) => void>();
  private nextJob = 1;

  emit(event: EngineEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  onEvent(listener: (event: EngineEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async pathForFile(file: File, onProgress?: (sentBytes: number) => void): Promise<string> {
    onProgress?.(file.size);
    return `/fake/${file.name}`;
  }

  async getAppInfo(): Promise<AppInfo> {
    return { version: '0.0.0-test', lang: this.lang, frontDoor: 'web', sandboxOrigin: 'http://127.0.0.1:1' };
  }

  async listTargets(): Promise<TargetDescriptor[]> {
    return Object.values(TARGETS);
  }

  async listConnections(): Promise<ConnectionSummary[]> {
    return this.connections.map((connection) => ({ ...connection }));
  }

  async saveConnection({
    connection,
    token,
  }: {
    connection: Connection;
    token?: string;
  }): Promise<ConnectionSummary> {
    if (token !== undefined) this.receivedTokens.push(token);
    const previous = this.connections.find((candidate) => candidate.id === connection.id);
    const saved: ConnectionSummary = {
      ...connection,
      hasToken: token !== undefined || (previous?.hasToken ?? false),
      isSandbox: previous?.isSandbox ?? false,
    };
    this.connections = [...this.connections.filter((candidate) => candidate.id !== connection.id), saved];
    return { ...saved };
  }

  async deleteConnection({ id }: { id: string }): Promise<void> {
    this.connections = this.connections.filter((connection) => connection.id !== id);
  }

  async testConnection({ id }: { id: string }): Promise<QuotaInfo> {
    if (!this.connections.some((connection) => connection.id === id))
      throw new CargaError(msg('crm.wolkvox.token-invalid'));
    return {
      limit: 4800,
      usedToday: 120,
      remaining: 4680,
      resetsAt: '2026-03-15T05:00:00.000Z',
      countedToday: 20,
    };
  }

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
  serverListReads: string[] = [];

  async readServerLists({ id }: { id: string }): Promise<ServerLists> {
    this.serverListReads.push(id);
    return structuredClone(this.serverLists);
  }

  openFileCalls: { path: string; options?: FileOptions }[] = [];

  async openFile(input: { path: string; options?: FileOptions }): Promise<FileInfo> {
    this.openFileCalls.push(input);
    const name = input.path.split('/').pop() ?? input.path;
    const options = input.options ?? {};
    return {
      path: input.path,
      name,
      size: 2048,
      kind: name.endsWith('.xlsx') ? 'xlsx' : 'csv',
      encoding: name.endsWith('.xlsx') ? null : (options.encoding ?? 'windows-1252'),
      bom: false,
      delimiter: name.endsWith('.xlsx') ? null : (options.delimiter ?? ';'),
      headerRow: options.headerRow ?? 1,
      headers: FILE_COLUMNS,
      columns: FILE_COLUMNS,
      sheets: name.endsWith('.xlsx') ? ['Casos', 'Notas'] : [],
      sheet: name.endsWith('.xlsx') ? (options.sheet ?? 'Casos') : null,
      preview: PREVIEW.map((row) => ({ ...row })),
      rowCount: 3,
      warnings: [msg('file.header-below-title', { line: 2 })],
    };
  }

  async suggestMapping({ columns }: { target: TargetId; columns: string[] }): Promise<MappingSuggestion[]> {
    return columns.map((column) => ({ column, ...(SUGGESTIONS[column] ?? { field: null, confidence: 0 }) }));
  }

  async previewRequests(input: MethodInput<'previewRequests'>): Promise<RequestPreview[]> {
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

  async checkFile(input: { checkId: string }): Promise<CheckResult> {
    await Promise.resolve();
    this.emit({ type: 'check-progress', checkId: input.checkId, rows: 2 });
    return {
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
  }

  /** Adds a job directly (the way a past run would be found on disk). */
  addJob(rows: FakeJobRows, patch: Partial<JobSummary> = {}): JobSummary {
    const jobId = `job-${this.nextJob++}`;
    const total = rows.ok + rows.failed + rows.uncertain;
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

  async startJob(): Promise<JobSummary> {
    return this.addJob({ ok: 0, failed: 0, uncertain: 0 }, { status: 'running', total: 3, pending: 3 });
  }

  private transition(jobId: string, status: JobSummary['status']): JobSummary {
    const summary = this.job(jobId);
    const next = { ...summary, status };
    this.jobs.set(jobId, next);
    return next;
  }

  async pauseJob({ jobId }: { jobId: string }): Promise<JobSummary> {
    return this.transition(jobId, 'paused');
  }

  async resumeJob({ jobId }: { jobId: string }): Promise<JobSummary> {
    return this.transition(jobId, 'running');
  }

  async cancelJob({ jobId }: { jobId: string }): Promise<JobSummary> {
    return this.transition(jobId, 'cancelled');
  }

  async retryJob({
    jobId,
  }: {
    jobId: string;
    includeUncertain: boolean;
    template?: Template;
  }): Promise<JobSummary> {
    return this.transition(jobId, 'running');
  }

  async fixRow({
    jobId,
    index,
    values,
  }: {
    jobId: string;
    index: number;
    values: Record<string, string>;
  }): Promise<ResultRow> {
    const fixes = this.fixes.get(jobId) ?? new Map<number, Record<string, string>>();
    fixes.set(index, values);
    this.fixes.set(jobId, fixes);
    return this.rowAt(jobId, index);
  }

  async getJob({ jobId }: { jobId: string }): Promise<JobSummary> {
    return this.job(jobId);
  }

  async listJobs(): Promise<JobSummary[]> {
    return [...this.jobs.values()];
  }

  async listResults(input: {
    jobId: string;
    filter?: ResultFilter;
    offset: number;
    limit: number;
  }): Promise<ResultPage> {
    const rows = this.jobRows.get(input.jobId) ?? { ok: 0, failed: 0, uncertain: 0 };
    const total = rows.ok + rows.failed + rows.uncertain;
    const filter = input.filter ?? {};
    const page: ResultRow[] = [];
    let matched = 0;
    // Generated row by row and never stored: a job of 100,000 rows costs nothing until asked.
    for (let index = 0; index < total; index += 1) {
      const row = this.rowAt(input.jobId, index);
      if (filter.outcomes && !filter.outcomes.includes(row.outcome)) continue;
      if (filter.classes && (!row.failureClass || !filter.classes.includes(row.failureClass))) continue;
      if (filter.corrected && !row.unsentFix) continue;
      if (
        filter.text &&
        !Object.values(row.values).some((value) =>
          value.toLowerCase().includes(filter.text?.toLowerCase() ?? ''),
        )
      )
        continue;
      if (matched >= input.offset && page.length < input.limit) page.push(row);
      matched += 1;
    }
    return { total: matched, offset: input.offset, rows: page };
  }

  async failureBreakdown({
    jobId,
  }: {
    jobId: string;
  }): Promise<Partial<Record<FailureClass | 'validation', number>>> {
    const rows = this.jobRows.get(jobId) ?? { ok: 0, failed: 0, uncertain: 0 };
    const breakdown: Partial<Record<FailureClass | 'validation', number>> = {};
    if (rows.failed > 0) {
      breakdown.validation = Math.ceil(rows.failed / 2);
      breakdown.row = rows.failed - breakdown.validation;
    }
    if (rows.uncertain > 0) breakdown.uncertain = rows.uncertain;
    return breakdown;
  }

  async exportReport({
    jobId,
    kind,
    format,
  }: {
    jobId: string;
    kind: ReportKind;
    format: ReportFormat;
  }): Promise<{ path: string }> {
    return { path: `/home/operador/Carga/${jobId}-${kind}.${format}` };
  }

  /** How the front door hands reports over: downloads (the web door) unless `savesReports`. */
  savesReports = false;
  shownInFolder: string[] = [];

  async deliverReport(input: MethodInput<'exportReport'>): Promise<DeliveredReport> {
    const { path } = await this.exportReport(input);
    return this.savesReports
      ? { kind: 'saved', path }
      : { kind: 'downloaded', fileName: path.split('/').pop() ?? path };
  }

  showInFolder = async (path: string): Promise<void> => {
    this.shownInFolder.push(path);
  };

  async listTemplates(): Promise<Template[]> {
    return this.templates.map((template) => structuredClone(template));
  }

  async saveTemplate({ template }: { template: Template }): Promise<Template> {
    this.templates = [
      ...this.templates.filter((candidate) => candidate.name !== template.name),
      structuredClone(template),
    ];
    return structuredClone(template);
  }

  async deleteTemplate({ name }: { name: string }): Promise<void> {
    this.templates = this.templates.filter((template) => template.name !== name);
  }

  async matchTemplates({ columns }: { columns: string[] }): Promise<Template[]> {
    return this.templates.filter((template) =>
      Object.keys(template.columns).every((column) => columns.includes(column)),
    );
  }

  private job(jobId: string): JobSummary {
    const summary = this.jobs.get(jobId);
    if (!summary) throw new CargaError(msg('cli.missing-job'));
    return summary;
  }

  /** Row `index` of a job: failed rows first (odd ones invalid data, even ones rejected by the
   * CRM), then uncertain, then accepted. */
  private rowAt(jobId: string, index: number): ResultRow {
    const rows = this.jobRows.get(jobId) ?? { ok: 0, failed: 0, uncertain: 0 };
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
