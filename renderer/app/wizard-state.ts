import type {
  FileInfo,
  FileOptions,
  JobStatus,
  MappingSuggestion,
  TargetId,
  Template,
} from '../../shared/contract';

export const STEPS = ['connect', 'file', 'map', 'check', 'run', 'results'] as const;
export type StepId = (typeof STEPS)[number];

export interface OpenedFile {
  info: FileInfo;
  /** What the operator overrode; sent again with every call that reads the file. */
  options: FileOptions;
}

export interface WizardState {
  view: 'wizard' | 'history';
  step: StepId;
  connectionId: string | null;
  target: TargetId | null;
  file: OpenedFile | null;
  /** Suggestions for the open file's columns, kept to show their confidence. */
  suggestions: MappingSuggestion[];
  template: Template | null;
  jobId: string | null;
  /** The job was started from `template` in this session: a retry may send it changed. */
  jobUsesTemplate: boolean;
}

export type WizardAction =
  | { type: 'go'; step: StepId }
  | { type: 'show-history' }
  | { type: 'show-wizard' }
  | { type: 'connection-chosen'; connectionId: string; target: TargetId }
  | { type: 'file-opened'; file: OpenedFile }
  | { type: 'mapping-started'; template: Template; suggestions: MappingSuggestion[] }
  | { type: 'template-changed'; template: Template }
  /** An edit of the mapping as a pure function, so editors need not hold the whole template. */
  | { type: 'template-edited'; edit: (template: Template) => Template }
  | { type: 'job-opened'; jobId: string; status: JobStatus; usesTemplate: boolean }
  /** Another file to the same connection: what belonged to the last job is left behind. */
  | { type: 'new-import' };

export const initialWizardState: WizardState = {
  view: 'wizard',
  step: 'connect',
  connectionId: null,
  target: null,
  file: null,
  suggestions: [],
  template: null,
  jobId: null,
  jobUsesTemplate: false,
};

/** Whether the operator has what a step needs; the stepper lets them jump only there. */
export function canEnter(state: WizardState, step: StepId): boolean {
  switch (step) {
    case 'connect':
      return true;
    case 'file':
      return state.connectionId !== null;
    case 'map':
      return state.connectionId !== null && state.file !== null;
    case 'check':
      return state.connectionId !== null && state.file !== null && state.template !== null;
    case 'run':
    case 'results':
      return state.jobId !== null;
  }
}

/** Where a job opened from history or found at start-up belongs: live ones on the run screen. */
export function stepForJob(status: JobStatus): StepId {
  return status === 'running' || status === 'waiting-quota' || status === 'paused' ? 'run' : 'results';
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'go':
      return canEnter(state, action.step) ? { ...state, view: 'wizard', step: action.step } : state;
    case 'show-history':
      return { ...state, view: 'history' };
    case 'show-wizard':
      return { ...state, view: 'wizard' };
    case 'connection-chosen': {
      // A mapping is made for one target's fields: another target starts it over.
      const keepMapping = state.target === action.target;
      return {
        ...state,
        connectionId: action.connectionId,
        target: action.target,
        template: keepMapping ? state.template : null,
        suggestions: keepMapping ? state.suggestions : [],
        jobUsesTemplate: keepMapping && state.jobUsesTemplate,
      };
    }
    case 'file-opened': {
      // New overrides that leave the columns as they were keep the mapping made so far.
      const sameColumns = state.file !== null && sameList(state.file.info.columns, action.file.info.columns);
      if (sameColumns && state.template) {
        // Another file is another import: the last job's mapping is no longer the one to retry with.
        return {
          ...state,
          file: action.file,
          template: { ...state.template, file: action.file.options },
          jobUsesTemplate: false,
        };
      }
      return { ...state, file: action.file, template: null, suggestions: [], jobUsesTemplate: false };
    }
    case 'mapping-started':
      return { ...state, template: action.template, suggestions: action.suggestions };
    case 'template-changed':
      return { ...state, template: action.template };
    case 'template-edited':
      return state.template ? { ...state, template: action.edit(state.template) } : state;
    case 'new-import':
      return {
        ...initialWizardState,
        connectionId: state.connectionId,
        target: state.target,
        step: state.connectionId === null ? 'connect' : 'file',
      };
    case 'job-opened':
      return {
        ...state,
        view: 'wizard',
        jobId: action.jobId,
        jobUsesTemplate: action.usesTemplate && state.template !== null,
        step: stepForJob(action.status),
      };
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
