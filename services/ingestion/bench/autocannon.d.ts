// The slice of autocannon's API the benchmark uses (the package ships no types).
declare module 'autocannon' {
  type Options = {
    url: string;
    method?: string;
    connections?: number;
    duration?: number;
    headers?: Record<string, string>;
    requests?: { setupRequest?: (request: Record<string, unknown>) => Record<string, unknown> }[];
  };
  type Result = { requests: { total: number }; non2xx: number; errors: number; latency: { p99: number } };
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
