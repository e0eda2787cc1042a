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

export interface AcceptedSnapshot {
  cases: AcceptedCase[];
  campaignRecords: AcceptedCampaignRecord[];
}

export class AcceptedRecords {
  private cases: AcceptedCase[] = [];
  private campaignRecords: AcceptedCampaignRecord[] = [];
  /** Never reset, so an id is never given twice by one sandbox. */
  private lastCaseNumber = 0;

  addCase(entry: Omit<AcceptedCase, 'id'>): string {
    this.lastCaseNumber += 1;
    const id = `CS-${String(this.lastCaseNumber).padStart(6, '0')}`;
    this.cases.push({ id, ...entry });
    return id;
  }

  addCampaignRecords(records: readonly AcceptedCampaignRecord[]): void {
    for (const record of records) this.campaignRecords.push(record);
  }

  snapshot(): AcceptedSnapshot {
    return structuredClone({ cases: this.cases, campaignRecords: this.campaignRecords });
  }

  clear(): void {
    this.cases = [];
    this.campaignRecords = [];
  }
}
