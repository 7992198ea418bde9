/** Types of the parts of `parse-prometheus-text-format` (which ships none) that the tests use. */
declare module 'parse-prometheus-text-format' {
  export interface Sample {
    value?: string;
    labels?: Record<string, string>;
    buckets?: Record<string, string>;
    count?: string;
    sum?: string;
  }
  export interface MetricFamily {
    name: string;
    help: string;
    type: 'COUNTER' | 'GAUGE' | 'HISTOGRAM' | 'SUMMARY' | 'UNTYPED';
    metrics: Sample[];
  }
  /** Parses Prometheus text format 0.0.4; throws on a line that is not valid. */
  export default function parsePrometheusTextFormat(text: string): MetricFamily[];
}
