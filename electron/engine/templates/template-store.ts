import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { CargaError } from '../../../shared/errors/carga-error';
import { normalizeName } from '../../../shared/mapping/normalize-name';
import { msg } from '../../../shared/messages/catalog';
import { templateSchema, type Template } from '../../../shared/template';
import { writeFileAtomic } from '../jobs/atomic-write';

/** Templates as JSON files, one per name: the same files the CLI's `--template` reads. */
export class TemplateStore {
  constructor(private readonly dir: string) {}

  list(): Template[] {
    if (!existsSync(this.dir)) return [];
    const templates: Template[] = [];
    for (const name of readdirSync(this.dir)
      .filter((n) => n.endsWith('.json'))
      .sort()) {
      const parsed = templateSchema.safeParse(safeJson(readFileSync(join(this.dir, name), 'utf8')));
      if (parsed.success) templates.push(parsed.data);
    }
    return templates;
  }

  save(template: Template): Template {
    mkdirSync(this.dir, { recursive: true });
    const valid = templateSchema.parse(template);
    writeFileAtomic(this.pathOf(valid.name), JSON.stringify(valid, null, 2) + '\n');
    return valid;
  }

  delete(name: string): void {
    const path = this.pathOf(name);
    if (!existsSync(path)) throw new CargaError(msg('job.template-not-found', { name }));
    rmSync(path);
  }

  /** Templates whose mapped columns are all among these headers, most columns first. */
  match(columns: readonly string[]): Template[] {
    const present = new Set(columns.map(normalizeName));
    return this.list()
      .map((template) => ({ template, mapped: Object.keys(template.columns) }))
      .filter(
        ({ mapped }) => mapped.length > 0 && mapped.every((column) => present.has(normalizeName(column))),
      )
      .sort((a, b) => b.mapped.length - a.mapped.length)
      .map(({ template }) => template);
  }

  private pathOf(name: string): string {
    const slug =
      normalizeName(name)
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'plantilla';
    return join(this.dir, `${slug}.json`);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
