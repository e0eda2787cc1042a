import type { CargaApi } from '../../../shared/contract';
import type { EngineParts } from './engine-parts';

export type TemplateMethods = Pick<
  CargaApi,
  'listTemplates' | 'saveTemplate' | 'deleteTemplate' | 'matchTemplates'
>;

/** Saved mappings: kept, replaced, deleted, and offered for a file whose columns they fit. */
export function templateMethods({ templates, emit }: EngineParts): TemplateMethods {
  return {
    listTemplates: async () => templates.list(),
    saveTemplate: async ({ template }) => {
      const saved = templates.save(template);
      emit({ type: 'templates-changed' });
      return saved;
    },
    deleteTemplate: async ({ name }) => {
      templates.delete(name);
      emit({ type: 'templates-changed' });
    },
    matchTemplates: async ({ columns }) => templates.match(columns),
  };
}
