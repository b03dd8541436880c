// Whole seconds since `running` became true, ticking once a second; 0 while not running.
import { useEffect, useState } from "react";

/** Elapsed whole seconds while `running`; resets to 0 when it stops. The interval is cleared on stop/unmount. */
export function useElapsedSeconds(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!running) return undefined;
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    // Back to 0 when the run stops (or the pane goes), so the next run starts from 0.
    return () => {
      clearInterval(timer);
      setSeconds(0);
    };
  }, [running]);
  return seconds;
}
