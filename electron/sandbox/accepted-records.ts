/**
 * Everything the sandbox CRM accepted, kept so tests can check exactly what reached the CRM.
 * Never holds the token a request came with.
 */

export type FormValue = string | number | boolean | null;

export interface AcceptedAttachment {
  filename: string;
  mimeType: string;
  size: number;
}

export interface AcceptedCase {
  /** The id the sandbox answered with (`CS-000001`). */
  id: string;
  /** Every text field of the multipart body except `form`, by its wire name (`case-type`). */
  fields: Record<string, string>;
  /** The `form` field parsed: custom field name → value ({} when absent). */
  form: Record<string, FormValue>;
  attachments: AcceptedAttachment[];
}

export interface AcceptedCampaignRecord {
  campaignId: string;
  campaignType: 'predictive' | 'preview';
  campaignStatus: string;
  /** The record as sent. */
  record: Record<string, string>;
}

export interface AcceptedModuleRecord {
  /** The id the sandbox gave it (`REC-000001`). */
  id: string;
  module: string;
  /** The record as sent: text, or `{"type", "value"}` for typed fields. */
  record: Record<string, unknown>;
}

export interface AcceptedThalamusCase {
  /** `data.entity.id` of the answer (a number, as Thalamus's ids are). */
  id: number;
  /** The principal of the party that was logged in (never its password). */
  party: string;
  touchpoint: string;
  /** The JSON body as sent. */
  body: Record<string, unknown>;
}

export interface AcceptedSnapshot {
  cases: AcceptedCase[];
  campaignRecords: AcceptedCampaignRecord[];
  moduleRecords: AcceptedModuleRecord[];
  thalamusCases: AcceptedThalamusCase[];
}

/**
 * What the sandbox accepted. Only a sandbox a test reads keeps the records themselves: one behind
 * a front door (the app, `npm run web`, `carga sandbox`, the CLI's own) is never read, and kept
 * every record of every rehearsal in memory until it closed (`carga sandbox`: +45 MB of RSS for
 * every 100k campaign records, so ~450 MB for a 1M-row rehearsal, and every collection of a
 * long-lived sandbox slower). Ids are given the same either way.
 */
export class AcceptedRecords {
  constructor(private readonly keep: boolean) {}

  private cases: AcceptedCase[] = [];
  private campaignRecords: AcceptedCampaignRecord[] = [];
  private moduleRecords: AcceptedModuleRecord[] = [];
  private thalamusCases: AcceptedThalamusCase[] = [];
  /** Never reset, so an id is never given twice by one sandbox. */
  private lastCaseNumber = 0;
  private lastRecordNumber = 0;
  private lastThalamusId = 9000;

  addCase(entry: Omit<AcceptedCase, 'id'>): string {
    this.lastCaseNumber += 1;
    const id = `CS-${String(this.lastCaseNumber).padStart(6, '0')}`;
    if (this.keep) this.cases.push({ id, ...entry });
    return id;
  }

  addCampaignRecords(records: readonly AcceptedCampaignRecord[]): void {
    if (this.keep) for (const record of records) this.campaignRecords.push(record);
  }

  /** Saves a batch of module records together; returns their ids in order. */
  addModuleRecords(module: string, records: readonly Record<string, unknown>[]): string[] {
    return records.map((record) => {
      this.lastRecordNumber += 1;
      const id = `REC-${String(this.lastRecordNumber).padStart(6, '0')}`;
      if (this.keep) this.moduleRecords.push({ id, module, record });
      return id;
    });
  }

  addThalamusCase(entry: Omit<AcceptedThalamusCase, 'id'>): number {
    this.lastThalamusId += 1;
    if (this.keep) this.thalamusCases.push({ id: this.lastThalamusId, ...entry });
    return this.lastThalamusId;
  }

  snapshot(): AcceptedSnapshot {
    // A test reading a sandbox that keeps nothing would see every request refused.
    if (!this.keep) throw new Error('This sandbox keeps no records: start it with keepAccepted.');
    return structuredClone({
      cases: this.cases,
      campaignRecords: this.campaignRecords,
      moduleRecords: this.moduleRecords,
      thalamusCases: this.thalamusCases,
    });
  }

  clear(): void {
    this.cases = [];
    this.campaignRecords = [];
    this.moduleRecords = [];
    this.thalamusCases = [];
  }
}
