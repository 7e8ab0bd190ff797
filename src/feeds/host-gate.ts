/** Politeness: requests to one host start at least `intervalMs` apart (default one a second); hosts do not wait for each other. */

export interface HostGate {
  /** Resolves when a request to `host` may start. */
  wait(host: string): Promise<void>;
}

export function createHostGate(intervalMs = 1000): HostGate {
  const next = new Map<string, number>();
  return {
    async wait(host) {
      const now = Date.now();
      const at = Math.max(now, next.get(host) ?? 0);
      next.set(host, at + intervalMs);
      if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
    },
  };
}
