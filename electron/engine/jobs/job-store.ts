import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import type { JobSummary } from '../../../shared/contract';
import { CargaError } from '../../../shared/errors/carga-error';
import { msg } from '../../../shared/messages/catalog';
import { writeFileAtomic } from './atomic-write';
import { readCheckpoint } from './checkpoint';
import { jobSpecSchema, type JobSpec } from './job-spec';

const JOB_ID = /^[A-Za-z0-9][\w.-]*$/;

/** Sortable and readable: `20261122-031545-a1b2`. */
export function newJobId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}

/** A job is a folder: `job.json` (the spec), `outcomes.jsonl` (the journal), `summary.json`
 * (counts at the last status change, so listing jobs never replays every journal). */
export class JobStore {
  constructor(readonly jobsDir: string) {
    mkdirSync(jobsDir, { recursive: true });
  }

  folder(jobId: string): string {
    if (!JOB_ID.test(jobId)) throw new CargaError(msg('job.not-found', { jobId }));
    return join(this.jobsDir, jobId);
  }

  journalPath(jobId: string): string {
    return join(this.folder(jobId), 'outcomes.jsonl');
  }

  checkpointPath(jobId: string): string {
    return join(this.folder(jobId), 'checkpoint.json');
  }

  /** Cheap signs of damage for listing without a replay: a description or checkpoint that does
   * not read, a journal smaller than its checkpoint says. (Opening the job replays and tells for sure.) */
  looksDamaged(jobId: string): boolean {
    try {
      this.readSpec(jobId);
    } catch {
      return true;
    }
    const saved = readCheckpoint(this.checkpointPath(jobId));
    if (saved === null) return false;
    if (saved === 'unreadable') return true;
    const size = statSync(this.journalPath(jobId), { throwIfNoEntry: false })?.size ?? 0;
    return size < saved.bytes;
  }

  create(spec: JobSpec): void {
    mkdirSync(this.folder(spec.jobId), { recursive: true });
    writeFileAtomic(join(this.folder(spec.jobId), 'job.json'), JSON.stringify(spec, null, 2) + '\n');
  }

  exists(jobId: string): boolean {
    return existsSync(join(this.folder(jobId), 'job.json'));
  }

  readSpec(jobId: string): JobSpec {
    const path = join(this.folder(jobId), 'job.json');
    if (!existsSync(path)) throw new CargaError(msg('job.not-found', { jobId }));
    try {
      return jobSpecSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    } catch {
      throw new CargaError(msg('job.folder-damaged', { jobId }));
    }
  }

  writeSummary(summary: JobSummary): void {
    writeFileAtomic(join(this.folder(summary.jobId), 'summary.json'), JSON.stringify(summary) + '\n');
  }

  readSummary(jobId: string): JobSummary | null {
    const path = join(this.folder(jobId), 'summary.json');
    if (!existsSync(path)) return null;
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as JobSummary;
    } catch {
      return null;
    }
  }

  /** Job ids, newest first (ids start with their creation time): every folder that holds a job's
   * description or journal, damaged ones included, so they are shown rather than lost. */
  list(): string[] {
    const isJob = (name: string) =>
      ['job.json', 'outcomes.jsonl', 'summary.json'].some((file) =>
        existsSync(join(this.jobsDir, name, file)),
      );
    return readdirSync(this.jobsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && JOB_ID.test(entry.name) && isJob(entry.name))
      .map((entry) => entry.name)
      .sort()
      .reverse();
  }
}
