// One autocannon run against one URL: throughput and latency percentiles; a non-2xx answer counts
// as an error so a run that only measured refusals cannot pass for a fast one.
import autocannon from 'autocannon';

export interface LoadResult {
  readonly url: string;
  readonly connections: number;
  readonly durationSec: number;
  readonly requests: number;
  readonly requestsPerSec: number;
  readonly latencyMs: {
    readonly p50: number;
    readonly p90: number;
    readonly p99: number;
    readonly max: number;
  };
  readonly errors: number;
  readonly non2xx: number;
}

export async function load(
  url: string,
  opts: { connections: number; durationSec: number; token?: string },
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: opts.connections,
    duration: opts.durationSec,
    headers: opts.token === undefined ? {} : { authorization: `Bearer ${opts.token}` },
  });
  return {
    url,
    connections: opts.connections,
    durationSec: opts.durationSec,
    requests: result.requests.total,
    requestsPerSec: result.requests.average,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
