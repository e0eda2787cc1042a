import { watch, type FSWatcher } from 'node:fs';

/** The journal's name in its job folder. */
const JOURNAL_FILE = 'outcomes.jsonl';

export interface JournalWatch {
  close(): void;
}

/**
 * Calls `changed` when a job's journal may have grown: on the folder's change events, and on a
 * slow poll behind them, since watching misses changes on some network and virtual drives (and is
 * refused on a few). Calls are spaced at least `everyMs` apart (a pass appends many lines a
 * second; a screen needs ten updates a second at most), the last change always reported.
 */
export function watchJournal(
  folder: string,
  changed: () => void,
  timing: { everyMs?: number; pollMs?: number } = {},
): JournalWatch {
  return watchFolder(folder, changed, { ...timing, names: (name) => name === JOURNAL_FILE });
}

/** Calls `changed` as `watchJournal` does, when a name in `folder` that `names` accepts (any,
 * without it) may have changed. */
export function watchFolder(
  folder: string,
  changed: () => void,
  {
    everyMs = 100,
    pollMs = 1_000,
    names = () => true,
  }: { everyMs?: number; pollMs?: number; names?: (name: string) => boolean } = {},
): JournalWatch {
  let timer: NodeJS.Timeout | null = null;
  let last = 0;
  const nudge = () => {
    if (timer) return;
    timer = setTimeout(
      () => {
        timer = null;
        last = Date.now();
        changed();
      },
      Math.max(0, last + everyMs - Date.now()),
    );
    timer.unref();
  };
  let watcher: FSWatcher | null = null;
  try {
    watcher = watch(folder, { persistent: false }, (_event, name) => {
      if (!name || names(name)) nudge();
    });
    watcher.on('error', () => {
      watcher?.close();
      watcher = null;
    });
  } catch {
    // Watching is refused here: the poll alone follows the journal.
  }
  const poll = setInterval(nudge, pollMs);
  poll.unref();
  return {
    close() {
      watcher?.close();
      clearInterval(poll);
      if (timer) clearTimeout(timer);
    },
  };
}
