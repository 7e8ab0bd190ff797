/** Counts turns of the event loop (setImmediate callbacks) until stopped. */
export function turnCounter(): { stop(): number } {
  let turns = 0;
  let running = true;
  const tick = () => {
    turns++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  return {
    stop() {
      running = false;
      return turns;
    },
  };
}
