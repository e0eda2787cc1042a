import type { Template } from '../../shared/contract';

/** How an editor changes the mapping: a pure function of the current template. Stable across
 * renders, so editors whose slice did not change skip re-rendering. */
export type EditTemplate = (edit: (template: Template) => Template) => void;
