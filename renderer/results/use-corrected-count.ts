import { useEffect, useState } from 'react';

import { useBridge } from '../app/bridge-context';

/** Failed rows the operator fixed since their last attempt: what "retry only the rows I
 * corrected" sends. Asked again after every fix (`fixes`) and whenever the job's status changes. */
export function useCorrectedCount(jobId: string, fixes: number, status: string | null): number | null {
  const bridge = useBridge();
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    let current = true;
    bridge
      .listResults({ jobId, filter: { outcomes: ['failed'], corrected: true }, offset: 0, limit: 1 })
      .then(
        (page) => current && setCount(page.total),
        // Without the count the button says nothing rather than something wrong.
        () => current && setCount(null),
      );
    return () => {
      current = false;
    };
  }, [bridge, jobId, fixes, status]);
  return count;
}
