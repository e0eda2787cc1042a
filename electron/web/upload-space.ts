import { readdir, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

import { JobStore } from '../engine/jobs/job-store';

/** Total bytes of the files under `dir` (0 when it does not exist). */
export async function folderSize(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  let total = 0;
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += await folderSize(path);
    else if (entry.isFile()) total += (await stat(path).catch(() => null))?.size ?? 0;
  }
  return total;
}

/** The files the jobs under `jobsDir` read; null when a job folder cannot be read (it might
 * read any of them). */
export function filesReadByJobs(jobsDir: string): Set<string> | null {
  const store = new JobStore(jobsDir);
  const paths = new Set<string>();
  for (const jobId of store.list()) {
    try {
      paths.add(resolve(store.readSpec(jobId).file.path));
    } catch {
      return null;
    }
  }
  return paths;
}

/**
 * Removes every upload (`<uploadsDir>/<id>/<name>`) no job reads: dropped in a page that never
 * started an import, or whose job folder was removed. Runs when no page can be using one (as
 * the web front door starts and stops), so an upload goes with its job. Returns the folders
 * removed.
 */
export async function removeUnusedUploads(
  uploadsDir: string,
  inUse: ReadonlySet<string> | null,
): Promise<string[]> {
  // A job that could not be read might use any of them: keep everything.
  if (!inUse) return [];
  const root = resolve(uploadsDir);
  const used = new Set([...inUse].filter((path) => path.startsWith(root + sep)).map((path) => dirname(path)));
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const removed: string[] = [];
  for (const entry of entries) {
    const folder = join(root, entry.name);
    if (!entry.isDirectory() || used.has(folder)) continue;
    await rm(folder, { recursive: true, force: true });
    removed.push(folder);
  }
  return removed;
}
