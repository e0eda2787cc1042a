import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { CargaError } from '../../shared/errors/carga-error';
import { DECLARED_TYPES, type DeclaredType } from '../../shared/mapping/declared-type';
import { msg } from '../../shared/messages/catalog';
import { TARGET_IDS } from '../../shared/targets/target-ids';
import { templateSchema, type Template } from '../../shared/template';
import type { FlagValues, TEMPLATE_FLAGS } from './flags';

function splitPair(flag: string, text: string): [string, string] {
  const at = text.indexOf('=');
  if (at <= 0) throw new CargaError(msg('cli.bad-pair', { flag, value: text }));
  return [text.slice(0, at).trim(), text.slice(at + 1).trim()];
}

/** A template from `--template`, with `--target`, `--map Column=field` and `--set field=value` on top. */
export function templateFromFlags(cwd: string, flags: FlagValues<typeof TEMPLATE_FLAGS>): Template {
  let base: unknown = { name: 'CLI', target: flags.target };
  if (flags.template) {
    const path = resolve(cwd, flags.template);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      throw new CargaError(msg('cli.template-unreadable', { path }));
    }
    try {
      base = JSON.parse(text);
    } catch (error) {
      throw new CargaError(msg('cli.template-invalid', { path, detail: (error as Error).message }));
    }
  }
  const parsed = templateSchema.safeParse(base);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || '-';
    if (!flags.template && !flags.target)
      throw new CargaError(msg('cli.target-needed', { targets: TARGET_IDS.join(', ') }));
    throw new CargaError(
      msg('cli.template-invalid', {
        path: flags.template ?? '--target',
        detail: `${where}: ${issue?.message ?? ''}`,
      }),
    );
  }
  const template = parsed.data;
  if (flags.target) template.target = flags.target;
  for (const pair of flags.map ?? []) {
    const [column, field] = splitPair('--map', pair);
    template.columns[column] = field;
  }
  for (const pair of flags.set ?? []) {
    const [field, value] = splitPair('--set', pair);
    template.constants[field] = value;
  }
  return template;
}

/** `--type caseData.Monto=decimal` (repeatable): the types the CRM gives fields, over the template's. */
export function withDeclaredTypes(template: Template, pairs: readonly string[]): Template {
  for (const pair of pairs) {
    const [field, type] = splitPair('--type', pair);
    if (!(DECLARED_TYPES as readonly string[]).includes(type)) {
      throw new CargaError(
        msg('cli.bad-choice', { option: '--type', value: type, allowed: DECLARED_TYPES.join(', ') }),
      );
    }
    template.fieldTypes = { ...template.fieldTypes, [field]: type as DeclaredType };
  }
  return template;
}
