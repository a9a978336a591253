// Request-rate quotas of the fake endpoint, modelled on AWS's: a quota covers one action or several
// (a Cognito API category is the list of its operations), per Region, and a request that arrives when
// the quota's window already holds its share is answered "Rate exceeded" instead of being served.

export interface Quota {
  /** `service:Operation` as IAM names them; all of them count against the one quota. */
  actions: readonly string[];
  /** Requests per second; below 1 it is one request per 1/rps seconds (0.05: one per 20 s). */
  rps: number;
  /** Only this Region's requests; every Region (each its own count) when absent. */
  region?: string;
}

/**
 * The gate for a world's quotas: `over(action, region)` says whether a request arriving now exceeds a
 * quota. Only requests let through count, as AWS counts what it serves.
 */
export function quotaGate(quotas: readonly Quota[] = [], now: () => number = () => performance.now()) {
  const served = new Map<string, number[]>();
  return {
    over(action: string, region: string): boolean {
      const t = now();
      const windows = quotas.flatMap((q, i) => {
        if (!q.actions.includes(action) || (q.region && q.region !== region)) return [];
        const size = Math.max(1, Math.floor(q.rps));
        const spanMs = (size / q.rps) * 1000;
        const key = `${i} ${region}`;
        const times = (served.get(key) ?? []).filter((s) => s > t - spanMs);
        served.set(key, times);
        return [{ times, size }];
      });
      if (windows.some((w) => w.times.length >= w.size)) return true;
      for (const w of windows) w.times.push(t);
      return false;
    },
  };
}
