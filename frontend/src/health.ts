/** Health is what the backend's /api/healthz and /api/readyz report. */
export type Health = { up: boolean; ready: boolean };

/** fetchHealth asks the backend whether it is up and its database reachable. */
export async function fetchHealth(fetcher: typeof fetch = fetch): Promise<Health> {
  const ok = async (path: string) => {
    try {
      const res = await fetcher(path);
      return res.ok;
    } catch {
      return false;
    }
  };
  const [up, ready] = await Promise.all([ok('/api/healthz'), ok('/api/readyz')]);
  return { up, ready };
}
