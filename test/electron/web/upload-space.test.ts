import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { filesReadByJobs, folderSize, removeUnusedUploads } from '../../../electron/web/upload-space';
import { useTempDirs } from '../../support/temp-dir';

const newTempDir = useTempDirs();

function upload(uploadsDir: string, id: string, name: string, bytes: number): string {
  mkdirSync(join(uploadsDir, id), { recursive: true });
  const path = join(uploadsDir, id, name);
  writeFileSync(path, Buffer.alloc(bytes, 'x'));
  return path;
}

/** A job folder as the job store writes it, reading `path`. */
function job(jobsDir: string, jobId: string, path: string): void {
  mkdirSync(join(jobsDir, jobId), { recursive: true });
  const spec = {
    version: 1,
    jobId,
    createdAt: '2026-11-30T09:00:00.000Z',
    file: {
      path,
      name: 'a.csv',
      size: 1,
      mtimeMs: 1,
      kind: 'csv',
      encoding: 'utf-8',
      bom: false,
      delimiter: ',',
      headerRow: 0,
      sheet: null,
      headers: ['a'],
      columns: ['a'],
    },
    template: { name: 't', target: 'wolkvox-crm-cases' },
    connection: { id: 'sandbox-cases', name: 'Sandbox', target: 'wolkvox-crm-cases', server: 'sandbox' },
  };
  writeFileSync(join(jobsDir, jobId, 'job.json'), JSON.stringify(spec));
}

describe('uploads and their jobs', () => {
  it('measures what the uploads take', async () => {
    const uploadsDir = join(newTempDir(), 'uploads');
    expect(await folderSize(uploadsDir)).toBe(0);
    upload(uploadsDir, 'a', 'a.csv', 1000);
    upload(uploadsDir, 'b', 'b.csv', 234);
    expect(await folderSize(uploadsDir)).toBe(1234);
  });

  it('removes the uploads no job reads and keeps those a job reads', async () => {
    const root = newTempDir();
    const uploadsDir = join(root, 'uploads');
    const jobsDir = join(root, 'jobs');
    const kept = upload(uploadsDir, 'kept', 'clientes.csv', 10);
    const orphan = upload(uploadsDir, 'orphan', 'clientes.csv', 10);
    job(jobsDir, '20261130-090000-a1b2', kept);
    job(jobsDir, '20261130-090001-c3d4', '/elsewhere/file.csv');

    const removed = await removeUnusedUploads(uploadsDir, filesReadByJobs(jobsDir));
    expect(removed).toEqual([join(uploadsDir, 'orphan')]);
    expect(existsSync(kept)).toBe(true);
    expect(existsSync(orphan)).toBe(false);
  });

  it('removes an upload with its job folder', async () => {
    const root = newTempDir();
    const uploadsDir = join(root, 'uploads');
    const path = upload(uploadsDir, 'u1', 'a.csv', 10);
    // No job folder reads it any more (the operator removed it).
    mkdirSync(join(root, 'jobs'));
    await removeUnusedUploads(uploadsDir, filesReadByJobs(join(root, 'jobs')));
    expect(existsSync(path)).toBe(false);
  });

  it('keeps every upload when a job folder cannot be read', async () => {
    const root = newTempDir();
    const uploadsDir = join(root, 'uploads');
    const jobsDir = join(root, 'jobs');
    const path = upload(uploadsDir, 'u1', 'a.csv', 10);
    mkdirSync(join(jobsDir, '20261130-090000-dead'), { recursive: true });
    writeFileSync(join(jobsDir, '20261130-090000-dead', 'job.json'), '{"version":1,');
    expect(filesReadByJobs(jobsDir)).toBeNull();
    expect(await removeUnusedUploads(uploadsDir, filesReadByJobs(jobsDir))).toEqual([]);
    expect(existsSync(path)).toBe(true);
  });
});
