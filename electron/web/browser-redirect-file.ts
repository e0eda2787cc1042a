import { chmod, lstat, mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Writes `<dir>/<name>.html`, a page that sends the browser on to `url`, readable by this user
 * only (0600 in a 0700 folder of theirs), as Jupyter does: the browser is started with this
 * file's path, which opens nothing by itself, rather than with the address, which any local
 * user could read in the process list. Returns the file's path.
 */
export async function writeRedirectFile(dir: string, name: string, url: string): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const info = await lstat(dir);
  // Not a folder of ours (a symlink planted there, another user's): write nothing into it.
  if (!info.isDirectory() || (process.getuid && info.uid !== process.getuid()))
    throw new Error(`${dir} is not a private folder of this user`);
  await chmod(dir, 0o700);
  const path = join(dir, `${name}.html`);
  await rm(path, { force: true });
  // 'wx': a file that appeared meanwhile (or a link to elsewhere) is not written through.
  const file = await open(path, 'wx', 0o600);
  try {
    const href = escapeAttribute(url);
    await file.writeFile(
      `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${href}"><title>Carga</title></head>` +
        `<body><p><a href="${href}">Carga</a></p></body></html>\n`,
    );
  } finally {
    await file.close();
  }
  return path;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
