import type { JobStatus } from '../../shared/contract';

export const STATUS_COLORS: Record<JobStatus, string> = {
  running: 'indigo',
  paused: 'gray',
  'waiting-quota': 'yellow',
  stopped: 'red',
  cancelled: 'gray',
  finished: 'teal',
  'waiting-crm': 'yellow',
  'needs-review': 'red',
};
